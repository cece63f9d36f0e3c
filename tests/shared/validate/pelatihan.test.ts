import { describe, expect, it } from "vitest";
import { check, codesOf, issuesOf, midwife } from "./support";

const training = (...rows: unknown[][]) => ({ pelatihan: { columns: ["nik", "kode_pelatihan", "tahun", "penyelenggara"], rows: rows as never } });

describe("the Pelatihan table", () => {
  it("yields records for courses of people in the Nakes table", () => {
    const r = check([midwife], {}, training([midwife.nik, "PONED", 2023, "Bapelkes Bengkulu"], [midwife.nik, "ppi", "2024", null]));
    expect(r.issues).toEqual([]);
    expect(r.pelatihan).toEqual([
      { row: 0, nik: midwife.nik, kode_pelatihan: "PONED", tahun: 2023, penyelenggara: "Bapelkes Bengkulu" },
      { row: 1, nik: midwife.nik, kode_pelatihan: "PPI", tahun: 2024, penyelenggara: null },
    ]);
  });

  it("reports pelatihan.nik_unknown for a NIK neither uploaded nor stored", () => {
    const r = check([midwife], { storedNiks: new Set(["1706015203850002"]) }, training(["1706015203850003", "PONED", 2023]));
    expect(issuesOf(r, "pelatihan.nik_unknown")).toMatchObject([{ table: "pelatihan", row: 0, column: "nik", severity: "error" }]);
  });

  it("accepts a NIK that only the stored rosters hold", () => {
    expect(codesOf(check([midwife], { storedNiks: new Set(["1706015203850002"]) }, training(["1706015203850002", "PONED", 2023])))).toEqual([]);
  });

  it("skips the NIK rule when the stored NIKs are not known (the add-in)", () => {
    expect(codesOf(check([midwife], {}, training(["1706015203850003", "PONED", 2023])))).toEqual([]);
  });

  it("checks the NIK's format like the Nakes table does", () => {
    expect(codesOf(check([midwife], {}, training([1706015203850001, "PONED", 2023])))).toEqual(["nik.precision_lost"]);
  });

  it("reports pelatihan.kode_unknown for a course that is no code", () => {
    expect(issuesOf(check([midwife], {}, training([midwife.nik, "Senam Hamil", 2023])), "pelatihan.kode_unknown")).toMatchObject([{ column: "kode_pelatihan" }]);
  });

  it("reports pelatihan.tahun outside 1990 … as_of", () => {
    for (const tahun of [1989, 2027, "dua ribu", 2023.5]) {
      expect(codesOf(check([midwife], {}, training([midwife.nik, "PPI", tahun])))).toEqual(["pelatihan.tahun"]);
    }
    expect(codesOf(check([midwife], {}, training([midwife.nik, "PPI", 1990], [midwife.nik, "MTBS", 2026])))).toEqual([]);
  });

  it("names the first row of a repeated course on every repeat, in row order among the other rows' findings", () => {
    const other = "1706014507900002";
    const r = check([midwife, { ...midwife, nik: other, tanggal_lahir: "1990-07-05" }], {}, training(
      [midwife.nik, "PPI", 2024],
      [other, "PPI", 2024],
      [midwife.nik, "PPI", 2024],
      [other, "Senam Hamil", 2024],
      ["1706 0152 0385 0001", "ppi", "2024"],
      [other, "PPI", 2024],
    ));
    expect(r.issues.filter((i) => i.table === "pelatihan").map((i) => [i.row, i.code, i.related?.map((x) => x.row)])).toEqual([
      [2, "pelatihan.duplicate", [0]],
      [3, "pelatihan.kode_unknown", undefined],
      [4, "pelatihan.duplicate", [0]],
      [5, "pelatihan.duplicate", [1]],
    ]);
    expect(r.pelatihan.map((p) => p.row)).toEqual([0, 1]);
  });

  it("keeps one record of a course repeated thousands of times by one person", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [midwife.nik, i % 2 === 0 ? "PPI" : "MTBS", 2000 + (i % 20)]);
    const r = check([midwife], {}, training(...rows));
    expect(r.pelatihan.map((p) => p.row)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(issuesOf(r, "pelatihan.duplicate")).toHaveLength(4980);
    expect(issuesOf(r, "pelatihan.duplicate").every((i) => i.related![0]!.row === i.row! % 20)).toBe(true);
  });

  it("reports its missing values as required", () => {
    expect(issuesOf(check([midwife], {}, training([midwife.nik, null, null])), "required").map((i) => i.column)).toEqual(["kode_pelatihan", "tahun"]);
  });
});
