import type { ColumnRef } from "../i18n/messages";
import { columnLabel, type TableKind } from "../table/columns";

const cache = new Map<string, ColumnRef>();

/**
 * A column's name in both languages, for "… wajib diisi" / "… is required": the labels of
 * shared/table/columns.ts (`columnLabel`), the key itself for a column it does not declare.
 */
export function columnRef(table: TableKind, key: string): ColumnRef {
  const k = `${table}.${key}`;
  let ref = cache.get(k);
  if (!ref) {
    ref = { label: { id: columnLabel(table, key, "id"), en: columnLabel(table, key, "en") } };
    cache.set(k, ref);
  }
  return ref;
}
