import { addDays, dayOf, fromIso, monthOf, yearOf } from "../../shared/normalize/calendar";
import type { Cell } from "../../shared/schema/cell";
import { cellAddress, columnLetters } from "./a1";
import { jsonBytes, SyncBatch } from "./budget";
import { DATE_FORMAT } from "./date-columns";
import { noProgress, supportsExcelApi } from "./host";
import { freshSheet, GAP_FILL, HEADER_FILL, OUTPUT_FORMATS } from "./output-sheet";
import { apostrophed, asText, writeTextBlock } from "./safety";
import type { ProgressFn } from "./types";

/**
 * The sheet writers of issue 16 (SPEC §9): an action list as one Excel table on a sheet of its own,
 * coloured by urgency, and a placement plan as a table, the region's indicators before and after, and
 * a bar chart of each facility's gap before and after. Both replace their sheet's previous contents in
 * place: the sheet is kept, and so is its table where Excel can resize one (ExcelApi 1.13), so formulas
 * elsewhere that name it (`=COUNTA(TindakLanjut_SIP[NIK])`) follow the new rows instead of turning
 * #REF!. Every string goes in formula-safe (text columns "@", anything else that Excel would
 * reinterpret gets an apostrophe: addin/excel/safety.ts); dates go in as dates.
 * Round trips: two syncs to find and clear the sheet, then as few as the 5 MB budget allows (one for
 * any list under ~2.5 MB): never one per row.
 */

/** `date`: an ISO date written as a date cell (dd/mm/yyyy); `integer`: a count; `text`: kept as typed. */
export type ActionColumnType = "text" | "integer" | "date";

export interface ActionColumn {
  key: string;
  label: string;
  type: ActionColumnType;
}

/** A table for a sheet of its own: values aligned with `columns`, dates as ISO strings. */
export interface ActionTable {
  sheetName: string;
  /** Excel table name (letters, digits, `_`); kept on every refresh unless another sheet's table has it. */
  tableName: string;
  /** Written in A1 above the table. */
  title: string;
  columns: ActionColumn[];
  rows: Cell[][];
}

/**
 * An action list. Rows are coloured by `batas` (the column `urgency.column`, an ISO date) against
 * `urgency.asOf`: red on or before it (act now), amber within `urgency.soonDays` after it. The colours
 * are conditional formats on the table rows, so they follow the rows when the user sorts or filters.
 */
export interface ActionListSheet extends ActionTable {
  urgency: { column: string; asOf: string; soonDays: number };
}

/** A placement plan: the table, then the indicators block under it, and the chart of `chart.before`/`chart.after` per `chart.category`. */
export interface PlacementSheet extends ActionTable {
  indicators: { title: string; header: [string, string, string]; rows: [string, number, number][] };
  chart: { title: string; category: string; before: string; after: string };
}

/** Amber of "soon" rows (Excel's "neutral" preset). */
export const SOON_FILL = "#FFEB9C";
/** The chart shows at most this many facilities (the first placed): more bars would not be readable. */
export const CHART_MAX_ROWS = 40;
const CHART_NAME = "NakesRosterPenempatan";
/** Blank rows between the title and the table. */
const TABLE_ROW = 2;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes an action list to `sheet.sheetName` (added, or emptied in place): the title in A1, the table
 * from row 3 (header, then one row per person), the urgency rules over its rows. `onProgress` gets rows
 * written of rows in total, with `phase`. Resolves to the sheet's name and the row count; rejects with
 * office.js's error when Excel refuses a command (the pane shows it as a workbook error).
 */
export async function writeActionList(sheet: ActionListSheet, onProgress: ProgressFn = noProgress, phase = ""): Promise<{ sheetName: string; rows: number }> {
  await Excel.run(async (context) => {
    const { ws, batch, firstDataRow } = await writeTable(context, sheet, onProgress, phase);
    const urgencyColumn = sheet.columns.findIndex((c) => c.key === sheet.urgency.column);
    if (sheet.rows.length > 0 && urgencyColumn >= 0) {
      await batch.room(600);
      urgencyFormats(ws.getRangeByIndexes(firstDataRow, 0, sheet.rows.length, sheet.columns.length), `$${columnLetters(urgencyColumn)}${firstDataRow + 1}`, sheet.urgency);
    }
    await batch.flush();
  });
  onProgress(sheet.rows.length, sheet.rows.length, phase);
  return { sheetName: sheet.sheetName, rows: sheet.rows.length };
}

/**
 * Writes a placement plan to `sheet.sheetName` (added, or emptied in place): the title, the table of
 * receiving puskesmas from row 3, the indicators block under it, and beside it the chart's data (at most
 * CHART_MAX_ROWS facilities) with a clustered bar chart of the gap before and after. Progress, result
 * and errors as writeActionList.
 */
export async function writePlacementPlan(sheet: PlacementSheet, onProgress: ProgressFn = noProgress, phase = ""): Promise<{ sheetName: string; rows: number }> {
  await Excel.run(async (context) => {
    const { ws, batch, firstDataRow } = await writeTable(context, sheet, onProgress, phase);
    const width = sheet.columns.length;

    // The indicators, under the table (one blank row, and one for an empty table's blank body row).
    const top = firstDataRow + Math.max(1, sheet.rows.length) + 1;
    const { indicators } = sheet;
    await batch.room(jsonBytes(indicators) + 600);
    writeTextBlock(ws.getRangeByIndexes(top, 0, 1, 1), [[indicators.title]]);
    ws.getRangeByIndexes(top, 0, 1, 1).format.font.bold = true;
    writeTextBlock(ws.getRangeByIndexes(top + 1, 0, 1, 3), [indicators.header]);
    styleHeader(ws.getRangeByIndexes(top + 1, 0, 1, 3));
    if (indicators.rows.length) {
      writeTextBlock(ws.getRangeByIndexes(top + 2, 0, indicators.rows.length, 1), indicators.rows.map((r) => [r[0]]));
      const figures = ws.getRangeByIndexes(top + 2, 1, indicators.rows.length, 2);
      figures.numberFormat = [[OUTPUT_FORMATS.integer]];
      figures.values = indicators.rows.map((r) => [r[1], r[2]]);
    }

    // The chart's source: facility, gap before, gap after, beside the table.
    const index = (key: string) => sheet.columns.findIndex((c) => c.key === key);
    const [cat, before, after] = [index(sheet.chart.category), index(sheet.chart.before), index(sheet.chart.after)];
    const shown = sheet.rows.slice(0, CHART_MAX_ROWS);
    if (shown.length && cat >= 0 && before >= 0 && after >= 0) {
      const col = width + 1;
      const labels = [sheet.columns[cat]!.label, sheet.columns[before]!.label, sheet.columns[after]!.label];
      await batch.room(jsonBytes(shown) + 800);
      writeTextBlock(ws.getRangeByIndexes(TABLE_ROW, col, 1, 3), [labels]);
      styleHeader(ws.getRangeByIndexes(TABLE_ROW, col, 1, 3));
      writeTextBlock(ws.getRangeByIndexes(TABLE_ROW + 1, col, shown.length, 1), shown.map((r) => [r[cat]]));
      const gaps = ws.getRangeByIndexes(TABLE_ROW + 1, col + 1, shown.length, 2);
      gaps.numberFormat = [[OUTPUT_FORMATS.integer]];
      gaps.values = shown.map((r) => [numberOr0(r[before]), numberOr0(r[after])]);
      const chart = ws.charts.add("BarClustered", ws.getRangeByIndexes(TABLE_ROW, col, shown.length + 1, 3), "Columns");
      chart.name = CHART_NAME;
      chart.title.text = sheet.chart.title;
      chart.setPosition(cellAddress(TABLE_ROW + shown.length + 2, col), cellAddress(TABLE_ROW + shown.length + 2 + Math.max(15, shown.length), col + 7));
    }
    await batch.flush();
  });
  onProgress(sheet.rows.length, sheet.rows.length, phase);
  return { sheetName: sheet.sheetName, rows: sheet.rows.length };
}

/**
 * Clears the sheet, writes the title and the table's header and rows (formats first, then values, in
 * blocks under the sync budget) and makes them one Excel table named `tableName` when that name is free:
 * the sheet's own table of that name resized to the new rows where the host can (ExcelApi 1.13), else
 * a new table (an older host: formulas that named the old one turn #REF!, as Excel does on deletion).
 */
async function writeTable(
  context: Excel.RequestContext,
  sheet: ActionTable,
  onProgress: ProgressFn,
  phase: string,
): Promise<{ ws: Excel.Worksheet; batch: SyncBatch; firstDataRow: number }> {
  // Resolved by freshSheet's first sync: a table of that name on another sheet keeps its name.
  const named = context.workbook.tables.getItemOrNullObject(sheet.tableName);
  named.load("name");
  const { sheet: ws, tables, kept } = await freshSheet(context, sheet.sheetName, supportsExcelApi("1.13") ? sheet.tableName : undefined);
  const nameFree = named.isNullObject || tables.includes(named.name);

  const batch = new SyncBatch(context);
  const width = sheet.columns.length;
  await batch.room(sheet.title.length + jsonBytes(sheet.columns) + 400);
  writeTextBlock(ws.getRangeByIndexes(0, 0, 1, 1), [[sheet.title]]);
  ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  ws.getRangeByIndexes(0, 0, 1, 1).format.font.size = 13;
  writeTextBlock(ws.getRangeByIndexes(TABLE_ROW, 0, 1, width), [sheet.columns.map((c) => c.label)]);

  const firstDataRow = TABLE_ROW + 1;
  const total = sheet.rows.length;
  for (let start = 0; start < total; start += 5_000) {
    const block = sheet.rows.slice(start, start + 5_000);
    await batch.room(jsonBytes(block) + width * 60);
    writeRows(ws, firstDataRow + start, block, sheet.columns);
    onProgress(start + block.length, total, phase);
  }

  // An empty list still gets its table (header and one blank row), so a refresh finds the same shape.
  const area = ws.getRangeByIndexes(TABLE_ROW, 0, Math.max(1, total) + 1, width);
  let table: Excel.Table;
  if (kept) {
    kept.resize(area);
    table = kept;
  } else {
    table = ws.tables.add(area, true);
    if (nameFree) table.name = sheet.tableName;
  }
  table.style = "TableStyleLight9";
  sheet.columns.forEach((c, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthOf(c)));
  ws.freezePanes.freezeRows(TABLE_ROW + 1);
  return { ws, batch, firstDataRow };
}

/** One number format per column, then one values command: text as text, counts as numbers, ISO dates as dates. */
function writeRows(ws: Excel.Worksheet, firstRow: number, rows: readonly Cell[][], columns: readonly ActionColumn[]): void {
  if (rows.length === 0) return;
  columns.forEach((c, i) => {
    ws.getRangeByIndexes(firstRow, i, rows.length, 1).numberFormat = [[c.type === "text" ? "@" : c.type === "date" ? DATE_FORMAT : OUTPUT_FORMATS.integer]];
  });
  ws.getRangeByIndexes(firstRow, 0, rows.length, columns.length).values = rows.map((row) => columns.map((c, i) => cellFor(row[i], c.type)));
}

function cellFor(value: Cell | undefined, type: ActionColumnType): Cell {
  if (type === "text") return asText(value);
  if (value === null || value === undefined) return "";
  // An ISO date in a date-formatted cell is that day in the workbook's own date system (1900 or 1904).
  if (type === "date" && typeof value === "string" && ISO_DATE.test(value) && fromIso(value) > 0) return value;
  return typeof value === "number" && type === "integer" ? value : apostrophed(String(value));
}

/** Red where `batas` is on or before as_of, amber within `soonDays` after: two rules that never overlap. */
function urgencyFormats(range: Excel.Range, cell: string, urgency: ActionListSheet["urgency"]): void {
  const asOf = fromIso(urgency.asOf);
  if (asOf <= 0) return;
  const now = excelDate(asOf);
  const soon = excelDate(addDays(asOf, urgency.soonDays));
  // ISNUMBER: a blank or unreadable batas colours nothing.
  const due = range.conditionalFormats.add("Custom");
  due.custom.rule.formula = `=AND(ISNUMBER(${cell}),${cell}<=${now})`;
  due.custom.format.fill.color = GAP_FILL;
  const near = range.conditionalFormats.add("Custom");
  near.custom.rule.formula = `=AND(ISNUMBER(${cell}),${cell}>${now},${cell}<=${soon})`;
  near.custom.format.fill.color = SOON_FILL;
}

/** DATE(y,m,d): a day in any locale and either date system. */
function excelDate(packed: number): string {
  return `DATE(${yearOf(packed)},${monthOf(packed)},${dayOf(packed)})`;
}

function styleHeader(range: Excel.Range): void {
  range.format.font.bold = true;
  range.format.fill.color = HEADER_FILL;
  range.format.wrapText = true;
}

function widthOf(c: ActionColumn): number {
  if (c.type === "date") return 80;
  if (c.type === "integer") return 60;
  return /^(nama|tindakan|alasan)/.test(c.key) ? 170 : 100;
}

const numberOr0 = (v: Cell | undefined) => (typeof v === "number" ? v : 0);

