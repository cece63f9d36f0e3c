import Papa from "papaparse";
import type { Cell } from "../schema/cell";

export interface CsvTable {
  headers: string[];
  /** Data rows in file order (blank lines kept as empty rows, so row n is the n-th line after the header). */
  rows: Cell[][];
  /** The delimiter found: Indonesian Excel saves CSV with ";" (comma is the decimal mark there). */
  delimiter: string;
}

/**
 * A CSV upload (SPEC §7) → headers and rows. Every value stays a string (a NIK must not become a
 * number), empty fields become null, a byte-order mark is dropped, and ";" or "," is detected.
 */
export function parseCsv(text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = headerDelimiter(source);
  const parsed = Papa.parse<string[]>(source, { delimiter, dynamicTyping: false, skipEmptyLines: false });
  const data = parsed.data;
  // A file ending in a line break leaves one empty record behind.
  while (data.length > 0 && isEmptyRecord(data[data.length - 1]!)) data.pop();
  const [head = [], ...body] = data;
  const headers = head.map((h) => String(h ?? "").trim());
  const rows = body.map((r) => r.map((v): Cell => (v === undefined || v === null || v.trim() === "" ? null : v)));
  return { headers, rows, delimiter };
}

/**
 * The delimiter is read off the header line, the one line whose fields are all names: the most
 * frequent of ";", "," and tab outside quotes (Papa's own guess needs several consistent rows, and a
 * one-row upload has none).
 */
function headerDelimiter(text: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  let best = ",";
  for (const d of [";", "\t"]) if (counts[d]! > counts[best]!) best = d;
  return best;
}

function isEmptyRecord(r: readonly string[]): boolean {
  return r.every((v) => v === undefined || v === null || v.trim() === "");
}

/**
 * A CSV body as the table shape of every upload: the headers as written become the columns (the
 * validator matches their aliases and reports unknown ones), rows as parsed.
 */
export function csvTable(text: string): { columns: string[]; rows: Cell[][] } {
  const { headers, rows } = parseCsv(text);
  return { columns: headers, rows };
}
