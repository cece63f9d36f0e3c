import { describe, expect, it } from "vitest";
import { writeResults } from "../../../addin/excel/results";
import type { IssueCell } from "../../../addin/excel/types";
import type { Issue } from "../../../shared/schema/issue";
import { formulasOn, useFakeExcel } from "./fake";

const nikIssue: Issue = {
  severity: "error",
  code: "nik.format",
  table: "nakes",
  row: 1,
  column: "nik",
  value: '=HYPERLINK("http://evil.example","klik")',
  message: "NIK harus 16 digit",
};
const phoneLike: Issue = { severity: "warning", code: "sip.expiring", table: "nakes", row: 3, column: "sip_berlaku_sampai", value: "+62 812 3456", message: "-SIP habis dalam 30 hari" };
const atSign: Issue = { severity: "info", code: "jenis_tenaga.normalized", table: "nakes", row: 3, column: "jenis_tenaga", value: "@dokter", message: "@ dibaca sebagai DOKTER" };
const header: Issue = { severity: "error", code: "header.missing", table: "nakes", row: null, column: "jenis_kelamin", message: "Kolom Jenis Kelamin tidak ada" };
const stored: Issue = { severity: "error", code: "pelatihan.nik_unknown", table: "pelatihan", row: 0, column: "nik", value: "-", message: "NIK tidak dikenal" };

const cells: IssueCell[] = [
  { sheetName: "Nakes", address: "A3", issue: nikIssue },
  { sheetName: "Nakes", address: "M5", issue: phoneLike },
  { sheetName: "Nakes", address: "F5", issue: atSign },
  { sheetName: "Nakes", address: "A1", issue: header },
];

describe("writeResults", () => {
  it("lists every issue, located or not, with a link to its cell", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"]] } });
    await writeResults([nikIssue, phoneLike, atSign, header, stored], cells, "id");
    const wb = fake.workbook;
    expect(wb.valuesAt("Hasil Validasi", "A1:H1")[0]).toEqual(["Sel", "Tabel", "Baris", "Kolom", "Nilai", "Tingkat", "Kode", "Pesan"]);
    expect(wb.valuesAt("Hasil Validasi", "A2:H6")).toEqual([
      ["Nakes!A3", "Nakes", 3, "NIK", '=HYPERLINK("http://evil.example","klik")', "Kesalahan", "nik.format", "NIK harus 16 digit"],
      ["Nakes!M5", "Nakes", 5, "Masa Berlaku SIP", "+62 812 3456", "Peringatan", "sip.expiring", "-SIP habis dalam 30 hari"],
      ["Nakes!F5", "Nakes", 5, "Jenis Tenaga", "@dokter", "Info", "jenis_tenaga.normalized", "@ dibaca sebagai DOKTER"],
      ["Nakes!A1", "Nakes", 1, "Jenis Kelamin", "", "Kesalahan", "header.missing", "Kolom Jenis Kelamin tidak ada"],
      ["", "Pelatihan", "", "NIK", "-", "Kesalahan", "pelatihan.nik_unknown", "NIK tidak dikenal"],
    ]);
    expect(wb.cellAt("Hasil Validasi", "A2").hyperlink).toMatchObject({ documentReference: "'Nakes'!A3", textToDisplay: "Nakes!A3" });
    expect(wb.cellAt("Hasil Validasi", "A3").hyperlink?.documentReference).toBe("'Nakes'!M5");
    expect(wb.cellAt("Hasil Validasi", "A6").hyperlink).toBeNull();
  });

  it("writes server and cell strings as text, so nothing on the sheet becomes a formula", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"]] } });
    await writeResults([nikIssue, phoneLike, atSign, stored], cells, "id");
    expect(formulasOn(fake, "Hasil Validasi").size).toBe(0);
    expect(fake.workbook.cellAt("Hasil Validasi", "E2").numberFormat).toBe("@");
    expect(fake.workbook.cellAt("Hasil Validasi", "H3").value).toBe("-SIP habis dalam 30 hari");
  });

  it("uses English headers and severities when the pane speaks English", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"]] } });
    await writeResults([nikIssue], cells, "en");
    expect(fake.workbook.valuesAt("Hasil Validasi", "A1:H2")).toEqual([
      ["Cell", "Table", "Row", "Column", "Value", "Severity", "Code", "Message"],
      ["Nakes!A3", "Nakes (staff)", 3, "NIK", '=HYPERLINK("http://evil.example","klik")', "Error", "nik.format", "NIK harus 16 digit"],
    ]);
  });

  it("replaces the previous results in place, leaving nothing of a longer earlier list", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"]] } });
    await writeResults([nikIssue, phoneLike, atSign, header, stored], cells, "id");
    const id = fake.workbook.requireSheet("Hasil Validasi").id;
    await writeResults([], [], "id");
    expect(fake.workbook.requireSheet("Hasil Validasi").id).toBe(id);
    expect(fake.workbook.usedAddress("Hasil Validasi")).toBe("'Hasil Validasi'!A1:H2");
    expect(fake.workbook.cellAt("Hasil Validasi", "H2").value).toBe("Tidak ada temuan.");
    expect(fake.workbook.cellAt("Hasil Validasi", "A3").hyperlink).toBeNull();
  });

  it("freezes and filters the header row", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"]] } });
    await writeResults([nikIssue, stored], cells, "id");
    const sheet = fake.workbook.requireSheet("Hasil Validasi");
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.autoFilter).toEqual({ r0: 0, c0: 0, r1: 2, c1: 7 });
    expect(fake.workbook.cellAt("Hasil Validasi", "B1").font.bold).toBe(true);
  });

  it("writes 40,000 findings with their links in at most 12 round trips, each request under 5 MB", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"]] } });
    const many: Issue[] = [];
    const manyCells: IssueCell[] = [];
    for (let i = 0; i < 40_000; i++) {
      const found: Issue = { ...nikIssue, row: i, message: `NIK pada baris ${i + 2} harus 16 digit angka, tanpa huruf atau tanda baca` };
      many.push(found);
      manyCells.push({ sheetName: "Nakes", address: `A${i + 2}`, issue: found });
    }
    fake.stats.reset();
    await writeResults(many, manyCells, "id");
    expect(fake.workbook.cellAt("Hasil Validasi", "A40001").hyperlink?.documentReference).toBe("'Nakes'!A40001");
    expect(fake.stats.maxRequestBytes).toBeLessThan(5_000_000);
    expect(fake.stats.syncs).toBeLessThanOrEqual(12);
  });

  it("shows a date column's value as a date in the workbook's own date system, never as its serial", async () => {
    const expired: Issue = { severity: "error", code: "sip.expired", table: "nakes", row: 0, column: "sip_berlaku_sampai", value: 46295, message: "SIP sudah tidak berlaku" };
    const iso: Issue = { ...expired, row: 1, value: "2026-09-30" };
    const unreadable: Issue = { ...expired, code: "date.invalid", row: 2, value: "31/02/2026" };
    for (const dateSystem of [1900, 1904] as const) {
      const fake = useFakeExcel({ dateSystem, sheets: { Nakes: [["NIK"]] } });
      await writeResults([expired, iso, unreadable, nikIssue], [], "id");
      const wb = fake.workbook;
      expect(wb.cellAt("Hasil Validasi", "E2")).toMatchObject({ text: "30/09/2026", numberFormat: "dd/mm/yyyy" });
      expect(wb.cellAt("Hasil Validasi", "E3")).toMatchObject({ text: "30/09/2026", numberFormat: "dd/mm/yyyy" });
      // Not a date: kept as the text it was.
      expect(wb.cellAt("Hasil Validasi", "E4")).toMatchObject({ value: "31/02/2026", numberFormat: "@" });
      expect(wb.cellAt("Hasil Validasi", "E5")).toMatchObject({ value: '=HYPERLINK("http://evil.example","klik")', formula: null });
    }
  });
});
