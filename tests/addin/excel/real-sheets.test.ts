import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { markIssues } from "../../../addin/excel/annotate";
import { noteMergedCells } from "../../../addin/excel/merged";
import { readRoster } from "../../../addin/excel/read";
import { writeResults } from "../../../addin/excel/results";
import { insertTemplate } from "../../../addin/excel/template";
import { locateIssues } from "../../../addin/roster/locate";
import { toRosterRequest } from "../../../addin/roster/to-request";
import { referenceData } from "../../../shared/reference/index";
import type { RosterRequest } from "../../../shared/schema/roster";
import { validateRoster } from "../../../shared/validate/roster";
import { DAYS_1900_TO_1904 } from "../../support/fake-excel";
import { useFakeExcel } from "./fake";
import { OFFICE_SHEET_AS_OF, OFFICE_SHEET_ERRORS, OFFICE_SHEET_NAME, officeSheet, PERSON_ROWS } from "./office-sheet";

/** Real office sheets as the add-in reads them (issue 11; SPEC §3.1 "Values as real office sheets hold them"). */

const AS_OF = "2026-11-01";
/** Run from the project root, as vitest runs (the DOM environment has no file URL to resolve against). */
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/real-sheets/${name}`, "utf8")) as RosterRequest;

async function validateSheet() {
  const roster = await readRoster();
  const mapped = toRosterRequest(roster, AS_OF)!;
  return { roster, mapped, result: validateRoster(mapped.request, { asOf: AS_OF }) };
}

describe("a workbook in Excel's 1904 date system", () => {
  const j5 = fixture("j5_1904_serials.json");
  const sheet = () => [j5.nakes.columns, ...j5.nakes.rows];

  it("is read with its serials moved to the 1900 system, so j5's dates come out right", async () => {
    const fake = useFakeExcel({ dateSystem: 1904, sheets: { Nakes: [] } });
    // As the officer's sheet holds them: IDs as text, dates as the 1904 system's serials.
    fake.workbook.setValues("Nakes", "A1", sheet(), { raw: true });
    const { result } = await validateSheet();
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    const person = result.nakes[0]!;
    expect(person.tanggal_lahir).toBe("1993-09-15");
    expect(person.sip_berlaku_sampai).toBe("2029-05-01");
    expect(person.tmt_penugasan).toBe("2022-07-01");
  });

  it("is told from a 1900 workbook by DATE(1904,1,1) in the first round trip, at no extra round trip", async () => {
    const fake1900 = useFakeExcel({ sheets: { Nakes: [] } });
    fake1900.workbook.setValues("Nakes", "A1", sheet(), { raw: true });
    await readRoster();
    const syncs1900 = fake1900.stats.syncs;
    const { roster } = await validateSheet();
    // The same serials in a 1900 workbook are dates four years and a day earlier: nothing is shifted there.
    expect(roster.nakes!.rows[0]![3]).toBe(32765);

    const fake1904 = useFakeExcel({ dateSystem: 1904, sheets: { Nakes: [] } });
    fake1904.workbook.setValues("Nakes", "A1", sheet(), { raw: true });
    await readRoster();
    expect(fake1904.stats.syncs).toBe(syncs1900);
  });

  it("shifts only date columns: a number in another column (a NIK typed as a number) keeps its value", async () => {
    useFakeExcel({ dateSystem: 1904, sheets: { Nakes: [["NIK", "Nama", "Tanggal Lahir", "Keterangan"], [1706065509930004, "Nur", 32765, 5]] } });
    const roster = await readRoster();
    expect(roster.nakes!.rows[0]).toEqual([1706065509930000, "Nur", 32765 + DAYS_1900_TO_1904, 5]);
  });
});

describe("an office's own sheet", () => {
  it("skips title rows and reads a two-row header as one, the SIP date under its group header included", async () => {
    useFakeExcel({
      sheets: {
        Pegawai: [
          ["DAFTAR TENAGA KESEHATAN PUSKESMAS MUKOMUKO"],
          ["Keadaan 1 November 2026"],
          [],
          ["NIK", "Nama", "JK", "Tgl Lahir", "Jenis Tenaga", "Status", "Kode Fasyankes", "STR", null, "SIP", null],
          [null, null, null, null, null, null, null, "Nomor", "Berlaku s.d.", "Nomor", "Berlaku s.d."],
          ["'1706061509930001", "Budi Santoso", "L", "15/09/1993", "PERAWAT", "KONTRAK_DAERAH", "P1706030101", "'1234567890123456", null, "503/101/SIP-PER/2025", "01/09/2026"],
        ],
      },
    });
    const { roster, mapped, result } = await validateSheet();
    expect(roster.nakes!.headerRow).toBe(4);
    expect(roster.nakes!.rows).toHaveLength(1);
    expect(mapped.request.nakes.columns).toContain("sip_berlaku_sampai");
    const expired = result.issues.find((i) => i.code === "sip.expired");
    expect(expired).toMatchObject({ row: 0, column: "sip_berlaku_sampai" });
    // No finding on the sub-header row: it is header, not a person.
    expect(result.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["sip.expired"]);
  });

  it("hands a NIP and an STR held as numbers to the validator as numbers, so it can say their digits were lost", async () => {
    useFakeExcel({
      sheets: {
        Nakes: [
          ["NIK", "NIP", "Nama", "JK", "Tgl Lahir", "Jenis Tenaga", "Status", "Kode Fasyankes", "No. STR"],
          ["'1706061509930001", 199309152020121001, "Budi", "L", "15/09/1993", "PERAWAT", "PNS", "P1706030101", 1234567890123456],
        ],
      },
    });
    const { roster, result } = await validateSheet();
    expect(typeof roster.nakes!.rows[0]![1]).toBe("number");
    expect(typeof roster.nakes!.rows[0]![8]).toBe("number");
    const codes = result.issues.map((i) => i.code);
    expect(codes).toContain("nip.precision_lost");
    expect(codes).toContain("str.precision_lost");
    expect(codes).not.toContain("nip.format");
  });

  it("names the blank cells inside a real merged area, and the required finding there says to fill the value down", async () => {
    const fake = useFakeExcel({
      sheets: {
        Nakes: [
          ["NIK", "Nama", "JK", "Tgl Lahir", "Jenis Tenaga", "Status", "Kode Fasyankes"],
          ["'1706061509930001", "Budi", "L", "15/09/1993", "PERAWAT", "PNS", "P1706030101"],
          ["'1706064509930002", "Sari", "P", "05/09/1993", "BIDAN", "PNS", null],
          ["'1706061509930003", "Adi", "L", "15/09/1993", "PERAWAT", "PNS", null],
          ["'1706064509930004", "Rina", "P", "05/09/1993", "BIDAN", "PNS", "P1706040101"],
          ["'1706061509930005", "Dedi", "L", "15/09/1993", "PERAWAT", "PNS", null],
        ],
      },
    });
    fake.workbook.merge("Nakes", "G2:G4");
    const { roster, result } = await validateSheet();
    expect(roster.nakes!.merged).toEqual([
      { row: 1, column: 6 },
      { row: 2, column: 6 },
    ]);
    const noted = noteMergedCells(result.issues, roster, "id").filter((i) => i.code === "required" && i.column === "kode_fasyankes");
    expect(noted.map((i) => i.row)).toEqual([1, 2, 4]);
    expect(noted[0]!.message).toMatch(/tergabung/);
    expect(noted[1]!.message).toMatch(/tergabung/);
    // Row 4 is blank, not merged: the plain sentence (unless the validator's own look-alike rule applies).
    expect(noteMergedCells(result.issues, roster, "en").find((i) => i.code === "required" && i.row === 1)!.message).toMatch(/merged/);
  });

  it("still reads the sheet when Excel refuses to list its merged areas (more than 512)", async () => {
    const rows = [["NIK", "Nama", "Kode Fasyankes", "Ket"], ...Array.from({ length: 1_100 }, (_, i) => [`'17060615099${String(i).padStart(5, "0")}`, `Nama ${i}`, "P1706030101", null])];
    const fake = useFakeExcel({ sheets: { Nakes: rows } });
    for (let r = 2; r < 1_100; r += 2) fake.workbook.merge("Nakes", `D${r}:D${r + 1}`);
    const roster = await readRoster();
    expect(roster.nakes!.rows).toHaveLength(1_100);
    expect(roster.nakes!.merged).toEqual([]);
  });

  it("takes no sheet of hers for a roster unless its header names NIK (a coverage sheet has Kode fasyankes and Nama)", async () => {
    useFakeExcel({ sheets: { "Standar ketenagaan": [["Kode fasyankes", "Nama", "Jenis"], ["P1706010101", "Puskesmas Mukomuko", "BIDAN"]] } });
    expect((await readRoster()).nakes).toBeNull();
  });

  it("reads merged areas in the same round trips, and does without them before ExcelApi 1.13", async () => {
    const rows = [["NIK", "Nama", "Kode Fasyankes"], ["'1706061509930001", "Budi", "P1706030101"], ["'1706061509930003", "Adi", null]];
    const plain = useFakeExcel({ sheets: { Nakes: rows } });
    await readRoster();
    const syncs = plain.stats.syncs;
    const merged = useFakeExcel({ sheets: { Nakes: rows } });
    merged.workbook.merge("Nakes", "C2:C3");
    expect((await readRoster()).nakes!.merged).toEqual([{ row: 1, column: 2 }]);
    expect(merged.stats.syncs).toBe(syncs);
    const old = useFakeExcel({ maxApiVersion: "1.12", sheets: { Nakes: rows } });
    old.workbook.merge("Nakes", "C2:C3");
    expect((await readRoster()).nakes!.merged).toEqual([]);
  });
});

describe("after Sisipkan template", () => {
  const own = [
    ["DATA PEGAWAI"],
    ["NIK", "Nama", "JK", "Tgl Lahir", "Jenis Tenaga", "Status", "Kode Fasyankes"],
    ["'1706061509930001", "Budi", "L", "15/09/1993", "PERAWAT", "PNS", "P1706030101"],
    ["'1706064509930002", "Sari", "P", "05/09/1993", "BIDAN", "PNS", "P1706030101"],
  ];

  it("reads the officer's own filled sheet while the template's Nakes table is empty", async () => {
    const fake = useFakeExcel({ sheets: { "Data Pegawai": own } });
    await insertTemplate(referenceData);
    // insertTemplate leaves the (empty) Nakes sheet active.
    expect(fake.workbook.activeSheet().name).toBe("Nakes");
    const roster = await readRoster();
    expect(roster.nakes).toMatchObject({ sheetName: "Data Pegawai", headerRow: 1 });
    expect(roster.nakes!.rows).toHaveLength(2);
  });

  it("reads the template table once it holds rows", async () => {
    const fake = useFakeExcel({ sheets: { "Data Pegawai": own } });
    await insertTemplate(referenceData);
    fake.workbook.setValues("Nakes", "A2", [["1706061509930009", null, "Ani", "P"]]);
    const roster = await readRoster();
    expect(roster.nakes).toMatchObject({ sheetName: "Nakes", headerRow: 0 });
  });

  it("keeps to the empty template when no sheet of her own holds a roster", async () => {
    useFakeExcel({ sheets: { Catatan: [["Rapat", "Tanggal"], ["Evaluasi", "2026-01-01"]] } });
    await insertTemplate(referenceData);
    const roster = await readRoster();
    expect(roster.nakes).toMatchObject({ sheetName: "Nakes", rows: [] });
  });
});

describe("a puskesmas's own Nakes sheet, validated and marked in the workbook", () => {
  it("gives exactly the sheet's real findings and marks only people's cells", async () => {
    const fake = useFakeExcel({ sheets: { [OFFICE_SHEET_NAME]: officeSheet } });
    const roster = await readRoster();
    const mapped = toRosterRequest(roster, OFFICE_SHEET_AS_OF)!;
    const result = validateRoster(mapped.request, { asOf: OFFICE_SHEET_AS_OF });
    const { cells } = locateIssues(result.issues, mapped.layout);
    const errors = cells.filter((c) => c.issue.severity === "error");
    expect(errors.map((c) => `${c.address} ${c.issue.code}`).sort()).toEqual(OFFICE_SHEET_ERRORS.map((e) => `${e.address} ${e.code}`).sort());
    for (const e of OFFICE_SHEET_ERRORS.filter((x) => x.merged)) expect(errors.find((c) => c.address === e.address)!.issue.message).toMatch(/tergabung/);
    // Everything below the last person is skipped, said once per run of rows, and no warning lands there.
    expect(result.issues.some((i) => i.code === "row.skipped")).toBe(true);
    const rowOf = (address: string) => Number(/\d+$/.exec(address)![0]);
    expect(cells.filter((c) => c.issue.severity !== "info" && rowOf(c.address) > PERSON_ROWS.at(-1)!)).toEqual([]);

    await markIssues(cells);
    await writeResults(result.issues, cells, "id");
    const marked = [...fake.workbook.filledCells(OFFICE_SHEET_NAME).keys()];
    expect(marked.filter((a) => !PERSON_ROWS.includes(rowOf(a)))).toEqual([]);
    expect(marked).toEqual(expect.arrayContaining(OFFICE_SHEET_ERRORS.map((e) => e.address)));
    // Hasil Validasi shows the SIP's end as a date.
    const results = fake.workbook.valuesAt("Hasil Validasi", `A1:H${result.issues.length + 1}`);
    const sipRow = results.findIndex((r) => r[6] === "sip.expired") + 1;
    expect(fake.workbook.cellAt("Hasil Validasi", `E${sipRow}`).text).toBe("30/09/2026");
  });
});
