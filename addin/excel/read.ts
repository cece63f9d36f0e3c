import type { Cell } from "../../shared/schema/cell";
import type { Lang } from "../../shared/schema/issue";
import { matchHeaders } from "../../shared/table/headers";
import { isPayloadTooLarge, jsonBytes } from "./budget";
import { noProgress } from "./host";
import { excelStrings, SHEETS, TABLES } from "./strings";
import type { ProgressFn, RosterOnSheet, RosterTableName, SheetTable } from "./types";

/**
 * Reads the roster tables off the workbook. Where: the Excel table named Nakes / Pelatihan, else
 * the sheet of that name, else (for Nakes) the active sheet; on a sheet the header row is the one
 * among the first rows whose cells match the most known headers. Values come back as Excel holds
 * them (a NIK typed as a number stays a number, so nik.precision_lost can say so).
 *
 * Round trips: one to find the tables, one for their sizes and first rows, then one per block of
 * rows, each block sized from the first rows so its answer stays well under 5 MB.
 */

const KINDS: readonly RosterTableName[] = ["nakes", "pelatihan"];
/** Rows searched for the header row of a plain sheet. */
const HEADER_SEARCH_ROWS = 30;
/** Rows read with the header search, before anything is known of row sizes. */
const FIRST_BLOCK_ROWS = 500;
/** The API takes at most 200 columns. */
const MAX_COLUMNS = 200;
/** Budget for the first, blind read: small, since row sizes are not known yet. */
const FIRST_BLOCK_BUDGET = 1_000_000;
/**
 * Estimated answer per block: reads know their size from the rows already read (with a margin),
 * so they can go closer to the limit than writes; a block that still overflows is halved.
 */
const READ_BUDGET_BYTES = 3_000_000;

interface Source {
  kind: RosterTableName | null;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  fromTable: boolean;
  /** For a table: the sheet's used range, since rows typed just below a table are not always taken into it. */
  used?: Excel.Range;
}

interface Located {
  kind: RosterTableName | null;
  sheet: Excel.Worksheet;
  fromTable: boolean;
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
  first: Excel.Range;
  firstRows: number;
}

export async function readRoster(onProgress: ProgressFn = noProgress, options: { lang?: Lang } = {}): Promise<RosterOnSheet> {
  const t = excelStrings(options.lang);
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const probes = KINDS.map((kind) => ({
      kind,
      table: wb.tables.getItemOrNullObject(TABLES[kind]),
      sheet: wb.worksheets.getItemOrNullObject(SHEETS[kind]),
    }));
    const active = wb.worksheets.getActiveWorksheet().load("name");
    await context.sync();

    // Where each table is, and its size.
    const sources: Source[] = [];
    for (const p of probes) {
      if (!p.table.isNullObject) {
        const sheet = p.table.worksheet.load("name");
        const used = sheet.getUsedRange(true).load("rowIndex,rowCount");
        sources.push({ kind: p.kind, sheet, range: p.table.getRange(), fromTable: true, used });
      } else if (!p.sheet.isNullObject) {
        p.sheet.load("name");
        sources.push({ kind: p.kind, sheet: p.sheet, range: p.sheet.getUsedRangeOrNullObject(true), fromTable: false });
      }
    }
    if (!sources.some((s) => s.kind === "nakes" && s.fromTable)) {
      // Without a Nakes table the active sheet may hold the roster (used only if the Nakes sheet has none).
      // Last, so that when it is the sheet of a table found above it is recognised (by name) and skipped.
      sources.push({ kind: null, sheet: active, range: active.getUsedRangeOrNullObject(true), fromTable: false });
    }
    for (const s of sources) s.range.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();

    // The first rows of each, for the header search and for sizing the blocks.
    const located: Located[] = [];
    const seenSheets = new Set<string>();
    for (const s of sources) {
      if (s.range.isNullObject) continue;
      const name = s.sheet.name.toLowerCase();
      if (s.kind === null && seenSheets.has(name)) continue;
      seenSheets.add(name);
      const columnCount = Math.min(s.range.columnCount, MAX_COLUMNS);
      const usedEnd = s.used ? s.used.rowIndex + s.used.rowCount : 0;
      const rowCount = Math.max(s.range.rowCount, usedEnd - s.range.rowIndex);
      const perRow = Math.max(columnCount * 24, 1);
      const firstRows = Math.min(rowCount, Math.max(HEADER_SEARCH_ROWS, Math.min(FIRST_BLOCK_ROWS, Math.floor(FIRST_BLOCK_BUDGET / perRow))));
      const first = s.sheet.getRangeByIndexes(s.range.rowIndex, s.range.columnIndex, firstRows, columnCount).load("values");
      located.push({
        kind: s.kind,
        sheet: s.sheet,
        fromTable: s.fromTable,
        firstRow: s.range.rowIndex,
        firstColumn: s.range.columnIndex,
        rowCount,
        columnCount,
        first,
        firstRows,
      });
    }
    if (located.length) await context.sync();

    const result: RosterOnSheet = { nakes: null, pelatihan: null };
    for (const loc of located) {
      const firstValues = loc.first.values as unknown[][];
      const found = findHeader(firstValues, loc.kind, loc.fromTable);
      if (!found || result[found.kind]) continue;
      const table = await readBody(context, loc, firstValues, found.headerOffset, found.kind, onProgress, t.reading(t.tableLabel[found.kind]));
      result[found.kind] = table;
    }
    return result;
  });
}

/** The header row among the first rows, and which table it heads. */
function findHeader(rows: unknown[][], kind: RosterTableName | null, fromTable: boolean): { kind: RosterTableName; headerOffset: number } | null {
  const kinds = kind ? [kind] : KINDS;
  if (fromTable) return { kind: kinds[0]!, headerOffset: 0 };
  let best: { kind: RosterTableName; headerOffset: number; score: number } | null = null;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, offset) => {
    const headers = row.map(headerText);
    for (const k of kinds) {
      const score = matchHeaders(headers, k).keys.filter((x) => x !== null).length;
      if (!best || score > best.score) best = { kind: k, headerOffset: offset, score };
    }
  });
  const found = best as { kind: RosterTableName; headerOffset: number; score: number } | null;
  // A sheet named for the table is the table even when its headers match nothing (then the
  // validator reports every missing header); the active sheet needs two known headers to count.
  if (!found || found.score < 2) return kind ? { kind, headerOffset: 0 } : null;
  return found;
}

function headerText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

function toCell(v: unknown): Cell {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

async function readBody(
  context: Excel.RequestContext,
  loc: Located,
  firstValues: unknown[][],
  headerOffset: number,
  kind: RosterTableName,
  onProgress: ProgressFn,
  phase: string,
): Promise<SheetTable> {
  const headerRow = loc.firstRow + headerOffset;
  const rawHeaders = (firstValues[headerOffset] ?? []).map(headerText);
  const rows: Cell[][] = [];
  const take = (values: unknown[][]) => {
    for (const v of values) rows.push(v.map(toCell));
  };
  take(firstValues.slice(headerOffset + 1));

  const end = loc.firstRow + loc.rowCount; // exclusive
  let next = loc.firstRow + loc.firstRows;
  const total = end - headerRow - 1;
  onProgress(rows.length, total, phase);

  // Block size from what the first rows weighed, with room for longer rows further down.
  const sample = firstValues.slice(headerOffset + 1);
  const perRow = sample.length ? (jsonBytes(sample) / sample.length) * 1.25 + loc.columnCount * 2 : loc.columnCount * 40;
  let blockRows = Math.max(1, Math.floor(READ_BUDGET_BYTES / perRow));
  while (next < end) {
    const n = Math.min(blockRows, end - next);
    const range = loc.sheet.getRangeByIndexes(next, loc.firstColumn, n, loc.columnCount).load("values");
    try {
      await context.sync();
    } catch (e) {
      // Longer rows than the sample promised: halve the block and try again.
      if (isPayloadTooLarge(e) && n > 1) {
        blockRows = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    take(range.values as unknown[][]);
    next += n;
    onProgress(rows.length, total, phase);
  }

  while (rows.length && rows[rows.length - 1]!.every((v) => v === null)) rows.pop();
  // Columns past the last header that hold nothing are the used range's slack, not data.
  let width = rawHeaders.length;
  while (width > 0 && rawHeaders[width - 1]!.trim() === "" && rows.every((r) => r[width - 1] === null)) width--;
  return {
    table: kind,
    sheetName: loc.sheet.name,
    headerRow,
    firstColumn: loc.firstColumn,
    headers: rawHeaders.slice(0, width),
    rows: width === rawHeaders.length ? rows : rows.map((r) => r.slice(0, width)),
  };
}
