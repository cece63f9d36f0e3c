import type { Cell } from "../schema/cell";
import { cleanCell } from "../normalize/cell";
import { tableColumns, type TableKind } from "../table/columns";

/** Position of each canonical key in a row, -1 when the table has no such column. */
export type ColumnIndex<K extends string> = Record<K, number>;

export function columnIndex<K extends string>(table: TableKind, keys: readonly (string | null)[]): ColumnIndex<K> {
  const index = {} as Record<string, number>;
  for (const def of tableColumns[table]) index[def.key] = -1;
  keys.forEach((k, i) => {
    if (k !== null && index[k] === -1) index[k] = i;
  });
  return index as ColumnIndex<K>;
}

/**
 * The cell at a column position, cleaned (shared/normalize/cell.ts cleanCell: invisible characters,
 * NBSP, `="…"`, placeholders as empty): every rule reads its cells through here, so each fault of a
 * real sheet is handled for every column. A missing column or a short row reads as empty.
 *
 * This runs for every cell of a roster, so the common case is decided here without a call: a text of
 * ten characters or more whose ends are printable ASCII is passed on unscanned, and the reader of its
 * column finishes the job in the scan it makes anyway (cellText, readId and readDate clean in full;
 * code lookups fold invisible characters away). A short text (where placeholders live) or one with
 * suspect ends (spaces, `=`, NBSP, invisible or wide characters) is cleaned in full.
 */
export function at(row: readonly Cell[], i: number): Cell {
  if (i < 0) return null;
  const v = row[i];
  if (typeof v === "string") {
    const n = v.length;
    if (n > 9) {
      const c0 = v.charCodeAt(0);
      const cl = v.charCodeAt(n - 1);
      if (c0 > 32 && c0 !== 61 && c0 < 127 && cl > 32 && cl < 127) return v;
    }
    return cleanCell(v);
  }
  if (v === undefined) return null;
  return typeof v === "number" && !Number.isFinite(v) ? null : v;
}

/** A row with nothing in it: Excel tables keep such rows at their end; they are no person. */
export function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) continue;
    if (typeof v === "string") {
      for (let j = 0; j < v.length; j++) {
        const c = v.charCodeAt(j);
        if (c > 32 && c !== 160 && c !== 0xfeff) return false;
      }
      continue;
    }
    return false;
  }
  return true;
}
