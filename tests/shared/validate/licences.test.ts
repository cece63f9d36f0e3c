import { describe, expect, it } from "vitest";
import { check, codesOf, issuesOf } from "./support";

describe("the STR rules", () => {
  it("report str.required for a health profession without an STR", () => {
    expect(issuesOf(check([{ no_str: null }]), "str.required")).toMatchObject([{ severity: "error", column: "no_str" }]);
  });
  it("do not ask non-health staff for an STR", () => {
    expect(codesOf(check([{ jenis_tenaga: "ADMINISTRASI", no_str: null, no_sip: null, sip_berlaku_sampai: null }]))).toEqual([]);
  });
  it("warn str.expired for a dated STR before as_of, since STRs are for life now", () => {
    const r = check([{ str_berlaku_sampai: "2025-01-31" }]);
    expect(issuesOf(r, "str.expired")).toMatchObject([{ severity: "warning", column: "str_berlaku_sampai" }]);
    expect(r.nakes[0]!.str_berlaku_sampai).toBe("2025-01-31");
  });
  it("read SEUMUR HIDUP and an empty cell as lifetime", () => {
    for (const v of ["SEUMUR HIDUP", "Seumur Hidup", null]) {
      const r = check([{ str_berlaku_sampai: v }]);
      expect(r.issues).toEqual([]);
      expect(r.nakes[0]!.str_berlaku_sampai).toBeNull();
    }
  });
  it("report date.invalid for an unreadable STR date", () => {
    expect(codesOf(check([{ str_berlaku_sampai: "selamanya" }]))).toEqual(["date.invalid"]);
  });
});

describe("the SIP rules", () => {
  it("warn sip.required for a practising profession without a SIP", () => {
    expect(issuesOf(check([{ no_sip: null, sip_berlaku_sampai: null }]), "sip.required")).toMatchObject([{ severity: "warning", column: "no_sip" }]);
  });
  it("do not ask professions that need no SIP for one", () => {
    expect(codesOf(check([{ jenis_tenaga: "PROMKES", no_sip: null, sip_berlaku_sampai: null }]))).toEqual([]);
  });
  it("require the end date of a SIP that is given", () => {
    expect(issuesOf(check([{ sip_berlaku_sampai: null }]), "required")).toMatchObject([{ column: "sip_berlaku_sampai" }]);
  });
  it("report sip.expired with the SPEC's wording when the SIP ended before as_of", () => {
    const [issue] = issuesOf(check([{ sip_berlaku_sampai: "2026-09-30" }]), "sip.expired");
    expect(issue).toEqual({
      severity: "error",
      code: "sip.expired",
      table: "nakes",
      row: 0,
      column: "sip_berlaku_sampai",
      value: "2026-09-30",
      message: "SIP sudah tidak berlaku sejak 30 September 2026",
    });
  });
  it("warn sip.expiring within 90 days after as_of, and not later", () => {
    expect(codesOf(check([{ sip_berlaku_sampai: "2026-11-01" }]))).toEqual(["sip.expiring"]);
    expect(codesOf(check([{ sip_berlaku_sampai: "2027-01-30" }]))).toEqual(["sip.expiring"]);
    expect(codesOf(check([{ sip_berlaku_sampai: "2027-01-31" }]))).toEqual([]);
  });
  it("say how many days are left", () => {
    expect(issuesOf(check([{ sip_berlaku_sampai: "2026-12-01" }]), "sip.expiring")[0]!.message).toContain("30 hari");
  });
  it("report date.invalid for a SIP date that does not exist", () => {
    expect(issuesOf(check([{ sip_berlaku_sampai: "31/04/2027" }]), "date.invalid")).toMatchObject([{ column: "sip_berlaku_sampai", severity: "error" }]);
  });
});
