import type { Cell } from "../schema/cell";
import type { TableKind } from "./columns";
import { keyOfHeader } from "./headers";

/** Where a table's header is in a grid of cells, and its column names (SPEC §3.1 "Headers as people write them"). */
export interface FoundHeader {
  /** Index of the (first) header row in the grid. */
  row: number;
  /** 2 for a two-row header (a group over sub-headers: `STR` over `Nomor | Berlaku s.d.`). */
  height: 1 | 2;
  /** One header text per column, a two-row header already combined ("STR Nomor"); "" where blank. */
  columns: string[];
  /** Index of the first row below the header. */
  dataStart: number;
}

/** Title rows people put above a table: a few at most, so the search stays cheap on a large CSV. */
const MAX_SCAN = 30;

const text = (v: Cell | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/** The distinct columns a row of header texts names. */
function keysNamed(texts: readonly string[], table: TableKind): Set<string> {
  const keys = new Set<string>();
  for (const t of texts) {
    if (t === "") continue;
    const k = keyOfHeader(t, table);
    if (k !== null) keys.add(k);
  }
  return keys;
}

/**
 * The header of a table in a sheet's grid of values (a used range top-down, or the records of a CSV),
 * found the same way in the add-in and on the CSV path (one finder, SPEC §3.1):
 *
 * - the header is the row among the first 30 that names the most columns of `table` (two at least);
 *   title rows above it ("DATA TENAGA KESEHATAN PUSKESMAS …", blank lines) are skipped;
 * - a two-row header is read as one: where the row below holds sub-headers (`Nomor`, `Berlaku s.d.`)
 *   under a group (`STR`, written once over the merged cells), each column is named by the group and
 *   its sub-header together, and the two rows count as the header when that names more columns;
 * - when no row names two columns, row 0 is the header (its unknown and missing columns are then
 *   reported as they were written).
 *
 * @param grid rows of cells, row 0 the sheet's or file's first line.
 */
export function findHeader(grid: readonly (readonly Cell[])[], table: TableKind): FoundHeader {
  let best = -1;
  let bestCount = 1;
  const scan = Math.min(grid.length, MAX_SCAN);
  for (let r = 0; r < scan; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    const count = keysNamed(row.map(text), table).size;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  if (best < 0) {
    const first = Array.isArray(grid[0]) ? grid[0].map(text) : [];
    return { row: 0, height: 1, columns: first, dataStart: grid.length > 0 ? 1 : 0 };
  }
  const top = grid[best]!.map(text);
  const below = grid[best + 1];
  if (Array.isArray(below)) {
    const combined = combineHeader(top, below.map(text), table);
    if (combined !== null && keysNamed(combined, table).size > bestCount) {
      return { row: best, height: 2, columns: combined, dataStart: best + 2 };
    }
  }
  return { row: best, height: 1, columns: top, dataStart: best + 1 };
}

/**
 * The columns of a group row over a sub-header row, or null when the lower row does not look like
 * sub-headers. A group is written once over merged cells, so a blank upper cell takes the group to its
 * left. Each column is named by the first of "group sub", "sub group", "sub" that names a column, else
 * by "group sub" (reported as unknown as written).
 */
function combineHeader(top: readonly string[], sub: readonly string[], table: TableKind): string[] | null {
  const width = Math.max(top.length, sub.length);
  const out: string[] = [];
  let group = "";
  let subs = 0;
  for (let c = 0; c < width; c++) {
    const t = top[c] ?? "";
    const s = sub[c] ?? "";
    if (t !== "") group = t;
    if (s === "") {
      // A header written once over both rows (vertically merged): the upper text alone.
      out.push(t);
      if (t === "") group = "";
      continue;
    }
    subs++;
    const g = t !== "" ? t : group;
    if (g === "") {
      out.push(s);
      continue;
    }
    const candidates = [`${g} ${s}`, `${s} ${g}`, s];
    out.push(candidates.find((h) => keyOfHeader(h, table) !== null) ?? `${g} ${s}`);
  }
  return subs > 0 ? out : null;
}
