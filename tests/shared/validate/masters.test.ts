import { describe, expect, it } from "vitest";
import { demoFacilities, demoFacilitiesTable } from "../../../shared/demo/facilities";
import { demoPopulation, demoPopulationTable } from "../../../shared/demo/population";
import { fasyankesRecordSchema, pendudukRecordSchema } from "../../../shared/schema/records";
import { validateFacilities, validatePopulation } from "../../../shared/validate/masters";

const columns = ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"];
const pkm = ["P1706010101", "Puskesmas Kota Mukomuko", "PUSKESMAS", "1706", "170601", "PERKOTAAN", "Y", "Y", "Y"];
const facilities = (...rows: unknown[][]) => validateFacilities({ columns, rows: rows as never });
const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

describe("validateFacilities", () => {
  it("accepts the demo master and returns its records", () => {
    const r = validateFacilities(demoFacilitiesTable());
    expect(r.issues).toEqual([]);
    expect(r.records).toEqual(demoFacilities);
    for (const rec of r.records) expect(fasyankesRecordSchema.safeParse(rec).success).toBe(true);
  });

  it("reads the headers of a sheet and Y/N spellings", () => {
    const r = validateFacilities({
      columns: ["Kode Puskesmas", "Nama Puskesmas", "Jenis", "Kode Kabupaten", "Kecamatan", "Kategori", "Rawat Inap", "PONED", "Aktif"],
      rows: [["p1706010101", "Puskesmas Kota Mukomuko", "Puskesmas", 1706, 170601, "Perkotaan", "Ya", "tidak", true]],
    });
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({ kode: "P1706010101", kode_wilayah: "1706", kecamatan: "170601", kategori: "PERKOTAAN", rawat_inap: true, poned: false, aktif: true });
  });

  it("reports fasyankes.kode_format for a puskesmas code that is not P + 10 digits", () => {
    expect(codes(facilities(["P170601010", ...pkm.slice(1)]))).toEqual(["fasyankes.kode_format"]);
  });

  it("reports fasyankes.kode_format for a hospital code that is not 7 digits", () => {
    expect(codes(facilities(["17060150", "RSUD Mukomuko", "RUMAH_SAKIT", "1706", null, null, "Y", "N", "Y"]))).toEqual(["fasyankes.kode_format"]);
  });

  it("reports fasyankes.wilayah_mismatch when the code points to another regency or kecamatan", () => {
    expect(codes(facilities(["P1706010101", "Puskesmas", "PUSKESMAS", "1705", null, "PEDESAAN", "N", "N", "Y"]))).toEqual(["fasyankes.wilayah_mismatch"]);
    expect(codes(facilities(["P1706010101", "Puskesmas", "PUSKESMAS", "1706", "170602", "PEDESAAN", "N", "N", "Y"]))).toEqual(["fasyankes.wilayah_mismatch"]);
    expect(codes(facilities(["1705015", "RSUD", "RUMAH_SAKIT", "1706", null, null, "Y", "N", "Y"]))).toEqual(["fasyankes.wilayah_mismatch"]);
  });

  it("takes the kecamatan of a puskesmas from its code when the column is empty", () => {
    expect(facilities(["P1706090102", "Puskesmas Tirta Mulya", "PUSKESMAS", "1706", null, "PEDESAAN", null, null, null]).records[0]).toMatchObject({ kecamatan: "170609", rawat_inap: false, poned: false, aktif: true });
  });

  it("needs a category for a puskesmas and refuses one for a hospital", () => {
    expect(facilities([...pkm.slice(0, 5), null, "Y", "Y", "Y"]).issues).toMatchObject([{ code: "required", column: "kategori" }]);
    expect(codes(facilities(["1706015", "RSUD Mukomuko", "RUMAH_SAKIT", "1706", null, "PERKOTAAN", "Y", "N", "Y"]))).toEqual(["fasyankes.invalid"]);
  });

  it("reports fasyankes.invalid for an unknown kind, category, flag or regency", () => {
    expect(codes(facilities([pkm[0], pkm[1], "Posyandu", ...pkm.slice(3)]))).toEqual(["fasyankes.invalid"]);
    expect(codes(facilities([...pkm.slice(0, 5), "KOTA", "Y", "Y", "Y"]))).toEqual(["fasyankes.invalid"]);
    expect(codes(facilities([...pkm.slice(0, 6), "mungkin", "Y", "Y"]))).toEqual(["fasyankes.invalid"]);
    expect(codes(facilities(["P1799010101", "Puskesmas", "PUSKESMAS", "1799", null, "PEDESAAN", "N", "N", "Y"]))).toEqual(["fasyankes.invalid"]);
  });

  it("flags both rows of a code listed twice", () => {
    const r = facilities(pkm, pkm);
    expect(r.issues).toMatchObject([
      { code: "fasyankes.duplicate", row: 0, related: [{ row: 1, column: "kode" }] },
      { code: "fasyankes.duplicate", row: 1, related: [{ row: 0, column: "kode" }] },
    ]);
    expect(r.records).toEqual([]);
  });

  it("refuses facilities outside the admin's scope", () => {
    expect(codes(validateFacilities({ columns, rows: [pkm] }, { scope: "36" }))).toEqual(["kode_fasyankes.out_of_scope"]);
    expect(codes(validateFacilities({ columns, rows: [pkm] }, { scope: "17" }))).toEqual([]);
  });

  it("reports a missing required column once", () => {
    const r = validateFacilities({ columns: ["kode", "nama"], rows: [["P1706010101", "X"]] });
    expect(r.issues.filter((i) => i.code === "header.missing").map((i) => i.column)).toEqual(["jenis", "kode_wilayah"]);
    expect(r.records).toEqual([]);
  });

  it("reports upload.empty for a table without rows", () => {
    expect(codes(validateFacilities({ columns, rows: [] }))).toEqual(["upload.empty"]);
  });
});

describe("validatePopulation", () => {
  const rows = (...r: unknown[][]) => validatePopulation({ columns: ["kode_wilayah", "tahun", "jumlah"], rows: r as never });

  it("accepts the demo population", () => {
    const r = validatePopulation(demoPopulationTable());
    expect(r.issues).toEqual([]);
    expect(r.records).toEqual(demoPopulation);
    for (const rec of r.records) expect(pendudukRecordSchema.safeParse(rec).success).toBe(true);
  });

  it("reads province, regency and kecamatan codes, also as numbers, and counts with separators", () => {
    const r = rows(["17", 2025, 2112000], [1706, "2025", "196.050"], ["170601", 2025, "27,850"]);
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => [x.kode_wilayah, x.jumlah])).toEqual([["17", 2112000], ["1706", 196050], ["170601", 27850]]);
  });

  it("reports penduduk.invalid for a code of another length or an unknown region", () => {
    expect(codes(rows(["170", 2025, 1]))).toEqual(["penduduk.invalid"]);
    expect(codes(rows(["99", 2025, 1]))).toEqual(["penduduk.invalid"]);
  });

  it("reports penduduk.invalid for a year out of range and a negative or fractional count", () => {
    expect(codes(rows(["17", 1950, 1]))).toEqual(["penduduk.invalid"]);
    expect(codes(rows(["17", 2025, -5]))).toEqual(["penduduk.invalid"]);
    expect(codes(rows(["17", 2025, 10.5]))).toEqual(["penduduk.invalid"]);
  });

  it("accepts a count of zero", () => {
    expect(codes(rows(["17", 2025, 0]))).toEqual([]);
  });

  it("flags a region and year listed twice", () => {
    expect(codes(rows(["17", 2025, 1], ["17", 2024, 1], ["17", 2025, 2]))).toEqual(["penduduk.duplicate", "penduduk.duplicate"]);
  });

  it("refuses regions outside the admin's scope", () => {
    expect(validatePopulation({ columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["36", 2025, 1]] }, { scope: "17" }).issues).toMatchObject([{ code: "penduduk.out_of_scope" }]);
  });
});
