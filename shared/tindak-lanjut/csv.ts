import { writeCsv, type CsvValue as Field } from "../table/csv-write";

/**
 * The lists as CSV (SPEC §9 `Accept: text/csv`), through the project's one formula-safe writer
 * (shared/table/csv-write.ts, SPEC §7 Access). Only what is particular to the lists lives here: rows are
 * objects picked by column key, a list-valued cell (e.g. what a PONED team lacks) is its items joined by
 * ", ", and the file starts with a BOM so Excel opened by double-click reads names with their accents.
 */

const field = (v: unknown): Field =>
  Array.isArray(v) ? v.join(", ") : v === null || v === undefined ? null : (v as Field);

/** The CSV text of `rows` (objects) under `columns` (their keys, in order). */
export function csvOf(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  return writeCsv(columns, rows.map((r) => columns.map((c) => field(r[c]))), { bom: true });
}
