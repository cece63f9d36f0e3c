import { describe, expect, it } from "vitest";
import { lazyWorkbookActions } from "../../../addin/app/lazy-actions";
import { writeCoverage } from "../../../addin/excel/coverage";
import { CHART_MAX_ROWS, SOON_FILL, writeActionList, writePlacementPlan } from "../../../addin/excel/tindak-lanjut";
import { stringsFor } from "../../../addin/i18n";
import { LIST_SHEETS, listToSheet, planToSheet } from "../../../addin/tindak-lanjut/to-sheet";
import type { ListResponse, PlacementResponse } from "../../../shared/api/tindak-lanjut";
import { plan, sipList, sipRow } from "./fixtures";
import { formulasOn, useFakeExcel } from "../excel/fake";

const t = stringsFor("id");

describe("writeActionList", () => {
  it("writes the list as one named Excel table under its title, dates as dates and names and NIK as text", async () => {
    const fake = useFakeExcel();
    const { sheetName, rows } = await writeActionList(listToSheet(sipList, "Mukomuko", t));
    expect([sheetName, rows]).toEqual(["Tindak lanjut SIP", 3]);
    const wb = fake.workbook;
    expect(wb.cellAt(sheetName, "A1").value).toBe("SIP berakhir atau segera berakhir — Mukomuko, per 2026-11-01");
    expect(wb.valuesAt(sheetName, "A3:G3")).toEqual([["Kode fasyankes", "Nama fasyankes", "NIK", "Nama", "Jenis tenaga", "Tindakan", "Batas waktu"]]);
    const table = wb.table("TindakLanjut_SIP")!;
    expect(wb.tableAddress(table)).toBe("'Tindak lanjut SIP'!A3:K6");

    // NIK keeps all 16 digits and its leading zeros; the formula-looking name stays text.
    expect(wb.cellAt(sheetName, "C6")).toMatchObject({ value: "0012015203900003", numberFormat: "@" });
    expect(wb.cellAt(sheetName, "D6").value).toBe('=HYPERLINK("http://evil.example")');
    expect(wb.cellAt(sheetName, "H6").value).toBe("-12");
    expect(formulasOn(fake, sheetName).size).toBe(0);

    // batas and the SIP's end are date cells: a number shown day first.
    expect(wb.cellAt(sheetName, "G4")).toMatchObject({ numberFormat: "dd/mm/yyyy", text: "01/10/2026" });
    expect(typeof wb.cellAt(sheetName, "I5").value).toBe("number");
    expect(wb.valuesAt(sheetName, "J4:K4")).toEqual([[-31, "Sudah berakhir"]]);
  });

  it("colours the rows by urgency with rules that follow the rows: red on or before as_of, amber within 30 days", async () => {
    const fake = useFakeExcel();
    await writeActionList(listToSheet(sipList, "Mukomuko", t));
    const cfs = fake.workbook.conditionalFormatsOn("Tindak lanjut SIP");
    expect(cfs.map((cf) => [cf.address, cf.type, cf.rule, cf.format.fill])).toEqual([
      ["A4:K6", "Custom", { formula: "=AND(ISNUMBER($G4),$G4<=DATE(2026,11,1))" }, "#FFC7CE"],
      ["A4:K6", "Custom", { formula: "=AND(ISNUMBER($G4),$G4>DATE(2026,11,1),$G4<=DATE(2026,12,1))" }, SOON_FILL],
    ]);
  });

  it("refreshes in place: the same sheet and the same table, resized, the old rows and colours gone", async () => {
    const fake = useFakeExcel();
    await writeActionList(listToSheet(sipList, "Mukomuko", t));
    const before = fake.workbook.table("TindakLanjut_SIP")!;
    fake.stats.reset();
    await writeActionList(listToSheet({ list: "sip", as_of: sipList.as_of, rows: [sipRow()] }, "Mukomuko", t));
    // Find the sheet, load its charts and tables, then everything else in one go.
    expect(fake.stats.syncs).toBe(3);
    const wb = fake.workbook;
    expect(wb.sheets.filter((s) => s.name.startsWith("Tindak lanjut")).map((s) => s.name)).toEqual(["Tindak lanjut SIP"]);
    // The table object itself is kept, so `TindakLanjut_SIP[…]` elsewhere still names it (no #REF!).
    expect(wb.table("TindakLanjut_SIP")).toBe(before);
    expect(wb.tableAddress(before)).toBe("'Tindak lanjut SIP'!A3:K4");
    expect(wb.tables).toHaveLength(1);
    expect(wb.valuesAt("Tindak lanjut SIP", "A3:D3")).toEqual([["Kode fasyankes", "Nama fasyankes", "NIK", "Nama"]]);
    expect(wb.valuesAt("Tindak lanjut SIP", "D5:D6")).toEqual([[""], [""]]);
    expect(wb.conditionalFormatsOn("Tindak lanjut SIP").map((cf) => cf.address)).toEqual(["A4:K4", "A4:K4"]);
  });

  it("grows the same table when a refresh brings more rows, in the same three round trips", async () => {
    const fake = useFakeExcel();
    await writeActionList(listToSheet({ list: "sip", as_of: sipList.as_of, rows: [sipRow()] }, "Mukomuko", t));
    const before = fake.workbook.table("TindakLanjut_SIP")!;
    fake.stats.reset();
    await writeActionList(listToSheet(sipList, "Mukomuko", t));
    expect(fake.stats.syncs).toBe(3);
    expect(fake.workbook.table("TindakLanjut_SIP")).toBe(before);
    expect(fake.workbook.tableAddress(before)).toBe("'Tindak lanjut SIP'!A3:K6");
    expect(fake.workbook.valuesAt("Tindak lanjut SIP", "D6")).toEqual([['=HYPERLINK("http://evil.example")']]);
  });

  it("replaces the table on a host without Table.resize (ExcelApi before 1.13), keeping its name", async () => {
    const fake = useFakeExcel({ maxApiVersion: "1.12" });
    await writeActionList(listToSheet(sipList, "Mukomuko", t));
    const before = fake.workbook.table("TindakLanjut_SIP")!;
    await writeActionList(listToSheet({ list: "sip", as_of: sipList.as_of, rows: [sipRow()] }, "Mukomuko", t));
    const after = fake.workbook.table("TindakLanjut_SIP")!;
    expect(after).not.toBe(before);
    expect(fake.workbook.tableAddress(after)).toBe("'Tindak lanjut SIP'!A3:K4");
    expect(fake.workbook.tables).toHaveLength(1);
  });

  it("keeps an empty list as a table with its header, so the next pull finds the same shape", async () => {
    const fake = useFakeExcel();
    const { rows } = await writeActionList(listToSheet({ list: "poned", as_of: "2026-11-01", rows: [] }, "Mukomuko", t));
    expect(rows).toBe(0);
    expect(fake.workbook.tableAddress(fake.workbook.table("TindakLanjut_PONED")!)).toBe("'Tindak lanjut PONED'!A3:H4");
    expect(fake.workbook.conditionalFormatsOn("Tindak lanjut PONED")).toEqual([]);
  });

  it("leaves a table of the same name on another sheet alone (the user's renamed copy) and still writes the list", async () => {
    const fake = useFakeExcel();
    await writeActionList(listToSheet(sipList, "Mukomuko", t));
    fake.workbook.requireSheet("Tindak lanjut SIP").name = "SIP Oktober";
    await writeActionList(listToSheet(sipList, "Mukomuko", t));
    expect(fake.workbook.tableAddress(fake.workbook.table("TindakLanjut_SIP")!)).toBe("'SIP Oktober'!A3:K6");
    expect(fake.workbook.valuesAt("Tindak lanjut SIP", "D4")).toEqual([["Rina"]]);
  });

  it("writes a 20,000-row list in a bounded number of round trips, not one per row", async () => {
    const many: ListResponse = {
      list: "sip",
      as_of: "2026-11-01",
      rows: Array.from({ length: 20_000 }, (_, i) => sipRow({ nik: `17060152039${String(i).padStart(5, "0")}`, nama: `Orang ${i}` })),
    };
    const fake = useFakeExcel();
    await writeActionList(listToSheet(many, "Mukomuko", t));
    expect(fake.workbook.valuesAt("Tindak lanjut SIP", "D20003")).toEqual([["Orang 19999"]]);
    expect(fake.stats.syncs).toBeLessThanOrEqual(5);
    expect(fake.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("names each list's sheet and table the same whatever the language", () => {
    const en = stringsFor("en");
    expect(listToSheet(sipList, "Mukomuko", en)).toMatchObject({ sheetName: LIST_SHEETS.sip.sheet, tableName: LIST_SHEETS.sip.table });
    expect(listToSheet(sipList, "Mukomuko", en).columns.slice(0, 2).map((c) => c.label)).toEqual(["Facility code", "Facility name"]);
  });
});

describe("writePlacementPlan", () => {
  it("writes the plan as a table, the indicators before and after under it, and a bar chart of each gap before and after", async () => {
    const fake = useFakeExcel();
    const { sheetName, rows } = await writePlacementPlan(planToSheet(plan, "Mukomuko", "Dokter", t));
    expect([sheetName, rows]).toEqual(["Rencana penempatan", 2]);
    const wb = fake.workbook;
    expect(wb.tableAddress(wb.table("RencanaPenempatan")!)).toBe("'Rencana penempatan'!A3:H5");
    expect(wb.valuesAt(sheetName, "A4:H4")).toEqual([[1, "P1706020101", "Puskesmas Ipuh", "TERPENCIL", 2, 2, 0, "tanpa dokter"]]);
    expect(wb.valuesAt(sheetName, "A7:C11")).toEqual([
      ["Indikator wilayah", "", ""],
      ["Indikator", "Sebelum", "Sesudah"],
      ["Puskesmas", 2, 2],
      ["Puskesmas tanpa dokter", 1, 0],
      ["Puskesmas 9 jenis lengkap", 0, 0],
    ]);
    expect(wb.valuesAt(sheetName, "A12:C12")).toEqual([["Kekurangan Dokter terhadap standar", 3, 0]]);
    const [chart, ...others] = wb.chartsOn(sheetName);
    expect(others).toEqual([]);
    expect(chart).toMatchObject({ type: "BarClustered", seriesBy: "Columns", sourceAddress: "'Rencana penempatan'!J3:L5" });
    expect(wb.valuesAt(sheetName, "J3:L5")).toEqual([
      ["Nama fasyankes", "Kekurangan sebelum", "Kekurangan sesudah"],
      ["Puskesmas Ipuh", 2, 0],
      ["Puskesmas Lubuk Pinang", 1, 0],
    ]);
  });

  it("replaces the previous plan and its chart, and charts at most the first placed facilities", async () => {
    const fake = useFakeExcel();
    await writePlacementPlan(planToSheet(plan, "Mukomuko", "Dokter", t));
    const big: PlacementResponse = {
      ...plan,
      rows: Array.from({ length: CHART_MAX_ROWS + 10 }, (_, i) => ({ ...plan.rows[0]!, urutan: i + 1, kode_fasyankes: `P17060${String(i).padStart(5, "0")}`, nama_fasyankes: `Puskesmas ${i}`, tambahan: 1 })),
    };
    await writePlacementPlan(planToSheet(big, "Mukomuko", "Dokter", t));
    const charts = fake.workbook.chartsOn("Rencana penempatan");
    expect(charts).toHaveLength(1);
    expect(charts[0]!.sourceAddress).toBe(`'Rencana penempatan'!J3:L${3 + CHART_MAX_ROWS}`);
    expect(fake.workbook.tables).toHaveLength(1);
  });

  it("shares the sheet-clearing step with the coverage writer: a pull there leaves no chart of an earlier one", async () => {
    const fake = useFakeExcel();
    const table = { title: "Standar", columns: [{ key: "jenis", label: "Jenis", type: "text" as const }, { key: "kekurangan", label: "Kekurangan", type: "integer" as const }], rows: [["BIDAN", 2]] };
    await writeCoverage([table], undefined, { sheetName: "Rencana penempatan" });
    await writePlacementPlan(planToSheet(plan, "Mukomuko", "Dokter", t));
    expect(fake.workbook.chartsOn("Rencana penempatan").map((c) => c.type)).toEqual(["BarClustered"]);
  });
});

describe("the pane's workbook actions", () => {
  it("reach both writers through the lazily loaded office actions", async () => {
    const fake = useFakeExcel();
    const actions = lazyWorkbookActions("id");
    const progress: [number, number][] = [];
    await actions.writeActionList!(listToSheet(sipList, "Mukomuko", t), (done, total) => progress.push([done, total]));
    await actions.writePlacementPlan!(planToSheet(plan, "Mukomuko", "Dokter", t), () => undefined);
    expect(fake.workbook.tables.map((x) => x.name)).toEqual(["TindakLanjut_SIP", "RencanaPenempatan"]);
    expect(progress.at(-1)).toEqual([3, 3]);
  });
});
