import type { Cell } from "../schema/cell";
import type { SkipReason } from "../i18n/messages";
import { cleanCell } from "../normalize/cell";
import { fold } from "./fold";

/**
 * What a row of a sheet table is (SPEC §3.1 "Rows that are not people"). PERSON rows are validated;
 * BLANK rows (nothing in any cell: the rows Excel tables keep at their end) are passed over silently;
 * every other class is skipped with one `row.skipped` info per run of skipped rows.
 */
export const PERSON = 0;
export const BLANK = 1;
export type RowClass = typeof PERSON | typeof BLANK | SkipReason;

/** Formula errors as Excel shows them in a cell. */
const FORMULA_ERRORS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/**
 * The first line of a signature block: "Mengetahui,", "Kepala Puskesmas …", "An. Kepala …", "Plt. …",
 * and the decree's "Ditetapkan di Mukomuko" / "pada tanggal 30 November 2026" (a place-and-date
 * written over two lines).
 */
const SIGNATURE_START =
  /^(?:mengetahui|menyetujui|disetujui|kepala\s|an\.|a\.n\.?\s|atas nama\s|plt\.?\s|plh\.?\s|yang membuat|dibuat oleh|pembuat daftar|ditetapkan\s+di\s|dikeluarkan\s+di\s|pada\s+tanggal\s)/i;
/** A place-and-date line: "Mukomuko, 1 November 2026", "Mukomuko, 01-11-2026". */
const PLACE_AND_DATE = /^[\p{L} .'()-]{2,60},\s*(?:\d{1,2}\s+\p{L}+\.?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/u;
/** A column number as sheets write them under a header: "(1)", "1", "1." */
const COLUMN_NUMBER = /^\(?(\d{1,3})\)?\.?$/;

function isFormulaError(v: Cell): boolean {
  return typeof v === "string" && v.charCodeAt(0) === 35 && FORMULA_ERRORS.has(v.trim().toUpperCase());
}

/** A small whole number as a row-number cell holds it: 12, "12", "12." */
function rowNumberOf(v: Cell): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v < 1e6 ? v : null;
  if (typeof v !== "string") return null;
  const m = /^(\d{1,6})\.?$/.exec(v);
  return m ? Number(m[1]) : null;
}

/**
 * Sixteen characters that begin and end with a digit: the common case of a person's row, judged in
 * constant time (the NIK reader reads every digit later, and a NIK in that shape names a person
 * whatever its middle holds).
 */
function isNikShaped(v: Cell | undefined): boolean {
  if (typeof v !== "string" || v.length !== 16) return false;
  const a = v.charCodeAt(0);
  const z = v.charCodeAt(15);
  return a >= 48 && a <= 57 && z >= 48 && z <= 57;
}

/**
 * Whether an ID cell holds a NIK, kept or mistyped: it begins with a digit (or Excel's apostrophe)
 * and holds ten digits or more. A signer's "NIP. 1980…" line begins with letters and is no person.
 */
function hasIdDigits(v: Cell | undefined): boolean {
  if (typeof v === "number") return v >= 1e9;
  if (typeof v !== "string") return false;
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) === 32 || v.charCodeAt(i) === 39 || v.charCodeAt(i) === 160)) i++;
  const c0 = v.charCodeAt(i);
  if (!(c0 >= 48 && c0 <= 57)) return false;
  let digits = 0;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 10) return true;
  }
  return false;
}

/**
 * The class of every row of a table (see RowClass), from its cells already matched to columns.
 *
 * A row is skipped when it holds nothing in the roster's columns (whatever sits in ignored columns
 * such as "No" or a formula column), or only: a row number, formula errors (`#N/A`, `#VALUE!`), the
 * column numbers under a header (`(1)`, `(2)`, … or 1, 2, 3, …), or a totals row (first cell `JUMLAH`,
 * `TOTAL`); and from the first line of a signature block (`Mengetahui`, `Kepala …`, `An. …`, a
 * place-and-date line) after the last row with a NIK down to the end, the signer's name and `NIP. …`
 * line included. A row above that block that names a person is never skipped, however empty.
 *
 * @param rows the data rows (below the header).
 * @param keys the canonical key of each column (null: ignored column), as matchHeaders returns them.
 * @param nikColumn index of the NIK column, -1 when absent.
 * @returns one class per row.
 */
export function classifyRows(rows: readonly (readonly Cell[] | unknown)[], keys: readonly (string | null)[], nikColumn: number): RowClass[] {
  const c = new RowClassifier(rows, keys, nikColumn);
  return rows.map((_, r) => c.classOf(r));
}

/**
 * classifyRows one row at a time, for the validator's single pass: a person's row (one with a NIK) is
 * judged from that cell alone, and only the rows after the last NIK are read to find the signature
 * block, so a large roster costs no extra pass.
 */
export class RowClassifier {
  /** First row of the signature block; rows.length when there is none. */
  private readonly signatureStart: number;

  constructor(
    private readonly rows: readonly (readonly Cell[] | unknown)[],
    private readonly keys: readonly (string | null)[],
    private readonly nikColumn: number,
  ) {
    let lastNikRow = rows.length - 1;
    while (lastNikRow >= 0 && !this.hasNik(rows[lastNikRow])) lastNikRow--;
    let start = rows.length;
    for (let r = lastNikRow + 1; r < rows.length; r++) {
      const row = rows[r];
      if (!Array.isArray(row)) continue;
      const first = firstText(row as readonly Cell[]);
      if (first !== null && (SIGNATURE_START.test(first) || PLACE_AND_DATE.test(first))) {
        start = r;
        break;
      }
    }
    this.signatureStart = start;
  }

  /** A row with a NIK (kept, grouped or mistyped) is a person: judged without looking further. */
  private hasNik(row: unknown): boolean {
    if (!Array.isArray(row) || this.nikColumn < 0) return false;
    const v = row[this.nikColumn] as Cell | undefined;
    return isNikShaped(v) || hasIdDigits(v);
  }

  classOf(r: number): RowClass {
    const row = this.rows[r];
    if (!Array.isArray(row)) return BLANK;
    if (r >= this.signatureStart) return "signature";
    if (this.hasNik(row)) return PERSON;
    return classifyRow(row as readonly Cell[], this.keys);
  }
}

function firstText(row: readonly Cell[]): string | null {
  for (let i = 0; i < row.length; i++) {
    const v = cleanCell(row[i]);
    if (v !== null) return String(v);
  }
  return null;
}

function classifyRow(row: readonly Cell[], keys: readonly (string | null)[]): RowClass {
  let any = 0;
  let inRoster = 0;
  let errors = 0;
  let numbers = 0;
  let ascending = true;
  let previous = 0;
  let first: Cell = null;
  let raw = 0;
  for (let i = 0; i < row.length; i++) {
    const v = cleanCell(row[i]);
    // A placeholder, or 0 (what a formula shows with nothing to count), is no value; the row still
    // held something, so it is reported as skipped rather than passed over as blank.
    if (v === null || v === 0) {
      if (hasRawValue(row[i])) raw++;
      continue;
    }
    any++;
    if (first === null) first = v;
    if (i < keys.length && keys[i] !== null) inRoster++;
    if (isFormulaError(v)) {
      errors++;
      continue;
    }
    const m = typeof v === "string" ? COLUMN_NUMBER.exec(v) : null;
    const n = typeof v === "number" && Number.isInteger(v) ? v : m ? Number(m[1]) : null;
    if (n !== null) {
      numbers++;
      if (n <= previous) ascending = false;
      previous = n;
    }
  }
  if (any === 0) return raw === 0 ? BLANK : "empty";
  if (errors === any) return "formula_error";
  if (any === 1 && rowNumberOf(first) !== null) return "number_only";
  if (numbers === any && any >= 3 && ascending) return "column_numbers";
  if (errors + numbers === any && errors > 0) return "formula_error";
  if (typeof first === "string") {
    const f = fold(first);
    if (f.startsWith("jumlah") || f.startsWith("total") || f.startsWith("grandtotal") || f.startsWith("subtotal")) return "totals";
  }
  if (inRoster === 0) return "empty";
  return PERSON;
}

/** Whether a cell holds anything at all before normalising: a number, a boolean, or text that is not only whitespace. */
function hasRawValue(v: Cell | undefined): boolean {
  if (v === null || v === undefined) return false;
  return typeof v !== "string" || v.trim() !== "";
}
