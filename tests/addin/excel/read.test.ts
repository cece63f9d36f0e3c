import { describe, expect, it } from "vitest";
import { readRoster } from "../../../addin/excel/read";
import { insertTemplate } from "../../../addin/excel/template";
import { referenceData } from "../../../shared/reference/index";
import { useFakeExcel } from "./fake";

describe("readRoster", () => {
  it("reads the template tables by name, with the rows typed below them, values as Excel holds them", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData);
    // Typed in by the user: the NIK column is text; a number pasted into a General column stays a number.
    fake.workbook.setValues("Nakes", "A2", [
      ["3601014101900001", null, "Siti Aminah", "P", 32874],
      ["3601014101900002", null, "Budi", "L", "01/02/1990"],
    ]);
    fake.workbook.setValues("Pelatihan", "A2", [["3601014101900001", "PONED", 2022]]);
    fake.stats.reset();
    const roster = await readRoster();
    expect(roster.nakes).toMatchObject({ table: "nakes", sheetName: "Nakes", headerRow: 0, firstColumn: 0 });
    expect(roster.nakes!.headers.slice(0, 5)).toEqual(["NIK", "NIP", "Nama Lengkap", "Jenis Kelamin", "Tanggal Lahir"]);
    expect(roster.nakes!.rows.map((r) => r.slice(0, 5))).toEqual([
      ["3601014101900001", null, "Siti Aminah", "P", 32874],
      ["3601014101900002", null, "Budi", "L", "01/02/1990"],
    ]);
    expect(roster.pelatihan!.rows).toEqual([["3601014101900001", "PONED", 2022, null]]);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
  });

  it("reads a user's own sheet with alias headers below a title, from the active sheet", async () => {
    const fake = useFakeExcel({
      sheets: {
        "Data Pegawai": [
          ["DAFTAR PEGAWAI PUSKESMAS MUKOMUKO"],
          [],
          ["No KTP", "Nama Pegawai", "L/P", "Tgl Lahir", "Profesi", "Status", "Kode Puskesmas", "Catatan kecil"],
          [3601014101900001, "dr. Siti, Sp.A", "P", "1990-01-01", "Dokter Umum", "PNS", "P1706010101"],
          [null, null, null, null, null, null, null],
          ["'3601014101900002", "Budi", "L", "1991-02-03", "Perawat", "PPPK", "P1706010101", "pindahan"],
          [],
        ],
      },
    });
    const roster = await readRoster();
    expect(roster.pelatihan).toBeNull();
    expect(roster.nakes).toMatchObject({ sheetName: "Data Pegawai", headerRow: 2, firstColumn: 0 });
    expect(roster.nakes!.headers).toEqual(["No KTP", "Nama Pegawai", "L/P", "Tgl Lahir", "Profesi", "Status", "Kode Puskesmas", "Catatan kecil"]);
    // The NIK typed as a number lost its last digit, as in Excel; with an apostrophe it kept it; ISO dates became serials.
    expect(roster.nakes!.rows).toEqual([
      [3601014101900000, "dr. Siti, Sp.A", "P", 32874, "Dokter Umum", "PNS", "P1706010101", null],
      [null, null, null, null, null, null, null, null],
      ["3601014101900002", "Budi", "L", 33272, "Perawat", "PPPK", "P1706010101", "pindahan"],
    ]);
  });

  it("finds a table that starts away from A1 and drops empty columns past the last header", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [] } });
    fake.workbook.setValues("Nakes", "C5", [
      ["NIK", "Nama", "JK"],
      ["'3601014101900001", "Ani", "P"],
    ]);
    fake.workbook.setValues("Nakes", "H40", [[null]]);
    fake.workbook.setValues("Nakes", "C9", [[null, null, null]]);
    const roster = await readRoster();
    expect(roster.nakes).toMatchObject({ headerRow: 4, firstColumn: 2, headers: ["NIK", "Nama", "JK"], rows: [["3601014101900001", "Ani", "P"]] });
  });

  it("reads the active sheet when the Nakes sheet is still empty", async () => {
    const fake = useFakeExcel({ sheets: { Salinan: [["NIK", "Nama", "JK"], ["'3601014101900001", "Ani", "P"]] } });
    fake.workbook.addSheet("Nakes");
    const roster = await readRoster();
    expect(roster.nakes).toMatchObject({ sheetName: "Salinan", rows: [["3601014101900001", "Ani", "P"]] });
  });

  it("finds no roster on an active sheet without roster headers", async () => {
    useFakeExcel({ sheets: { Catatan: [["Rapat", "Tanggal"], ["Evaluasi", "2026-01-01"]] } });
    expect(await readRoster()).toEqual({ nakes: null, pelatihan: null });
  });

  it("reads 30,000 rows in blocks whose answers stay under 5 MB, in at most 8 round trips", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [] } });
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      `3601${String(i).padStart(12, "0")}`,
      `Nama Pegawai Yang Cukup Panjang ${i}`,
      i % 2 ? "L" : "P",
      "1990-01-01",
      "PERAWAT",
      "PNS",
      "P1706010101",
      `Keterangan panjang untuk baris ${i} `.repeat(3),
    ]);
    fake.workbook.setValues("Nakes", "A1", [["NIK", "Nama", "JK", "Tanggal Lahir", "Jenis Tenaga", "Status", "Kode Fasyankes", "Keterangan"]]);
    fake.workbook.setValues("Nakes", "A2", rows, { raw: true });
    fake.stats.reset();
    const progress: number[] = [];
    const roster = await readRoster((done) => progress.push(done));
    expect(roster.nakes!.rows).toHaveLength(30_000);
    expect(roster.nakes!.rows[29_999]![0]).toBe(rows[29_999]![0]);
    expect(fake.stats.maxResponseBytes).toBeLessThan(5_000_000);
    expect(fake.stats.syncs).toBeLessThanOrEqual(8);
    expect(progress.at(-1)).toBe(30_000);
  });

  it("halves a block and reads on when later rows are far longer than the first ones", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [] } });
    fake.workbook.setValues("Nakes", "A1", [["NIK", "Nama", "Keterangan"]]);
    const short = Array.from({ length: 2_000 }, (_, i) => [`36010141019${String(i).padStart(5, "0")}`, "A", ""]);
    const long = Array.from({ length: 6_000 }, (_, i) => [`36020141019${String(i).padStart(5, "0")}`, "B", "x".repeat(1_500)]);
    fake.workbook.setValues("Nakes", "A2", [...short, ...long], { raw: true });
    const roster = await readRoster();
    expect(roster.nakes!.rows).toHaveLength(8_000);
    expect(roster.nakes!.rows[7_999]![2]).toBe("x".repeat(1_500));
    expect(fake.stats.records.some((r) => r.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  });
});
