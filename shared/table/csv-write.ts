/**
 * The one CSV writer of the project: every CSV the API produces goes through it (coverage, action lists;
 * SPEC §7: "any CSV the API produces writes free text so that it stays text").
 *
 * RFC 4180 (fields quoted when they hold the delimiter, a quote, CR or LF; quotes doubled; CRLF line
 * ends), and formula-safe as OWASP's "CSV Injection" advises: a text cell beginning with `=`, `+`, `-`,
 * `@`, tab or carriage return would be run as a formula by Excel, LibreOffice or Sheets, so it is
 * prefixed with `'` and quoted (`'=1+2` reads as the text =1+2 in Excel). Numbers are data the program
 * computed, never text from a user: they are written as numbers, negative ones included, so a spreadsheet
 * or Power Query can sum them.
 *
 * Digits that are an identifier, not a quantity (a NIK of 16 digits, a NIP of 18, an STR or telephone
 * number with a leading 0), would be changed by Excel opening the file by double-click: it keeps 15
 * significant digits and drops leading zeros. Such a cell (all digits, more than 15 of them or a
 * leading 0) is written as Excel's text formula `="…"`, which shows the digits as text; the project's
 * own reader unwraps it (shared/normalize/cell.ts cleanCell), and Power Query reads it as that text. The
 * formula holds digits only, so it runs nothing.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** "," (default) or ";" (what Indonesian Excel uses, comma being its decimal mark). */
  delimiter?: "," | ";" | "\t";
  /** A UTF-8 byte-order mark first, for Excel opening the file by double-click (Power Query needs none). */
  bom?: boolean;
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV Injection). */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** All digits, and more than Excel's 15 significant digits or a leading 0 it would drop. */
const DIGITS_EXCEL_CHANGES = /^(?:0\d+|\d{16,})$/;

/**
 * One field as written: null/undefined → empty; a finite number as is (NaN and ±Infinity → empty: no
 * spreadsheet reads them as numbers); booleans as TRUE/FALSE; digits Excel would change as `="…"`;
 * text formula-safe and quoted when needed.
 */
export function csvField(value: CsvValue, delimiter: string = ","): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const risky = value.length > 0 && FORMULA_START.has(value[0]!);
  if (!risky && DIGITS_EXCEL_CHANGES.test(value)) return `"=""${value}"""`;
  const text = risky ? `'${value}` : value;
  const needsQuotes = risky || text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and the rows, each line ended by CRLF. Rows shorter than the header are padded empty. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const line = (cells: readonly CsvValue[]) => {
    const out: string[] = new Array(Math.max(cells.length, header.length));
    for (let i = 0; i < out.length; i++) out[i] = csvField(cells[i], delimiter);
    return out.join(delimiter);
  };
  const lines = [line(header)];
  for (const row of rows) lines.push(line(row));
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
