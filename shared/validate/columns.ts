import type { Cell } from "../schema/cell";
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

/** The cell at a column position; a missing column or a short row reads as empty. */
export function at(row: readonly Cell[], i: number): Cell {
  if (i < 0) return null;
  const v = row[i];
  return v === undefined ? null : v;
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
