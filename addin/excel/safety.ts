import type { Cell } from "../../shared/schema/cell";
import { jsonBytes } from "./budget";

/**
 * Every value the add-in writes into the workbook goes through here. Excel reads what is written
 * into `Range.values` as if typed: "=…", "+…", "-…" and "@…" become formulas (a server message
 * or a cell value such as `=HYPERLINK(…)` would turn into a live link), "0812…" loses its leading
 * zero, a 16-digit NIK its last digit, "2026-11-01" turns into a date. Two defences:
 *  - text ranges: number format "@" set on the range before the values, values as strings;
 *  - ranges that must stay numeric: a leading apostrophe on any string Excel would reinterpret.
 */

/** A cell value as the text a "@" cell keeps. */
export function asText(value: Cell | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return String(value);
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?\s*$/;
const DATE_LIKE = /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/;

/** Would Excel turn this string into a formula, a number, a date or a boolean? */
export function isReinterpreted(s: string): boolean {
  return /^[=+\-@']/.test(s) || NUMERIC.test(s) || DATE_LIKE.test(s) || /^\s*(true|false)\s*$/i.test(s);
}

/** For a cell that cannot be text-formatted: the value, with an apostrophe where Excel would reinterpret it. */
export function apostrophed(value: Cell | undefined): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return value;
  return isReinterpreted(value) ? `'${value}` : value;
}

/**
 * Writes a block of values that must all stay text: the "@" format first (one value, which Excel
 * copies to every cell of the range), then the values as strings. Returns the estimated bytes.
 */
export function writeTextBlock(range: Excel.Range, rows: readonly (readonly (Cell | undefined)[])[]): number {
  const values = rows.map((row) => row.map(asText));
  range.numberFormat = [["@"]];
  range.values = values;
  return jsonBytes(values);
}

export type ColumnKind = { kind: "text" } | { kind: "number"; format: string };

/**
 * Writes a block whose columns are text or numeric. Text columns get "@" and strings; numeric
 * columns get their number format and keep numbers as numbers, and any string in them (a "-"
 * placeholder, say) gets an apostrophe. One format command per column, one values command.
 * Returns the estimated bytes.
 */
export function writeTypedBlock(
  sheet: Excel.Worksheet,
  firstRow: number,
  firstColumn: number,
  rows: readonly (readonly (Cell | undefined)[])[],
  kinds: readonly ColumnKind[],
): number {
  if (rows.length === 0 || kinds.length === 0) return 0;
  kinds.forEach((k, i) => {
    sheet.getRangeByIndexes(firstRow, firstColumn + i, rows.length, 1).numberFormat = [[k.kind === "text" ? "@" : k.format]];
  });
  const values = rows.map((row) => kinds.map((k, i) => (k.kind === "text" ? asText(row[i]) : numericCell(row[i]))));
  sheet.getRangeByIndexes(firstRow, firstColumn, rows.length, kinds.length).values = values;
  return jsonBytes(values) + kinds.length * 40;
}

function numericCell(value: Cell | undefined): Cell {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? value : apostrophed(value);
}
