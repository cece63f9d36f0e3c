import { from1904Serial } from "../../shared/normalize/dates";
import type { Cell } from "../../shared/schema/cell";
import type { Lang } from "../../shared/schema/issue";
import { findHeader, type FoundHeader } from "../../shared/table/find-header";
import { matchHeaders } from "../../shared/table/headers";
import { isPayloadTooLarge, jsonBytes } from "./budget";
import { DATE_COLUMNS } from "./date-columns";
import { facilityCodeOfChoice } from "./facility-choice";
import { noProgress, supportsExcelApi } from "./host";
import { LIST_SHEETS, PLAN_SHEET } from "../tindak-lanjut/to-sheet";
import { excelStrings, SHEETS, TABLES } from "./strings";
import type { MergedBlank, ProgressFn, RosterOnSheet, RosterTableName, SheetTable } from "./types";

/**
 * Reads the roster tables off the workbook, values as Excel holds them (a NIK, NIP or STR typed as
 * a number stays a number, so *.precision_lost can say so), with four corrections made here,
 * before anything else reads the cells (SPEC §3.1 "Values as real office sheets hold them"):
 *  - a 1904-date-system workbook's serials in date columns are moved to the 1900 system (+1,462);
 *  - the header is found by the shared header finder (title rows skipped, a two-row header read
 *    as one), exactly as the API finds it in a CSV;
 *  - blank cells inside a real merged area are named (`SheetTable.merged`), so the `required`
 *    finding on them can say to fill the value down;
 *  - a facility picked from the template's dropdown ("Nama (kode)") is read as its code.
 *
 * Where: the Excel table named Nakes / Pelatihan, else the sheet of that name, else (for Nakes) the
 * officer's own sheet: the active one, or the visible sheet whose header names the most roster
 * columns. A template table still empty (just inserted) gives way to her own filled sheet.
 *
 * Round trips: one to find the tables (and the date system), one for their sizes, one for their
 * first rows (and merged areas), then one per block of rows, each sized so its answer stays well
 * under 5 MB. Never a round trip per row.
 */

const KINDS: readonly RosterTableName[] = ["nakes", "pelatihan"];
/** Rows searched for the header row of a plain sheet (the shared finder scans as many). */
const HEADER_SEARCH_ROWS = 30;
/** Rows read with the header search, before anything is known of row sizes. */
const FIRST_BLOCK_ROWS = 500;
/** The API takes at most 200 columns. */
const MAX_COLUMNS = 200;
/** Budget for the first, blind read: small, since row sizes are not known yet. */
const FIRST_BLOCK_BUDGET = 1_000_000;
/** Other sheets looked at for the officer's own roster: a workbook may hold many, each costs a little. */
const MAX_CANDIDATE_SHEETS = 20;
/**
 * Estimated answer per block: reads know their size from the rows already read (with a margin),
 * so they can go closer to the limit than writes; a block that still overflows is halved.
 */
const READ_BUDGET_BYTES = 3_000_000;
/** What the add-in writes into a workbook: never a roster (an action list names NIK and facility too). */
const OWN_SHEETS = new Set<string>(
  [SHEETS.reference, SHEETS.results, SHEETS.coverage, SHEETS.marks, ...Object.values(LIST_SHEETS).map((s) => s.sheet), PLAN_SHEET.sheet].map((s) => s.toLowerCase()),
);
/** A sheet of her own counts as a roster when its header names at least this many roster columns. */
const MIN_KNOWN_HEADERS = 2;

interface Source {
  kind: RosterTableName | null;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  fromTable: boolean;
  /** For a table: the sheet's used range, since rows typed just below a table are not always taken into it. */
  used?: Excel.Range;
  /** A sheet of the officer's own, read only when no table or named sheet holds the roster. */
  candidate: boolean;
}

interface Located {
  kind: RosterTableName | null;
  sheet: Excel.Worksheet;
  fromTable: boolean;
  candidate: boolean;
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
  first: Excel.Range;
  firstRows: number;
  merged: Excel.RangeAreas | null;
}

interface Found {
  kind: RosterTableName;
  header: FoundHeader;
  /** The canonical key of each header column (matchHeaders), null where it names none. */
  keys: (string | null)[];
  /** Roster columns the header names. */
  score: number;
  /** The header names the NIK column, without which no sheet of hers is a roster (a coverage sheet is not). */
  hasNik: boolean;
  /** Something below the header in the first rows (or rows beyond them). */
  hasRows: boolean;
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
    const sheets = wb.worksheets.load("items/name,items/visibility");
    // DATE(1904,1,1) is 0 in a 1904 workbook and 1462 in a 1900 one (SPEC §3.1; ExcelApi 1.2): read-only, same round trip.
    const dateProbe = wb.functions.date(1904, 1, 1).load("value");
    await context.sync();
    const date1904 = dateProbe.value === 0;

    // Where each table is, and its size.
    const sources: Source[] = [];
    const taken = new Set<string>();
    for (const p of probes) {
      if (!p.table.isNullObject) {
        const sheet = p.table.worksheet.load("name");
        const used = sheet.getUsedRange(true).load("rowIndex,rowCount");
        sources.push({ kind: p.kind, sheet, range: p.table.getRange(), fromTable: true, used, candidate: false });
      } else if (!p.sheet.isNullObject) {
        p.sheet.load("name");
        taken.add(SHEETS[p.kind].toLowerCase());
        sources.push({ kind: p.kind, sheet: p.sheet, range: p.sheet.getUsedRangeOrNullObject(true), fromTable: false, candidate: false });
      }
    }
    // The officer's own sheets: the active one first, then the other visible ones in tab order.
    const own = [active.name, ...sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name)]
      .filter((name, i, all) => all.findIndex((n) => n.toLowerCase() === name.toLowerCase()) === i)
      .filter((name) => !OWN_SHEETS.has(name.toLowerCase()) && !taken.has(name.toLowerCase()))
      .slice(0, MAX_CANDIDATE_SHEETS);
    for (const name of own) {
      const sheet = wb.worksheets.getItem(name).load("name");
      sources.push({ kind: null, sheet, range: sheet.getUsedRangeOrNullObject(true), fromTable: false, candidate: true });
    }
    for (const s of sources) s.range.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();

    // The first rows of each, for the header search and for sizing the blocks.
    const tableSheets = new Set(sources.filter((s) => s.fromTable).map((s) => s.sheet.name.toLowerCase()));
    const located: Located[] = [];
    for (const s of sources) {
      if (s.range.isNullObject) continue;
      // A sheet holding a roster table is read through the table.
      if (s.candidate && tableSheets.has(s.sheet.name.toLowerCase())) continue;
      const columnCount = Math.min(s.range.columnCount, MAX_COLUMNS);
      const usedEnd = s.used ? s.used.rowIndex + s.used.rowCount : 0;
      const rowCount = Math.max(s.range.rowCount, usedEnd - s.range.rowIndex);
      const perRow = Math.max(columnCount * 24, 1);
      const blind = Math.max(HEADER_SEARCH_ROWS, Math.min(FIRST_BLOCK_ROWS, Math.floor(FIRST_BLOCK_BUDGET / perRow)));
      const firstRows = Math.min(rowCount, s.candidate ? HEADER_SEARCH_ROWS + 1 : blind);
      located.push({
        kind: s.kind,
        sheet: s.sheet,
        fromTable: s.fromTable,
        candidate: s.candidate,
        firstRow: s.range.rowIndex,
        firstColumn: s.range.columnIndex,
        rowCount,
        columnCount,
        first: s.sheet.getRangeByIndexes(s.range.rowIndex, s.range.columnIndex, firstRows, columnCount),
        firstRows,
        merged: null,
      });
    }
    if (located.length) await loadFirstRows(context, located);

    const found = located.map((loc) => ({ loc, found: headerOf(loc.first.values as unknown[][], loc) }));
    const result: RosterOnSheet = { nakes: null, pelatihan: null };
    for (const kind of KINDS) {
      const pick = choose(found, kind);
      if (!pick) continue;
      result[kind] = await readBody(context, pick.loc, pick.loc.first.values as unknown[][], pick.found!, date1904, onProgress, t.reading(t.tableLabel[kind]));
    }
    return result;
  });
}

/**
 * The first rows of every place, with the merged areas of the plain sheets where Excel can tell
 * (ExcelApi 1.13; tables cannot hold merged cells). One round trip; should the merged-area query
 * fail (Excel refuses more than 512 areas), the rows are read again without it.
 */
async function loadFirstRows(context: Excel.RequestContext, located: Located[]): Promise<void> {
  const withMerged = supportsExcelApi("1.13");
  for (const loc of located) {
    loc.first.load("values");
    if (withMerged && !loc.fromTable) {
      loc.merged = loc.sheet
        .getRangeByIndexes(loc.firstRow, loc.firstColumn, loc.rowCount, loc.columnCount)
        .getMergedAreasOrNullObject()
        .load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
    }
  }
  try {
    await context.sync();
  } catch (e) {
    if (!located.some((l) => l.merged)) throw e;
    for (const loc of located) {
      loc.merged = null;
      loc.first = loc.sheet.getRangeByIndexes(loc.firstRow, loc.firstColumn, loc.firstRows, loc.columnCount).load("values");
    }
    await context.sync();
  }
}

/** The header of one place, for the kind it is known to hold or the better of the two. */
function headerOf(rows: unknown[][], loc: Located): Found | null {
  const grid = rows.map((r) => r.map(toCell));
  const kinds = loc.kind ? [loc.kind] : KINDS;
  let best: Found | null = null;
  for (const kind of kinds) {
    // A table's header is its first row, whatever it says.
    const header: FoundHeader = loc.fromTable ? { row: 0, height: 1, columns: (grid[0] ?? []).map(headerText), dataStart: 1 } : findHeader(grid, kind);
    const keys = matchHeaders(header.columns, kind).keys;
    const score = keys.filter((k) => k !== null).length;
    const hasNik = keys.includes("nik");
    const below = grid.slice(header.dataStart).some((r) => r.some((v) => v !== null && !(typeof v === "string" && v.trim() === "")));
    const hasRows = below || loc.rowCount > loc.firstRows;
    if (!best || score > best.score) best = { kind, header, keys, score, hasNik, hasRows };
  }
  return best;
}

/**
 * Where the `kind` table is read from: the table or the sheet of that name when it holds rows;
 * else (nakes, and pelatihan on a sheet of its own) the officer's own sheet with a roster header
 * and rows, the active sheet first; else the empty table or sheet, so the validator says what is
 * missing. A sheet of hers is a roster only when its header names NIK and at least one more column
 * (so a coverage sheet with "Kode fasyankes" and "Nama" is not); a named one always is.
 */
function choose(found: readonly { loc: Located; found: Found | null }[], kind: RosterTableName): { loc: Located; found: Found } | null {
  const named = found.find((f) => !f.loc.candidate && f.loc.kind === kind && f.found) as { loc: Located; found: Found } | undefined;
  if (named && named.found.hasRows) return named;
  let own: { loc: Located; found: Found } | undefined;
  for (const f of found) {
    if (!f.loc.candidate || !f.found || f.found.kind !== kind || !f.found.hasRows || !f.found.hasNik || f.found.score < MIN_KNOWN_HEADERS) continue;
    // The active sheet comes first and wins ties; another sheet only with a clearly better header.
    if (!own || f.found.score > own.found.score) own = f as { loc: Located; found: Found };
  }
  return own ?? named ?? null;
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
  found: Found,
  date1904: boolean,
  onProgress: ProgressFn,
  phase: string,
): Promise<SheetTable> {
  const { header } = found;
  // The last header row: data rows are counted from the row below it, as issues' rows are.
  const headerRow = loc.firstRow + header.dataStart - 1;
  const rawHeaders = header.columns.slice(0, loc.columnCount);
  while (rawHeaders.length < loc.columnCount) rawHeaders.push("");
  const keys = found.keys.slice(0, loc.columnCount);
  while (keys.length < loc.columnCount) keys.push(null);
  const dateColumns = date1904 ? keys.flatMap((k, i) => (k !== null && DATE_COLUMNS.has(k) ? [i] : [])) : [];
  // A facility picked from the template's dropdown reads "Nama (kode)": the code is what counts.
  const facilityColumn = keys.indexOf("kode_fasyankes");
  const rows: Cell[][] = [];
  const take = (values: unknown[][]) => {
    for (const v of values) {
      const row = v.map(toCell);
      for (const i of dateColumns) {
        const x = row[i];
        if (typeof x === "number") row[i] = from1904Serial(x);
      }
      if (facilityColumn >= 0) row[facilityColumn] = facilityCodeOfChoice(row[facilityColumn] ?? null);
      rows.push(row);
    }
  };
  take(firstValues.slice(header.dataStart));

  const end = loc.firstRow + loc.rowCount; // exclusive
  let next = loc.firstRow + loc.firstRows;
  const total = end - headerRow - 1;
  onProgress(rows.length, total, phase);

  // Block size from what the first rows weighed, with room for longer rows further down.
  const sample = firstValues.slice(header.dataStart);
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
    table: found.kind,
    sheetName: loc.sheet.name,
    headerRow,
    firstColumn: loc.firstColumn,
    headers: rawHeaders.slice(0, width),
    rows: width === rawHeaders.length ? rows : rows.map((r) => r.slice(0, width)),
    merged: mergedBlanks(loc, headerRow + 1, rows.length, width),
  };
}

/**
 * The data cells that lie inside a merged area but are not its first cell: Excel keeps a merged
 * area's value in its top-left cell only, so these read as blank although the officer sees the value.
 */
function mergedBlanks(loc: Located, dataRow: number, rowCount: number, width: number): MergedBlank[] {
  const out: MergedBlank[] = [];
  if (!loc.merged || loc.merged.isNullObject) return out;
  for (const area of loc.merged.areas.items) {
    for (let r = area.rowIndex; r < area.rowIndex + area.rowCount; r++) {
      const row = r - dataRow;
      if (row < 0 || row >= rowCount) continue;
      for (let c = area.columnIndex; c < area.columnIndex + area.columnCount; c++) {
        const column = c - loc.firstColumn;
        if (column < 0 || column >= width || (r === area.rowIndex && c === area.columnIndex)) continue;
        out.push({ row, column });
      }
    }
  }
  return out;
}
