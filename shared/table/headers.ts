import { MAX_COLUMNS, MAX_HEADER_CHARS } from "../schema/cell";
import type { Issue, Lang } from "../schema/issue";
import { makeIssue } from "../validate/issues";
import { tableColumns, type ColumnDef, type TableKind } from "./columns";
import { fold } from "./fold";
import { licenceDateKey } from "./licence-date-header";

export type { TableKind } from "./columns";
export { MAX_COLUMNS, MAX_HEADER_CHARS };

/** Folded header → column, per table; the canonical key and the template header count as aliases. */
const lookups = new Map<TableKind, Map<string, ColumnDef>>();

function lookup(table: TableKind): Map<string, ColumnDef> {
  let map = lookups.get(table);
  if (!map) {
    map = new Map();
    for (const def of tableColumns[table]) {
      for (const name of [def.key, def.header, ...def.aliases]) map.set(fold(name), def);
    }
    lookups.set(table, map);
  }
  return map;
}

/**
 * The column a header names, or undefined (case-, space- and punctuation-insensitive). Headers as
 * people write them (SPEC §3.1): a trailing `*` (required mark), a hint in parentheses
 * ("Jenis Kelamin (L/P)", "NIK (16 digit)") or after a colon ("Tanggal Lahir: dd/mm/yyyy") are
 * ignored when the whole header is not itself a name ("L/P" is one).
 */
function defOfHeader(header: string, table: TableKind): ColumnDef | undefined {
  // Headers are short: a longer cell (a multi-MB CSV field under the header) names nothing, and is
  // not folded or searched, so header matching costs at most MAX_HEADER_CHARS per cell.
  if (header.length > MAX_HEADER_CHARS) return undefined;
  const map = lookup(table);
  const whole = map.get(fold(header));
  if (whole) return whole;
  const bare = header.replace(/\*+\s*$/, "").trim();
  const noParens = bare.replace(/\s*[(\[][^)\]]*[)\]]\s*/g, " ").trim();
  const colon = noParens.indexOf(":");
  const beforeColon = colon > 0 ? noParens.slice(0, colon).trim() : noParens;
  for (const candidate of [bare, noParens, beforeColon]) {
    if (candidate === "") continue;
    const def = map.get(fold(candidate));
    if (def) return def;
  }
  if (table === "nakes") {
    // The STR and SIP validity dates are named by their words in any order (./licence-date-header).
    for (const candidate of [header, bare, noParens, beforeColon]) {
      const key = candidate === "" ? null : licenceDateKey(candidate);
      if (key !== null) return tableColumns.nakes.find((d) => d.key === key);
    }
  }
  return undefined;
}

/** The column a header names, or null (see defOfHeader for the marks and hints ignored). */
export function keyOfHeader(header: string, table: TableKind): string | null {
  return defOfHeader(header, table)?.key ?? null;
}

/**
 * Headers of a row-number column ("No", "No.", "No Urut", "#"): a column every office sheet has and
 * no roster key; ignored without a warning.
 */
const ROW_NUMBER_HEADERS: ReadonlySet<string> = new Set(["no", "nourut", "nomorurut"]);

/** Whether a header names the row-number column that sheets carry (ignored silently). */
export function isRowNumberHeader(header: string): boolean {
  if (header.length > MAX_HEADER_CHARS) return false;
  const f = fold(header);
  return header.trim() === "#" || (f !== "" && ROW_NUMBER_HEADERS.has(f));
}

/** Every header a column accepts, for the header.missing message. */
export function acceptedHeaders(def: ColumnDef): string[] {
  return [def.header, ...def.aliases];
}

/**
 * Headers as the user wrote them → canonical key per position (null: ignored), with the findings of
 * SPEC §5: header.missing (row null, column = the key, message lists its accepted headers),
 * header.duplicate (the later column is ignored), header.unknown (column ignored). Blank headers are
 * ignored silently: they are the gaps Excel and CSV exports leave. A table of more than MAX_COLUMNS
 * columns (a CSV has no schema to stop it) gets one header.too_many error and only its first
 * MAX_COLUMNS headers are read, so the findings stay bounded; a header over MAX_HEADER_CHARS is shown
 * cut to that length.
 */
export function matchHeaders(headers: readonly string[], table: TableKind, lang: Lang = "id"): { keys: (string | null)[]; issues: Issue[] } {
  const keys: (string | null)[] = [];
  const issues: Issue[] = [];
  const firstHeader = new Map<string, string>();
  if (headers.length > MAX_COLUMNS) {
    issues.push(makeIssue("header.too_many", { table, row: null, column: null }, { limit: MAX_COLUMNS, actual: headers.length }, lang));
  }
  for (let c = 0; c < headers.length; c++) {
    if (c >= MAX_COLUMNS) {
      keys.push(null);
      continue;
    }
    const raw = headers[c];
    const whole = typeof raw === "string" ? raw.trim() : String(raw ?? "").trim();
    const header = whole.length > MAX_HEADER_CHARS ? `${whole.slice(0, MAX_HEADER_CHARS)}…` : whole;
    if (header === "") {
      keys.push(null);
      continue;
    }
    const def = defOfHeader(header, table);
    if (!def) {
      keys.push(null);
      if (isRowNumberHeader(header)) continue;
      issues.push(makeIssue("header.unknown", { table, row: null, column: header }, { header }, lang));
      continue;
    }
    const first = firstHeader.get(def.key);
    if (first !== undefined) {
      keys.push(null);
      issues.push(makeIssue("header.duplicate", { table, row: null, column: header }, { header, first }, lang));
      continue;
    }
    firstHeader.set(def.key, header);
    keys.push(def.key);
  }
  for (const def of tableColumns[table]) {
    if (def.required && !firstHeader.has(def.key)) {
      issues.push(
        makeIssue("header.missing", { table, row: null, column: def.key }, { header: def.header, header_en: def.label_en, accepted: acceptedHeaders(def) }, lang),
      );
    }
  }
  return { keys, issues };
}
