import type { Cell, Table } from "../../shared/schema/cell";
import type { RosterRequest } from "../../shared/schema/roster";
import { todayIn } from "../../shared/normalize/today";
import { matchHeaders } from "../../shared/table/headers";
import type { RosterOnSheet, SheetTable } from "../excel/types";
import type { RosterLayout, TableLayout } from "./locate";

export interface MappedRoster {
  /** Always dated: the validator and the server check the same roster date. */
  request: RosterRequest & { as_of: string };
  layout: RosterLayout;
}

/**
 * Canonical key per header; null for an unknown header and for the second of two naming the same
 * key. Those keep the user's own text in the request, so the validator (which matches headers again)
 * reports them in the user's words.
 */
function headerKeys(table: SheetTable): (string | null)[] {
  return matchHeaders(table.headers, table.table).keys;
}

const isBlank = (v: Cell | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * One sheet table as the API's table shape: headers become canonical keys (an unknown header keeps
 * its text, so the validator reports it), rows stay in sheet order so issue rows map back to cells.
 * Columns without a header and without data (the gap before a note column) are left out.
 */
function mapTable(sheet: SheetTable): { table: Table; layout: TableLayout } {
  const keys = headerKeys(sheet);
  const keep: number[] = [];
  sheet.headers.forEach((header, i) => {
    if (header.trim() !== "" || sheet.rows.some((r) => !isBlank(r[i]))) keep.push(i);
  });
  const columns = keep.map((i) => keys[i] ?? sheet.headers[i]!.trim());
  const rows = sheet.rows.map((r) => keep.map((i) => r[i] ?? null));
  return {
    table: { columns, rows },
    layout: {
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      columns,
      headers: keep.map((i) => sheet.headers[i]!),
      sheetColumns: keep.map((i) => sheet.firstColumn + i) },
  };
}

/**
 * The request the validator and the API read, or null when the workbook has no Nakes table. Its
 * as_of is `asOf`, else today where the roster's facilities are (rosterToday).
 */
export function toRosterRequest(roster: RosterOnSheet, asOf?: string): MappedRoster | null {
  if (!roster.nakes) return null;
  const nakes = mapTable(roster.nakes);
  const pelatihan = roster.pelatihan ? mapTable(roster.pelatihan) : null;
  return {
    request: { as_of: asOf ?? rosterToday(nakes.table), nakes: nakes.table, ...(pelatihan ? { pelatihan: pelatihan.table } : {}) },
    layout: { nakes: nakes.layout, ...(pelatihan ? { pelatihan: pelatihan.layout } : {}) },
  };
}

/**
 * The roster date of a Nakes table: today where its first facility lies (SPEC §4.5, WIB when no code
 * is given), the same day the Worker gives an upload without as_of (shared/normalize/today.ts, the one
 * "today"), whatever the computer's own time zone.
 * @param nowMs the current instant, ms since the epoch (default Date.now()).
 */
export function rosterToday(nakes: Table, nowMs: number = Date.now()): string {
  const at = nakes.columns.indexOf("kode_fasyankes");
  const code = at < 0 ? undefined : nakes.rows.find((r) => typeof r[at] === "string" && r[at].trim() !== "")?.[at];
  return todayIn(typeof code === "string" ? code.trim() : null, nowMs);
}
