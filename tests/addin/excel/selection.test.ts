import { describe, expect, it } from "vitest";
import { markIssues } from "../../../addin/excel/annotate";
import { issuesAt, rememberIssueCells, selectCell, watchSelection } from "../../../addin/excel/selection";
import type { IssueCell, SelectedIssues } from "../../../addin/excel/types";
import type { Issue } from "../../../shared/schema/issue";
import { useFakeExcel } from "./fake";

const nik: Issue = { severity: "error", code: "nik.format", table: "nakes", row: 0, column: "nik", message: "NIK harus 16 digit" };
const dup: Issue = { severity: "error", code: "nik.duplicate", table: "nakes", row: 0, column: "nik", message: "NIK ganda" };
const sip: Issue = { severity: "warning", code: "sip.expiring", table: "nakes", row: 2, column: "no_sip", message: "SIP segera habis" };
const cells: IssueCell[] = [
  { sheetName: "Nakes", address: "A2", issue: nik },
  { sheetName: "Nakes", address: "A2", issue: dup },
  { sheetName: "Nakes", address: "K4", issue: sip },
];

describe("selection", () => {
  it("looks up the issues of a cell or of a selected area from the last validation", () => {
    rememberIssueCells(cells);
    expect(issuesAt("Nakes", "A2")).toEqual([nik, dup]);
    expect(issuesAt("nakes", "$A$2")).toEqual([nik, dup]);
    expect(issuesAt("Nakes", "A1:K9")).toEqual([nik, dup, sip]);
    expect(issuesAt("Nakes", "B2")).toEqual([]);
    expect(issuesAt("Pelatihan", "A2")).toEqual([]);
    rememberIssueCells([]);
    expect(issuesAt("Nakes", "A2")).toEqual([]);
  });

  it("tells the pane the issues of each cell the user selects, until told to stop", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"], ["123"]], Lain: [["x"]] } });
    await markIssues(cells);
    const seen: SelectedIssues[] = [];
    const stop = await watchSelection((cell) => seen.push(cell));
    await fake.select("Nakes", "A2");
    await fake.select("Nakes", "B2");
    await fake.select("Lain", "A1");
    expect(seen).toEqual([
      { sheetName: "Nakes", address: "A2", issues: [nik, dup] },
      { sheetName: "Nakes", address: "B2", issues: [] },
      { sheetName: "Lain", address: "A1", issues: [] },
    ]);
    stop();
    await new Promise((r) => setTimeout(r, 10));
    await fake.select("Nakes", "K4");
    expect(seen).toHaveLength(3);
  });

  it("names a sheet added after watching began", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK"]] } });
    const seen: SelectedIssues[] = [];
    await watchSelection((cell) => seen.push(cell));
    fake.workbook.setValues("Baru", "A1", [["x"]]);
    await fake.select("Baru", "A1");
    expect(seen[0]?.sheetName).toBe("Baru");
  });

  it("watches sheet by sheet where Excel lacks the workbook-wide event (before ExcelApi 1.9)", async () => {
    const fake = useFakeExcel({ maxApiVersion: "1.8", sheets: { Nakes: [["NIK"], ["1"]] } });
    rememberIssueCells(cells);
    const seen: SelectedIssues[] = [];
    await watchSelection((cell) => seen.push(cell));
    await fake.select("Nakes", "K4");
    expect(seen).toEqual([{ sheetName: "Nakes", address: "K4", issues: [sip] }]);
  });

  it("shows a cell by activating its sheet and selecting it", async () => {
    const fake = useFakeExcel({ sheets: { Ringkasan: [["x"]], Nakes: [["NIK"]] } });
    await selectCell({ sheetName: "Nakes", address: "D42" });
    expect(fake.workbook.activeSheet().name).toBe("Nakes");
    expect(fake.workbook.selection?.rect).toEqual({ r0: 41, c0: 3, r1: 41, c1: 3 });
  });
});
