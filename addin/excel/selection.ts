import type { Issue } from "../../shared/schema/issue";
import { parseArea, type Area } from "./a1";
import { supportsExcelApi } from "./host";
import type { IssueCell, SelectedIssues } from "./types";

/**
 * The issues of the cell the user selects: a lookup by address in the cells of the last
 * validation (set by markIssues), fed by Excel's selection events.
 */

interface Located {
  row: number;
  column: number;
  issues: Issue[];
}

/** sheet (lower case) → "D42" → issues. */
let index = new Map<string, Map<string, Located>>();

/** Remembers where the issues of the latest validation sit (replacing the previous ones). */
export function rememberIssueCells(cells: readonly IssueCell[]): void {
  const next = new Map<string, Map<string, Located>>();
  for (const cell of cells) {
    const area = parseArea(cell.address);
    if (!area) continue;
    const sheetKey = cell.sheetName.toLowerCase();
    let sheet = next.get(sheetKey);
    if (!sheet) next.set(sheetKey, (sheet = new Map()));
    const key = cell.address.replace(/\$/g, "").toUpperCase();
    const at = sheet.get(key);
    if (at) at.issues.push(cell.issue);
    else sheet.set(key, { row: area.row, column: area.column, issues: [cell.issue] });
  }
  index = next;
}

/** The issues on a cell, or on every cell of a selected area, in validation order. */
export function issuesAt(sheetName: string, address: string): Issue[] {
  const sheet = index.get(sheetName.toLowerCase());
  if (!sheet) return [];
  const area = parseArea(address);
  if (!area) return [];
  if (area.row === area.rowEnd && area.column === area.columnEnd) {
    return [...(sheet.get(address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase())?.issues ?? [])];
  }
  const out: Issue[] = [];
  for (const at of sheet.values()) if (inside(area, at)) out.push(...at.issues);
  return out;
}

function inside(area: Area, at: { row: number; column: number }): boolean {
  return at.row >= area.row && at.row <= area.rowEnd && at.column >= area.column && at.column <= area.columnEnd;
}

/**
 * Calls `onSelect` with the selected cell and its issues whenever the selection changes.
 * Resolves to a function that stops watching. Uses the workbook-wide event (ExcelApi 1.9), or one
 * per sheet where that is missing.
 */
export async function watchSelection(onSelect: (cell: SelectedIssues) => void): Promise<() => void> {
  const names = new Map<string, string>();
  const nameOf = async (id: string): Promise<string> => {
    const known = names.get(id);
    if (known) return known;
    const name = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(id).load("name");
      await context.sync();
      return sheet.name;
    });
    names.set(id, name);
    return name;
  };
  const handler = async (args: Excel.WorksheetSelectionChangedEventArgs) => {
    const sheetName = await nameOf(args.worksheetId);
    const address = args.address;
    onSelect({ sheetName, address, issues: issuesAt(sheetName, address) });
  };

  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/id,items/name");
    await context.sync();
    for (const s of sheets.items) names.set(s.id, s.name);
    const registrations = supportsExcelApi("1.9")
      ? [sheets.onSelectionChanged.add(handler)]
      : sheets.items.map((s) => s.onSelectionChanged.add(handler));
    await context.sync();
    return () => {
      // Removal runs in the context the handlers were added in, as office.js requires.
      Excel.run(context, async (ctx) => {
        for (const r of registrations) r.remove();
        await ctx.sync();
      }).catch(() => undefined);
    };
  });
}

/** Shows a cell: activates its sheet and selects it. */
export async function selectCell(cell: { sheetName: string; address: string }): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(cell.sheetName);
    sheet.activate();
    sheet.getRange(cell.address).select();
    await context.sync();
  });
}
