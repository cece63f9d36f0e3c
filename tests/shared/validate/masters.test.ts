import { describe, expect, it } from "vitest";
import { demoFacilities, demoFacilitiesTable } from "../../../fixtures/demo/facilities";
import { demoPopulation, demoPopulationTable } from "../../../fixtures/demo/population";
import { fasyankesRecordSchema, pendudukRecordSchema } from "../../../shared/schema/records";
import { facilityCodesOf, validateFacilities, validatePopulation } from "../../../shared/validate/masters";

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

  describe("facility codes by kind (SPEC §3.3)", () => {
    const klinik = (kode: unknown, wilayah = "1706", kecamatan: unknown = "170601") => [kode, "Klinik Pratama Sehat", "KLINIK", wilayah, kecamatan, null, "N", "N", "Y"];
    const lab = (kode: unknown) => [kode, "Labkesda Mukomuko", "LABKES", "1706", null, null, "N", "N", "Y"];

    it("accepts clinic and laboratory codes of K or L, the regency and 3 to 6 digits", () => {
      const r = facilities(klinik("K1706001"), klinik("k1706123456"), lab("L1706001"));
      expect(r.issues).toEqual([]);
      expect(r.records.map((x) => [x.kode, x.jenis, x.kode_wilayah])).toEqual([["K1706001", "KLINIK", "1706"], ["K1706123456", "KLINIK", "1706"], ["L1706001", "LABKES", "1706"]]);
    });

    it("refuses a code with the shape of another kind, saying the shape its kind takes", () => {
      for (const [row, shape] of [
        [klinik("P3601010101"), "K diikuti kode kabupaten/kota 4 digit"],
        [lab("1706015"), "L diikuti kode kabupaten/kota 4 digit"],
        [["K1706001", "Puskesmas X", "PUSKESMAS", "1706", "170601", "PEDESAAN", "N", "N", "Y"], "P diikuti 10 digit"],
        [["L1706001", "RSUD X", "RUMAH_SAKIT", "1706", null, null, "Y", "N", "Y"], "7 digit"],
      ] as const) {
        const r = facilities([...row]);
        expect(r.issues.map((i) => i.code)).toContain("fasyankes.kode_format");
        const issue = r.issues.find((i) => i.code === "fasyankes.kode_format")!;
        expect(issue.message).toContain(shape);
        expect(issue.message).toContain("ditentukan oleh bentuk kodenya");
        expect(r.records).toEqual([]);
      }
    });

    it("refuses a facility code that equals a region code, in any kind or none", () => {
      for (const kode of ["1706", "17", "170601", 1706]) {
        expect(codes(facilities(klinik(kode))), String(kode)).toEqual(["fasyankes.kode_format"]);
      }
      expect(codes(facilities([1706, "Klinik", "Posyandu", "1706", null, null, "N", "N", "Y"]))).toEqual(["fasyankes.invalid", "fasyankes.kode_format"]);
    });

    it("refuses clinic codes of too few or too many digits, and says so in English too", () => {
      expect(codes(facilities(klinik("K170601")))).toEqual(["fasyankes.kode_format"]);
      expect(codes(facilities(klinik("K17060012345")))).toEqual(["fasyankes.kode_format"]);
      const en = validateFacilities({ columns, rows: [klinik("K17")] as never }, { lang: "en" });
      expect(en.issues[0]!.message).toContain("K followed by the 4-digit regency code and 3–6 digits");
    });

    it("takes a clinic's regency from its code: another regency is wilayah_mismatch", () => {
      expect(codes(facilities(klinik("K3601001", "1706")))).toEqual(["fasyankes.wilayah_mismatch"]);
    });
  });

  describe("facility names stay text (no formulas)", () => {
    const named = (nama: unknown) => facilities(["P1706010101", nama, "PUSKESMAS", "1706", "170601", "PERKOTAAN", "Y", "Y", "Y"]);

    it("refuses a name that would be a formula in a sheet", () => {
      for (const nama of ['=HYPERLINK("http://x.example","Puskesmas")', "+628123", "-Puskesmas", "@SUM(A1)", "\t=1+1", " =1+1"]) {
        const r = named(nama);
        expect(r.issues.map((i) => [i.code, i.column]), nama).toEqual([["fasyankes.invalid", "nama"]]);
        expect(r.records).toEqual([]);
      }
      expect(named("=1+1").issues[0]!.message).toContain("diawali huruf atau angka");
    });

    it("refuses control characters inside a name", () => {
      expect(codes(named("Puskesmas\u0007 Kota"))).toEqual(["fasyankes.invalid"]);
    });

    it("accepts real names: titles, digits, marks and punctuation after the first letter", () => {
      for (const nama of ["RSUD dr. M. Yunus", "Puskesmas 1 Ulu", "2 Ilir", "Klinik Pratama \"Sehat\" (Cabang)", "Puskesmas Ciputat Timur - Tangsel", "Émile"]) {
        expect(codes(named(nama)), nama).toEqual([]);
      }
    });
  });

  describe("scope on the stored row and the new row (SPEC §7 Access)", () => {
    const banten = { kode: "P3601010101", jenis: "PUSKESMAS" as const, kode_wilayah: "3601", kecamatan: "360101", aktif: true };

    it("refuses turning a Banten puskesmas into a Mukomuko clinic for a Mukomuko admin", () => {
      const r = validateFacilities(
        { columns, rows: [["P3601010101", "Puskesmas Sumur", "KLINIK", "1706", "170601", null, "N", "N", "Y"]] },
        { scope: "1706", stored: new Map([[banten.kode, banten]]) },
      );
      expect(codes(r)).toEqual(expect.arrayContaining(["fasyankes.kode_format", "kode_fasyankes.out_of_scope"]));
      expect(r.records).toEqual([]);
    });

    it("refuses a change whose new row is in scope when the stored row is not", () => {
      // A row stored before codes were checked by kind: its code says Mukomuko, its row Banten.
      const legacy = { ...banten, kode: "P1706010101" };
      const r = validateFacilities({ columns, rows: [pkm] }, { scope: "1706", stored: new Map([[legacy.kode, legacy]]) });
      expect(codes(r)).toEqual(["kode_fasyankes.out_of_scope"]);
      expect(validateFacilities({ columns, rows: [pkm] }, { scope: "36", stored: new Map([[legacy.kode, legacy]]) }).ok).toBe(false);
    });

    it("refuses a Banten admin's clinic placed in Mukomuko, and a code equal to a region", () => {
      const k = ["K1706001", "Klinik", "KLINIK", "1706", null, null, "N", "N", "Y"];
      expect(codes(validateFacilities({ columns, rows: [k] }, { scope: "36" }))).toEqual(["kode_fasyankes.out_of_scope"]);
      expect(codes(validateFacilities({ columns, rows: [["1706", "Klinik", "KLINIK", "3601", null, null, "N", "N", "Y"]] }, { scope: "36" }))).toEqual(["fasyankes.kode_format"]);
    });

    it("lets a facility-scoped admin change its own facility only", () => {
      expect(codes(validateFacilities({ columns, rows: [pkm] }, { scope: "P1706010101" }))).toEqual([]);
      expect(codes(validateFacilities({ columns, rows: [["P1706010102", ...pkm.slice(1)]] }, { scope: "P1706010101" }))).toEqual(["kode_fasyankes.out_of_scope"]);
    });

    it("lists the codes a table names, as the validator reads them", () => {
      expect(facilityCodesOf({ columns: ["Kode Puskesmas", "Nama"], rows: [["p1706010101", "x"], [1706015, "y"], [null, "z"], ["P1706010101", "again"]] })).toEqual(["P1706010101", "1706015"]);
    });
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
