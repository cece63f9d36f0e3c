import { describe, expect, it } from "vitest";
import { check, codesOf, issuesOf, midwife, pnsNurse } from "./support";

const other = { nik: "1706015203850002" };

describe("the rules across rows", () => {
  it("flag both rows of a NIK twice in one facility, each naming the other", () => {
    const r = check([midwife, other, midwife]);
    const dup = issuesOf(r, "nik.duplicate");
    expect(dup).toMatchObject([
      { row: 0, severity: "error", column: "nik", related: [{ row: 2, column: "nik" }] },
      { row: 2, severity: "error", column: "nik", related: [{ row: 0, column: "nik" }] },
    ]);
    expect(r.nakes.map((x) => x.row)).toEqual([1]);
  });

  it("see the same NIK behind different spellings", () => {
    expect(issuesOf(check([midwife, { nik: "1706.0152.0385.0001" }]), "nik.duplicate")).toHaveLength(2);
  });

  it("allow one person in up to three facilities", () => {
    const r = check([{}, { kode_fasyankes: "P1706020101" }, { kode_fasyankes: "1706015" }]);
    expect(codesOf(r)).toEqual([]);
    expect(r.nakes).toHaveLength(3);
  });

  it("warn nik.multi_facility from the fourth facility on, naming the others", () => {
    const r = check([{}, { kode_fasyankes: "P1706020101" }, { kode_fasyankes: "1706015" }, { kode_fasyankes: "P1706030101" }]);
    const w = issuesOf(r, "nik.multi_facility");
    expect(w).toHaveLength(4);
    expect(w[0]).toMatchObject({ severity: "warning", row: 0 });
    expect(w[0]!.related).toEqual([
      { row: 1, column: "nik", kode_fasyankes: "P1706020101" },
      { row: 2, column: "nik", kode_fasyankes: "1706015" },
      { row: 3, column: "nik", kode_fasyankes: "P1706030101" },
    ]);
  });

  it("count the facilities where the stored rosters hold the NIK", () => {
    const stored = new Map([[midwife.nik, ["P1706020101", "P1706030101", "1706015"]]]);
    const r = check([midwife], { storedFacilitiesByNik: stored });
    expect(issuesOf(r, "nik.multi_facility")).toMatchObject([{ row: 0, related: [{ row: null, kode_fasyankes: "P1706020101" }, { row: null }, { row: null }] }]);
    expect(codesOf(check([midwife], { storedFacilitiesByNik: new Map([[midwife.nik, ["P1706020101", "P1706030101"]]]) }))).toEqual([]);
  });

  it("report nip.duplicate on both rows when two NIKs share a NIP", () => {
    const r = check([pnsNurse, { ...pnsNurse, nik: "1706014507900003", kode_fasyankes: "P1706020101" }]);
    expect(issuesOf(r, "nip.duplicate")).toMatchObject([
      { row: 0, severity: "error", related: [{ row: 1, column: "nip" }] },
      { row: 1, severity: "error", related: [{ row: 0, column: "nip" }] },
    ]);
    expect(r.nakes).toEqual([]);
  });

  it("let one person keep one NIP in two facilities", () => {
    expect(codesOf(check([pnsNurse, { ...pnsNurse, kode_fasyankes: "1706015" }]))).toEqual([]);
  });

  it("report nip.duplicate against a NIP stored for another NIK", () => {
    const r = check([pnsNurse], { storedNipOwner: new Map([["199007052015032001", "1706019999999999"]]) });
    expect(issuesOf(r, "nip.duplicate")).toMatchObject([{ row: 0, related: [{ row: null, column: "nip" }] }]);
    expect(codesOf(check([pnsNurse], { storedNipOwner: new Map([["199007052015032001", pnsNurse.nik as string]]) }))).toEqual([]);
  });

  it("warn str.duplicate when two NIKs share an STR number", () => {
    const r = check([midwife, { ...other, no_str: " 3121100321057123 " }]);
    expect(issuesOf(r, "str.duplicate")).toMatchObject([
      { row: 0, severity: "warning", related: [{ row: 1 }] },
      { row: 1, severity: "warning", related: [{ row: 0 }] },
    ]);
    expect(r.nakes).toHaveLength(2);
  });

  it("compare STR numbers of older formats without regard to case and spaces", () => {
    const r = check([{ no_str: "KT.01.01/1/IV/1234/2023" }, { ...other, no_str: "kt.01.01/1/iv/1234/2023" }]);
    expect(issuesOf(r, "str.duplicate")).toHaveLength(2);
  });

  it("warn str.duplicate against an STR stored for another NIK", () => {
    const r = check([midwife], { storedStrOwner: new Map([["3121100321057123", "1706019999999999"]]) });
    expect(issuesOf(r, "str.duplicate")).toMatchObject([{ row: 0, related: [{ row: null }] }]);
  });

  it("list a row's own findings before those comparing it with others", () => {
    const r = check([{ sip_berlaku_sampai: "2026-12-01" }, midwife]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [0, "sip.expiring"],
      [0, "nik.duplicate"],
      [1, "nik.duplicate"],
    ]);
  });
});
