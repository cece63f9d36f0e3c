import type { ColumnRef } from "../i18n/messages";
import { tableColumns, type TableKind } from "../table/columns";

const cache = new Map<string, ColumnRef>();

/** A column's name in both languages, for "… wajib diisi" / "… is required". */
export function columnRef(table: TableKind, key: string): ColumnRef {
  const k = `${table}.${key}`;
  let ref = cache.get(k);
  if (!ref) {
    const def = tableColumns[table].find((c) => c.key === key);
    ref = { label: { id: def?.header ?? key, en: def?.label_en ?? key } };
    cache.set(k, ref);
  }
  return ref;
}
