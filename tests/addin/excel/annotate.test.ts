import { describe, expect, it } from "vitest";
import { clearMarks, MARK_COLORS, markIssues } from "../../../addin/excel/annotate";
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

  it("keeps what it marked on a very hidden sheet, so marks come off even after the pane was reloaded", async () => {
    const fake = rosterSheet();
    await markIssues([at("A2", "error"), at("B2:B4", "warning")]);
    expect(fake.workbook.requireSheet("NakesRosterTanda").visibility).toBe("VeryHidden");
    expect(fake.workbook.valuesAt("NakesRosterTanda", "A1:C2")).toEqual([
      ["Nakes", "error", "A2"],
      ["Nakes", "warning", "B2"],
    ]);
    // Another pane instance knows nothing in memory; the workbook remembers.
    await clearMarks();
    expect(fake.workbook.filledCells("Nakes").size).toBe(0);
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
    expect(fake.workbook.valuesAt("NakesRosterTanda", "C1")).toEqual([["A2:A16"]]);
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
