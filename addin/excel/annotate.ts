import type { Issue, Lang, Severity } from "../../shared/schema/issue";
import { chunkAreas, groupCells, parseArea } from "./a1";
import { SyncBatch } from "./budget";
import { noProgress, supportsExcelApi } from "./host";
import { rememberIssueCells } from "./selection";
import { excelStrings, SHEETS } from "./strings";
import type { IssueCell, ProgressFn } from "./types";

/**
 * Colours the cells that carry issues, one colour per severity (the worst issue of a cell wins),
 * and takes the previous run's colours off again, leaving the officer's workbook as she keeps it
 * (issue 13 item 8):
 *
 * A mark is a conditional format (ExcelApi 1.6), never the cell's own fill. Excel moves conditional
 * formats with their cells when she sorts, inserts or deletes rows, so a mark stays on the person
 * it is about; and taking a mark off deletes our rule, so no fill of hers (under a mark or beside
 * it) is ever cleared, and a cell that now holds another row is never touched. Our rules are known
 * by their formula, an always-true constant that names us (`markFormula`), so the next run finds
 * them wherever they went, even in another session: nothing is remembered by address.
 *
 * Round trips, whatever the number of cells: one for the sheets, one for their conditional
 * formats, one for the formulas of the custom ones (only when there are any), then the marks,
 * grouped into areas and address lists of at most ADDRESS_CHUNK characters, one rule per list.
 */

export const MARK_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Excel refuses `getRanges` address lists much past 8,000 characters. */
export const ADDRESS_CHUNK = 7_000;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The name inside our rules' formulas: how a later run tells our marks from her own rules. */
const MARK_TAG = "NakesRosterTanda";

/** The formula of a mark of `severity`: true on every cell, and naming us. */
export function markFormula(severity: Severity): string {
  return `=ISTEXT("${MARK_TAG}:${severity}")`;
}

/** Is this a conditional format formula of ours (Excel may re-space it, never the text inside quotes)? */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.includes(`"${MARK_TAG}:`);
}

interface MarkRecord {
  sheetName: string;
  severity: Severity;
  addresses: string;
}

/** Takes the previous marks off and colours the cells of `cells` (none on rows skipped as no person). */
export async function markIssues(cells: readonly IssueCell[], onProgress: ProgressFn = noProgress, options: { lang?: Lang } = {}): Promise<void> {
  rememberIssueCells(cells);
  const t = excelStrings(options.lang);
  const records = toRecords(cells);
  const lists = records.length;
  await Excel.run(async (context) => {
    const found = await findMarks(context);
    const batch = new SyncBatch(context);
    onProgress(0, lists, t.unmarking);
    await unmark(batch, found);
    let done = 0;
    for (const rec of records) {
      if (!found.sheetNames.has(rec.sheetName.toLowerCase())) continue;
      await batch.room(rec.addresses.length + 200);
      colour(context, rec);
      onProgress(++done, lists, t.marking);
    }
    await batch.flush();
  });
}

/** Takes off every mark a validation made, and nothing else. */
export async function clearMarks(onProgress: ProgressFn = noProgress, options: { lang?: Lang } = {}): Promise<void> {
  const t = excelStrings(options.lang);
  rememberIssueCells([]);
  await Excel.run(async (context) => {
    const found = await findMarks(context);
    const total = found.rules.length + found.legacy.length;
    if (!total && !found.legacySheet) return;
    const batch = new SyncBatch(context);
    onProgress(0, total, t.unmarking);
    await unmark(batch, found);
    await batch.flush();
    onProgress(total, total, t.unmarking);
  });
}

/**
 * The rows skipped as no person (`row.skipped`, SPEC §3.1: its row and its related rows), per
 * table: nothing is painted there, whatever sits on them.
 */
function skippedRows(cells: readonly IssueCell[]): Set<string> {
  const out = new Set<string>();
  const add = (issue: Issue, row: number | null) => {
    if (row !== null) out.add(`${issue.table}|${row}`);
  };
  for (const { issue } of cells) {
    if (issue.code !== "row.skipped") continue;
    add(issue, issue.row);
    for (const r of issue.related ?? []) add(issue, r.row);
  }
  return out;
}

/** Cells → address lists per sheet and severity. */
function toRecords(cells: readonly IssueCell[]): MarkRecord[] {
  const skipped = skippedRows(cells);
  const worst = new Map<string, { sheetName: string; row: number; column: number; severity: Severity }>();
  for (const c of cells) {
    if (c.issue.row !== null && skipped.has(`${c.issue.table}|${c.issue.row}`)) continue;
    const area = parseArea(c.address);
    if (!area) continue;
    const key = `${c.sheetName.toLowerCase()}!${area.row}:${area.column}`;
    const prev = worst.get(key);
    if (!prev || RANK[c.issue.severity] > RANK[prev.severity]) worst.set(key, { sheetName: c.sheetName, row: area.row, column: area.column, severity: c.issue.severity });
  }
  const groups = new Map<string, { sheetName: string; severity: Severity; cells: { row: number; column: number }[] }>();
  for (const w of worst.values()) {
    const key = `${w.sheetName.toLowerCase()}|${w.severity}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheetName: w.sheetName, severity: w.severity, cells: [] }));
    g.cells.push(w);
  }
  const records: MarkRecord[] = [];
  for (const g of groups.values()) {
    for (const addresses of chunkAreas(groupCells(g.cells), ADDRESS_CHUNK)) records.push({ sheetName: g.sheetName, severity: g.severity, addresses });
  }
  return records;
}

/** One always-true rule per address list, filled in the severity's colour. */
function colour(context: Excel.RequestContext, rec: MarkRecord): void {
  const sheet = context.workbook.worksheets.getItem(rec.sheetName);
  const add = (formats: Excel.ConditionalFormatCollection) => {
    const rule = formats.add(Excel.ConditionalFormatType.custom);
    rule.custom.rule.formula = markFormula(rec.severity);
    rule.custom.format.fill.color = MARK_COLORS[rec.severity];
  };
  if (supportsExcelApi("1.9")) {
    add(sheet.getRanges(rec.addresses).conditionalFormats);
    return;
  }
  // Without RangeAreas: one rule per area, still in the same round trip.
  for (const area of rec.addresses.split(",")) add(sheet.getRange(area).conditionalFormats);
}

interface Found {
  /** Sheets of the workbook, lower case: marks go only onto sheets that exist. */
  sheetNames: Set<string>;
  /** Our rules, wherever Excel has moved them. */
  rules: Excel.ConditionalFormat[];
  /** Fills an earlier version of the add-in painted, remembered by address on a very hidden sheet. */
  legacy: MarkRecord[];
  legacySheet: Excel.Worksheet | null;
}

async function findMarks(context: Excel.RequestContext): Promise<Found> {
  const sheets = context.workbook.worksheets.load("items/name");
  const legacySheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.marks);
  await context.sync();
  const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const own = sheets.items.filter((s) => s.name.toLowerCase() !== SHEETS.marks.toLowerCase());
  const collections = own.map((s) => s.getRange().conditionalFormats.load("items/type"));
  const legacyUsed = legacySheet.isNullObject ? null : legacySheet.getUsedRangeOrNullObject(true).load("values");
  await context.sync();

  const custom = collections.flatMap((c) => c.items.filter((cf) => cf.type === Excel.ConditionalFormatType.custom));
  const formulas = custom.map((cf) => cf.custom.rule.load("formula"));
  if (custom.length) await context.sync();
  const rules = custom.filter((_, i) => isMarkFormula(formulas[i]!.formula));

  const legacy: MarkRecord[] = [];
  if (legacyUsed && !legacyUsed.isNullObject) {
    for (const [sheetName, severity, addresses] of legacyUsed.values as unknown[][]) {
      if (typeof sheetName === "string" && typeof addresses === "string" && addresses && (severity === "error" || severity === "warning" || severity === "info")) {
        legacy.push({ sheetName, severity, addresses });
      }
    }
  }
  return { sheetNames, rules, legacy, legacySheet: legacySheet.isNullObject ? null : legacySheet };
}

/** Deletes our rules; an earlier version's fills are cleared once where they were painted, and its list goes. */
async function unmark(batch: SyncBatch, found: Found): Promise<void> {
  for (const rule of found.rules) {
    await batch.room(100);
    rule.delete();
  }
  for (const rec of found.legacy) {
    if (!found.sheetNames.has(rec.sheetName.toLowerCase())) continue;
    await batch.room(rec.addresses.length);
    const sheet = found.legacySheet!.context.workbook.worksheets.getItem(rec.sheetName);
    if (supportsExcelApi("1.9")) sheet.getRanges(rec.addresses).format.fill.clear();
    else for (const area of rec.addresses.split(",")) sheet.getRange(area).format.fill.clear();
  }
  found.legacySheet?.delete();
}
