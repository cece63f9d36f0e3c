/**
 * How Excel turns what is written into `Range.values` into cell contents, and cell contents into
 * `values` / `text` / `formulas` again. Only the rules that can hurt a roster are modelled, and they
 * are modelled strictly, so a test fails where Excel would spoil data:
 *  - a string starting with =, +, -, or @ becomes a formula (unless the rest is a plain number:
 *    "-5" is the number -5, "+6281234" the number 6281234), except in a cell formatted as text "@";
 *  - in a non-text cell, a string that reads as a number becomes a number ("0812" → 812),
 *    "TRUE"/"FALSE" a boolean, and an ISO date "2026-11-01" a date serial (of the workbook's date system);
 *  - a leading apostrophe keeps the rest as text (the apostrophe is not part of the value);
 *  - every number keeps only 15 significant digits (Excel's double precision for display and storage);
 *  - setting `formulas` on a cell formatted as text stores the formula text as plain text.
 */

export type Scalar = string | number | boolean | null;

export interface FontModel {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  name?: string;
  underline?: string;
}

export interface HyperlinkModel {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellModel {
  /** The value; null when empty. A formula cell holds its (fake) result here. */
  v: Scalar;
  /** Formula text ("=..."), only for cells that hold a formula. */
  f?: string;
  /** Number format; absent means "General". */
  nf?: string;
  /** The value was entered with a leading apostrophe. */
  prefix?: boolean;
  fill?: string;
  font?: FontModel;
  link?: HyperlinkModel;
  /** Other cell formats (wrapText, horizontalAlignment, …), stored as set. */
  fmt?: Record<string, unknown>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel keeps 15 significant digits: 3601010101900001 is stored as 3601010101900000. */
export function excelNumber(n: number): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  return Number(n.toPrecision(15));
}

export function parseNumber(s: string): number | null {
  const t = s.trim();
  return NUMBER.test(t) ? Number(t) : null;
}

/**
 * Excel's two date systems: a workbook saved in the 1904 system (old Mac Excel's default, kept by
 * workbooks that passed through it) counts days from 1904-01-01, so its serials are 1,462 smaller
 * than the 1900 system's for the same day.
 */
export type DateSystem = 1900 | 1904;
export const DAYS_1900_TO_1904 = 1462;

/** Days since 1899-12-30 (Excel's 1900 date system, including its phantom 29 Feb 1900 offset); 1,462 fewer in the 1904 system. */
export function isoToSerial(iso: string, system: DateSystem = 1900): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000) - (system === 1904 ? DAYS_1900_TO_1904 : 0);
}

export function serialToIso(serial: number, system: DateSystem = 1900): string {
  const days = Math.round(serial) + (system === 1904 ? DAYS_1900_TO_1904 : 0);
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export const isTextFormat = (nf: string | undefined) => nf === "@";

/** Writes one input of `Range.values` into a cell. Null/undefined leaves the cell as it is. */
export function writeValue(cell: CellModel, input: unknown, system: DateSystem = 1900): void {
  if (input === null || input === undefined) return;
  delete cell.f;
  delete cell.prefix;
  const text = isTextFormat(cell.nf);
  if (typeof input === "string") {
    if (input === "") {
      cell.v = null;
      return;
    }
    if (text) {
      cell.v = input;
      return;
    }
    if (input.startsWith("'")) {
      cell.v = input.slice(1);
      cell.prefix = true;
      return;
    }
    const n = parseNumber(input);
    if (n !== null) {
      cell.v = excelNumber(n);
      return;
    }
    if (/^[=+\-@]/.test(input)) {
      cell.f = input.startsWith("=") ? input : `=${input}`;
      cell.v = "#NAME?";
      return;
    }
    if (/^(true|false)$/i.test(input.trim())) {
      cell.v = input.trim().toLowerCase() === "true";
      return;
    }
    const serial = isoToSerial(input.trim(), system);
    if (serial !== null) {
      cell.v = serial;
      if (!cell.nf || cell.nf === "General") cell.nf = "yyyy-mm-dd";
      return;
    }
    cell.v = input;
    return;
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new TypeError("not a finite number");
    cell.v = excelNumber(input);
    return;
  }
  if (typeof input === "boolean") {
    cell.v = input;
    return;
  }
  throw new TypeError(`unsupported cell value ${typeof input}`);
}

/** Writes one input of `Range.formulas`: a formula unless the cell is formatted as text. */
export function writeFormula(cell: CellModel, input: unknown, system: DateSystem = 1900): void {
  if (input === null || input === undefined) return;
  if (typeof input === "string" && input.startsWith("=") && !isTextFormat(cell.nf)) {
    delete cell.prefix;
    cell.f = input;
    cell.v = "#NAME?";
    return;
  }
  writeValue(cell, input, system);
}

export function readValue(cell: CellModel | undefined): Scalar {
  if (!cell || cell.v === null) return "";
  return cell.v;
}

export function readFormula(cell: CellModel | undefined): Scalar {
  if (!cell) return "";
  if (cell.f !== undefined) return cell.f;
  return readValue(cell);
}

export function valueType(cell: CellModel | undefined): string {
  if (!cell || cell.v === null) return "Empty";
  if (cell.f !== undefined) return "Error";
  if (typeof cell.v === "number") return "Double";
  if (typeof cell.v === "boolean") return "Boolean";
  return "String";
}

/** What Excel shows: General squeezes numbers into 11 characters (3601010101900000 → 3.60101E+15). */
export function displayText(cell: CellModel | undefined, system: DateSystem = 1900): string {
  if (!cell || cell.v === null) return "";
  const v = cell.v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const nf = cell.nf ?? "General";
  if (nf === "@") return String(v);
  if (/y/.test(nf) && /d/.test(nf)) {
    const iso = serialToIso(v, system);
    const [y, m, d] = iso.split("-");
    return nf.replace(/yyyy/, y!).replace(/mm/, m!).replace(/dd/, d!);
  }
  const pct = /^0(\.(0+))?%$/.exec(nf);
  if (pct) return `${(v * 100).toFixed(pct[2]?.length ?? 0)}%`;
  const fixed = /^0(\.(0+))?$/.exec(nf);
  if (fixed) return v.toFixed(fixed[2]?.length ?? 0);
  return generalText(v);
}

export function generalText(v: number): string {
  const plain = String(v);
  if (plain.length <= 11 && !plain.includes("e")) return plain;
  if (Math.abs(v) >= 1e11 || (Math.abs(v) < 1e-9 && v !== 0)) {
    for (let digits = 5; digits >= 0; digits--) {
      const [mantissa, exponent] = v.toExponential(digits).split("e");
      const e = Number(exponent);
      const s = `${mantissa}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
      if (s.length <= 11) return s;
    }
  }
  const intLen = String(Math.trunc(Math.abs(v))).length + (v < 0 ? 1 : 0);
  return String(Number(v.toFixed(Math.max(0, 10 - intLen))));
}
