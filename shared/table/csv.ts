import Papa from "papaparse";
import type { Cell } from "../schema/cell";
import type { TableKind } from "./columns";
import { findHeader } from "./find-header";

export interface CsvTable {
  headers: string[];
  /** Data rows in file order (blank lines kept as empty rows, so row n is the n-th line after the header). */
  rows: Cell[][];
  /** Records above the data that were not data: a `sep=` line, title rows, the header (one or two rows). */
  skippedLines: number;
  /** The delimiter found: Indonesian Excel saves CSV with ";" (comma is the decimal mark there). */
  delimiter: string;
}

/**
 * A CSV upload (SPEC §7, §3.1 "CSV as Excel saves it") → headers and rows. Every value stays a string
 * (a NIK must not become a number), empty fields become null, a byte-order mark is dropped, a first
 * line `sep=;` / `sep=,` names the delimiter (else ";", "," or tab is detected), and the header is
 * found by the one header finder (title rows above it skipped, a two-row header read as one).
 */
export function parseCsv(text: string, table: TableKind = "nakes"): CsvTable {
  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let skippedLines = 0;
  let delimiter: string;
  const sep = SEP_LINE.exec(source);
  if (sep) {
    delimiter = sep[1] === "\\t" ? "\t" : sep[1]!;
    source = source.slice(sep[0].length);
    skippedLines = 1;
  } else {
    delimiter = headerDelimiter(source);
  }
  const parsed = Papa.parse<string[]>(source, { delimiter, dynamicTyping: false, skipEmptyLines: false });
  const data = parsed.data;
  // A file ending in a line break leaves one empty record behind.
  while (data.length > 0 && isEmptyRecord(data[data.length - 1]!)) data.pop();
  const header = findHeader(data, table);
  const rows: Cell[][] = new Array(Math.max(0, data.length - header.dataStart));
  for (let i = header.dataStart; i < data.length; i++) {
    rows[i - header.dataStart] = data[i]!.map((v): Cell => (v === undefined || v === null || v.trim() === "" ? null : v));
  }
  return { headers: header.columns, rows, delimiter, skippedLines: skippedLines + header.dataStart };
}

/** Excel's delimiter line: `sep=;` (also `sep=,`, `sep=|`, tab) alone on the first line. */
const SEP_LINE = /^sep=(.|\\t)[ \t]*(?:\r\n|\n|\r|$)/i;

/**
 * The delimiter is read off the header line, the line whose fields are all names: of ";", "," and
 * tab outside quotes, the one that splits some line of the first 30 into the most fields (title rows
 * above the header may hold none, or a comma in their text; Papa's own guess needs several consistent
 * rows, and a one-row upload has none).
 */
function headerDelimiter(text: string): string {
  const DELIMITERS = [",", ";", "\t"];
  const best = [0, 0, 0];
  const counts = [0, 0, 0];
  let quoted = false;
  let lines = 0;
  for (let i = 0; i <= text.length && lines < 30; i++) {
    const c = i < text.length ? text[i]! : "\n";
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      for (let d = 0; d < 3; d++) {
        if (counts[d]! > best[d]!) best[d] = counts[d]!;
        counts[d] = 0;
      }
      if (c === "\n") lines++;
    } else if (!quoted) {
      const d = DELIMITERS.indexOf(c);
      if (d >= 0) counts[d]!++;
    }
  }
  let pick = 0;
  for (const d of [1, 2]) if (best[d]! > best[pick]!) pick = d;
  return DELIMITERS[pick]!;
}

/**
 * The text of a CSV body's bytes (SPEC §3.1 "CSV as Excel saves it"): UTF-16LE or UTF-16BE when a
 * byte-order mark says so (Excel's "Unicode Text", tab-separated) or, without one, when the first bytes
 * hold a NUL in every other byte (the high byte of ASCII text; see utf16WithoutBom), else UTF-8 (with
 * or without BOM), else Windows-1252 (what Windows Excel writes for "CSV"). The BOM is dropped.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * UTF-16 without a byte-order mark, judged on the first 64 bytes: a CSV's header is ASCII, so in UTF-16
 * every other byte is NUL (odd bytes in little-endian, even in big-endian), which no UTF-8 or
 * Windows-1252 text holds. Null when the bytes do not look so.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Most pairs carry their NUL on one side and none on the other (a few non-ASCII letters aside).
  if (oddNul * 4 >= pairs * 3 && evenNul === 0) return "utf-16le";
  if (evenNul * 4 >= pairs * 3 && oddNul === 0) return "utf-16be";
  return null;
}

function isEmptyRecord(r: readonly string[]): boolean {
  return r.every((v) => v === undefined || v === null || v.trim() === "");
}

/**
 * A CSV body as the table shape of every upload: the headers as written become the columns (the
 * validator matches their aliases and reports unknown ones), rows as parsed.
 */
export function csvTable(text: string, table: TableKind = "nakes"): { columns: string[]; rows: Cell[][] } {
  const { headers, rows } = parseCsv(text, table);
  return { columns: headers, rows };
}
