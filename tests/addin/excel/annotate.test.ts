import { describe, expect, it } from "vitest";
import { clearMarks, isMarkFormula, MARK_COLORS, markIssues } from "../../../addin/excel/annotate";
import type { IssueCell } from "../../../addin/excel/types";
import type { Issue, Severity } from "../../../shared/schema/issue";
import { useFakeExcel } from "./fake";

function issue(severity: Severity, row: number | null, column: string): Issue {
  return { severity, code: severity === "error" ? "nik.format" : severity === "warning" ? "sip.expiring" : "jenis_tenaga.normalized", table: "nakes", row, column, message: "…" };
}

function at(address: string, severity: Severity, sheetName = "Nakes"): IssueCell {
  return { sheetName, address, issue: issue(severity, 0, "nik") };
}

function rosterSheet() {
  const fake = useFakeExcel({ sheets: { Nakes: [["NIK", "Nama", "JK"], ...Array.from({ length: 20 }, (_, i) => [`'36010141019000${String(i).padStart(2, "0")}`, `Nama ${i}`, "L"])] } });
  return fake;
}

describe("markIssues", () => {
  it("colours exactly the cells with issues, each in the colour of its worst issue", async () => {
    const fake = rosterSheet();
    await markIssues([at("A2", "error"), at("A3", "warning"), at("B3", "info"), at("B3", "error"), at("C5", "warning"), at("C5", "info"), at("B1", "error")]);
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({
      B1: MARK_COLORS.error,
      A2: MARK_COLORS.error,
      A3: MARK_COLORS.warning,
      B3: MARK_COLORS.error,
      C5: MARK_COLORS.warning,
    });
  });

  it("takes the previous marks off on a re-run and leaves the user's own colours alone", async () => {
    const fake = rosterSheet();
    fake.workbook.setFill("Nakes", "C10", "#00B050");
    await markIssues([at("A2", "error"), at("A3", "error"), at("A4", "error"), at("B7", "warning")]);
    await markIssues([at("A3", "warning"), at("C12", "info")]);
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ A3: MARK_COLORS.warning, C10: "#00B050", C12: MARK_COLORS.info });
    await clearMarks();
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ C10: "#00B050" });
  });

  it("keeps its marks in the workbook itself, so they come off even after the pane was reloaded", async () => {
    const fake = rosterSheet();
    await markIssues([at("A2", "error"), at("B2:B4", "warning")]);
    // No list of addresses anywhere: the marks are rules Excel keeps with the cells.
    expect(fake.workbook.sheet("NakesRosterTanda")).toBeUndefined();
    expect(fake.workbook.conditionalFormatsOn("Nakes").every((cf) => isMarkFormula(cf.rule.formula))).toBe(true);
    // Another pane instance knows nothing in memory; the workbook remembers.
    await clearMarks();
    expect(fake.workbook.filledCells("Nakes").size).toBe(0);
    expect(fake.workbook.conditionalFormatsOn("Nakes")).toEqual([]);
  });

  it("never changes a cell's own fill: a cell she coloured keeps her colour under a mark and after it", async () => {
    const fake = rosterSheet();
    fake.workbook.setFill("Nakes", "A3", "#00B050");
    await markIssues([at("A3", "error")]);
    expect(fake.workbook.filledCells("Nakes").get("A3")).toBe(MARK_COLORS.error);
    await clearMarks();
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ A3: "#00B050" });
  });

  it("keeps a mark on its person when she sorts the rows, and takes it off there, leaving the row now at its old place alone", async () => {
    const fake = rosterSheet();
    fake.workbook.setValues("Nakes", "B2:B21", Array.from({ length: 20 }, (_, i) => [`Nama ${String(19 - i).padStart(2, "0")}`]));
    // Her own colour on the person who will move to row 2.
    fake.workbook.setFill("Nakes", "A21", "#00B050");
    await markIssues([at("A2", "error"), at("C5", "warning")]);
    const marked = fake.workbook.valuesAt("Nakes", "B2")[0]![0];
    fake.workbook.sortRows("Nakes", "A2:C21", "B");
    // "Nama 19" was on row 2 and is now on row 21, its mark with it; row 2 holds "Nama 00", still in her colour.
    const row = fake.workbook.valuesAt("Nakes", "B2:B21").findIndex(([v]) => v === marked) + 2;
    expect(row).toBe(21);
    expect(fake.workbook.filledCells("Nakes").get(`A${row}`)).toBe(MARK_COLORS.error);
    expect(fake.workbook.filledCells("Nakes").get("A2")).toBe("#00B050");
    await clearMarks();
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ A2: "#00B050" });
  });

  it("keeps a mark on its person when she inserts rows above, and a re-run replaces it", async () => {
    const fake = rosterSheet();
    await markIssues([at("A5", "error")]);
    fake.workbook.insertRows("Nakes", 3, 2);
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ A7: MARK_COLORS.error });
    await markIssues([at("B7", "warning")]);
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ B7: MARK_COLORS.warning });
  });

  it("leaves her own conditional formats alone", async () => {
    const fake = rosterSheet();
    await Excel.run(async (context) => {
      const own = context.workbook.worksheets.getItem("Nakes").getRange("C2:C21").conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      own.cellValue.rule = { formula1: '="L"', operator: "EqualTo" };
      own.cellValue.format.fill.color = "#BDD7EE";
      await context.sync();
    });
    await markIssues([at("A2", "error")]);
    await clearMarks();
    expect(fake.workbook.conditionalFormatsOn("Nakes").map((cf) => cf.type)).toEqual(["CellValue"]);
  });

  it("takes off the fills an earlier version painted and listed on its very hidden sheet, once", async () => {
    const fake = rosterSheet();
    fake.workbook.setFill("Nakes", "A2:A3", MARK_COLORS.error);
    fake.workbook.setValues("NakesRosterTanda", "A1", [["Nakes", "error", "A2:A3"]]);
    fake.workbook.requireSheet("NakesRosterTanda").visibility = "VeryHidden";
    await markIssues([at("B2", "warning")]);
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ B2: MARK_COLORS.warning });
    expect(fake.workbook.sheet("NakesRosterTanda")).toBeUndefined();
  });

  it("paints nothing on rows skipped as no person, whatever sits on them", async () => {
    const fake = rosterSheet();
    const skipped: Issue = { severity: "info", code: "row.skipped", table: "nakes", row: 10, column: null, message: "…", related: [{ row: 11, column: null }] };
    const onSkipped: Issue = { ...issue("error", 11, "nik") };
    await markIssues([
      { sheetName: "Nakes", address: "A12", issue: skipped },
      { sheetName: "Nakes", address: "A13", issue: onSkipped },
      at("A2", "error"),
    ]);
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ A2: MARK_COLORS.error });
  });

  it("skips the marks of a sheet deleted since, instead of failing", async () => {
    const fake = rosterSheet();
    fake.workbook.setValues("Pelatihan", "A1", [["NIK"], ["x"]]);
    await markIssues([at("A2", "error", "Pelatihan"), at("A2", "error")]);
    fake.workbook.deleteSheet(fake.workbook.requireSheet("Pelatihan"));
    await clearMarks();
    expect(fake.workbook.filledCells("Nakes").size).toBe(0);
  });

  it("marks 20,000 scattered cells in at most 4 round trips with every address list under Excel's length limit", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"]] } });
    const cells: IssueCell[] = [];
    for (let r = 2; r <= 40_001; r += 2) cells.push(at(`${r % 4 === 0 ? "A" : "C"}${r}`, r % 3 === 0 ? "error" : "warning"));
    fake.stats.reset();
    await markIssues(cells);
    const filled = fake.workbook.filledCells("Nakes");
    expect(filled.size).toBe(20_000);
    expect(filled.get("A4")).toBe(MARK_COLORS.warning);
    expect(filled.get("C6")).toBe(MARK_COLORS.error);
    expect(fake.stats.syncs).toBeLessThanOrEqual(4);
    expect(fake.stats.maxRequestBytes).toBeLessThan(5_000_000);
  });

  it("joins consecutive rows of a column into one area", async () => {
    const fake = rosterSheet();
    await markIssues(Array.from({ length: 15 }, (_, i) => at(`A${i + 2}`, "error")));
    expect(fake.workbook.conditionalFormatsOn("Nakes").map((cf) => cf.address)).toEqual(["A2:A16"]);
    expect(fake.workbook.filledCells("Nakes").size).toBe(15);
  });

  it("colours area by area in the same round trip where Excel lacks RangeAreas (before ExcelApi 1.9)", async () => {
    const fake = useFakeExcel({ maxApiVersion: "1.8", sheets: { Nakes: [["NIK"], ["x"], ["y"]] } });
    await markIssues([at("A2", "error"), at("A3", "info")]);
    expect(Object.fromEntries(fake.workbook.filledCells("Nakes"))).toEqual({ A2: MARK_COLORS.error, A3: MARK_COLORS.info });
    await clearMarks();
    expect(fake.workbook.filledCells("Nakes").size).toBe(0);
  });
});
