import type { Cell } from "../schema/cell";
import { cleanCellFast } from "../normalize/cell";
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
 * The cell at a column position, cleaned (shared/normalize/cell.ts: invisible characters, NBSP,
 * `="…"`, placeholders as empty): every rule reads its cells through here, so each fault of a real
 * sheet is handled for every column. The inner characters of a long text with clean ends are left to
 * the reader of its column, which scans them anyway (see cleanCellFast). A missing column or a short
 * row reads as empty.
 */
export function at(row: readonly Cell[], i: number): Cell {
  if (i < 0) return null;
  return cleanCellFast(row[i]);
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
