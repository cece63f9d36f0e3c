/**
 * The lists as CSV (SPEC §9 `Accept: text/csv`; SPEC §7 Access: every CSV the API produces keeps text
 * as text). A local adapter until production's shared formula-safe writer (shared/table/csv-write.ts,
 * see /work/notes/interfaces.md) lands: then `csvOf` should call it and this file go.
 *
 * Shape: UTF-8 with a BOM (Excel then reads names with their accents), comma-separated, CRLF, a header
 * row of column keys. A text cell that a spreadsheet would read as a formula (it begins with =, +, -,
 * @, a tab or a carriage return) gets a leading apostrophe; numbers are written as numbers; arrays as
 * their items joined by ", "; null as an empty cell. A cell with a comma, quote or line break is quoted.
 */

export type CsvValue = string | number | boolean | null | readonly string[];

/** First characters that make a spreadsheet read a cell as a formula: = + - @ tab CR. */
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]);
const NEEDS_QUOTES = /[",\r\n]/;

function cell(v: CsvValue): string {
  if (v === null) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  let s = typeof v === "string" ? v : v.join(", ");
  if (FORMULA_START.has(s.charCodeAt(0))) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of `rows` (objects) under `columns` (their keys, in order). */
export function csvOf(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  const lines = [columns.map((c) => cell(c)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell((r[c] ?? null) as CsvValue)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
