import { describe, expect, it } from "vitest";
import { check, codesOf, issuesOf } from "./support";

describe("the assignment rules", () => {
  it("report penugasan.tmt_required for a special assignment without TMT", () => {
    expect(issuesOf(check([{ status_kepegawaian: "PENUGASAN_KHUSUS" }]), "penugasan.tmt_required")).toMatchObject([{ severity: "error", column: "tmt_penugasan" }]);
    expect(codesOf(check([{ status_kepegawaian: "NUSANTARA_SEHAT" }]))).toEqual(["penugasan.tmt_required"]);
  });
  it("need no TMT from other statuses", () => {
    expect(codesOf(check([{ status_kepegawaian: "KONTRAK_DAERAH", tmt_penugasan: null }]))).toEqual([]);
  });
  it("warn penugasan.ended five years after the TMT", () => {
    const r = check([{ status_kepegawaian: "PENUGASAN_KHUSUS", tmt_penugasan: "2021-10-31" }]);
    expect(issuesOf(r, "penugasan.ended")).toMatchObject([{ severity: "warning", column: "tmt_penugasan" }]);
    expect(issuesOf(r, "penugasan.ended")[0]!.message).toContain("31 Oktober 2026");
  });
  it("keep a term that ends on as_of itself current", () => {
    expect(codesOf(check([{ status_kepegawaian: "PENUGASAN_KHUSUS", tmt_penugasan: "2021-11-01" }]))).toEqual([]);
  });
  it("do not end a Nusantara Sehat assignment after five years", () => {
    expect(codesOf(check([{ status_kepegawaian: "NUSANTARA_SEHAT", tmt_penugasan: "2019-01-01" }]))).toEqual([]);
  });
  it("report date.invalid for a TMT in the future", () => {
    expect(issuesOf(check([{ status_kepegawaian: "PENUGASAN_KHUSUS", tmt_penugasan: "2027-01-01" }]), "date.invalid")).toMatchObject([{ column: "tmt_penugasan" }]);
  });
});
