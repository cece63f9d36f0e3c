import type { Lang, Severity } from "../../shared/schema/issue";
import { chunkAreas, groupCells, parseArea } from "./a1";
import { jsonBytes, SyncBatch } from "./budget";
import { noProgress, supportsExcelApi } from "./host";
import { writeTextBlock } from "./safety";
import { rememberIssueCells } from "./selection";
import { excelStrings, SHEETS } from "./strings";
import type { IssueCell, ProgressFn } from "./types";

/**
 * Colours the cells that carry issues, one colour per severity (the worst issue of a cell wins),
 * in a handful of round trips whatever the number of cells: cells are grouped into areas,
 * areas into address lists of at most ADDRESS_CHUNK characters, and each list is coloured as one
 * RangeAreas. The marked areas are written to a very hidden sheet, so the next run (even after
 * the workbook was closed) can take exactly those marks off again and leave the user's own
 * colours alone.
 */

export const MARK_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Excel refuses `getRanges` address lists much past 8,000 characters. */
export const ADDRESS_CHUNK = 7_000;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

interface MarkRecord {
  sheetName: string;
  severity: Severity;
  addresses: string;
}

/** Takes the previous marks off and colours the cells of `cells`. */
export async function markIssues(cells: readonly IssueCell[], onProgress: ProgressFn = noProgress, options: { lang?: Lang } = {}): Promise<void> {
  rememberIssueCells(cells);
  const t = excelStrings(options.lang);
  const records = toRecords(cells);
  const lists = records.length;
  await Excel.run(async (context) => {
    const store = await openStore(context);
    const sheets = store.sheetNames;
    const batch = new SyncBatch(context);
    onProgress(0, lists, t.unmarking);
    await unmark(context, batch, store.records, sheets);
    await saveRecords(context, batch, store.sheet, records);
    let done = 0;
    for (const rec of records) {
      if (!sheets.has(rec.sheetName.toLowerCase())) continue;
      await batch.room(rec.addresses.length);
      colour(context, rec, MARK_COLORS[rec.severity]);
      onProgress(++done, lists, t.marking);
    }
    await batch.flush();
  });
}

/** Takes off every mark the previous validation made, and nothing else. */
export async function clearMarks(onProgress: ProgressFn = noProgress, options: { lang?: Lang } = {}): Promise<void> {
  const t = excelStrings(options.lang);
  rememberIssueCells([]);
  await Excel.run(async (context) => {
    const store = await openStore(context);
    if (!store.records.length) return;
    const batch = new SyncBatch(context);
    onProgress(0, store.records.length, t.unmarking);
    await unmark(context, batch, store.records, store.sheetNames);
    await saveRecords(context, batch, store.sheet, []);
    await batch.flush();
    onProgress(store.records.length, store.records.length, t.unmarking);
  });
}

/** Cells → address lists per sheet and severity. */
function toRecords(cells: readonly IssueCell[]): MarkRecord[] {
  const worst = new Map<string, { sheetName: string; row: number; column: number; severity: Severity }>();
  for (const c of cells) {
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

function colour(context: Excel.RequestContext, rec: MarkRecord, color: string | null): void {
  const sheet = context.workbook.worksheets.getItem(rec.sheetName);
  if (supportsExcelApi("1.9")) {
    const fill = sheet.getRanges(rec.addresses).format.fill;
    if (color) fill.color = color;
    else fill.clear();
    return;
  }
  // Without RangeAreas: one range per area, still in the same round trip.
  for (const area of rec.addresses.split(",")) {
    const fill = sheet.getRange(area).format.fill;
    if (color) fill.color = color;
    else fill.clear();
  }
}

async function unmark(context: Excel.RequestContext, batch: SyncBatch, records: readonly MarkRecord[], sheets: ReadonlySet<string>): Promise<void> {
  for (const rec of records) {
    if (!sheets.has(rec.sheetName.toLowerCase())) continue;
    await batch.room(rec.addresses.length);
    colour(context, rec, null);
  }
}

interface Store {
  sheet: Excel.Worksheet | null;
  records: MarkRecord[];
  /** Sheets of the workbook, lower case: marks on deleted sheets are skipped. */
  sheetNames: Set<string>;
}

async function openStore(context: Excel.RequestContext): Promise<Store> {
  const sheets = context.workbook.worksheets.load("items/name");
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.marks);
  await context.sync();
  const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  if (sheet.isNullObject) return { sheet: null, records: [], sheetNames };
  const used = sheet.getUsedRangeOrNullObject(true).load("values");
  await context.sync();
  const records: MarkRecord[] = [];
  if (!used.isNullObject) {
    for (const [sheetName, severity, addresses] of used.values as unknown[][]) {
      if (typeof sheetName === "string" && typeof addresses === "string" && addresses && (severity === "error" || severity === "warning" || severity === "info")) {
        records.push({ sheetName, severity, addresses });
      }
    }
  }
  return { sheet, records, sheetNames };
}

async function saveRecords(context: Excel.RequestContext, batch: SyncBatch, existing: Excel.Worksheet | null, records: readonly MarkRecord[]): Promise<void> {
  let sheet = existing;
  if (!sheet) {
    if (!records.length) return;
    sheet = context.workbook.worksheets.add(SHEETS.marks);
    sheet.visibility = "VeryHidden";
  } else {
    sheet.getRange().clear("Contents");
  }
  if (!records.length) return;
  const rows = records.map((r) => [r.sheetName, r.severity, r.addresses]);
  await batch.room(jsonBytes(rows));
  writeTextBlock(sheet.getRangeByIndexes(0, 0, rows.length, 3), rows);
}
