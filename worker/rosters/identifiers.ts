import type { Cell, Table } from "../../shared/schema/cell";
import type { RosterRequest } from "../../shared/schema/roster";
import { cellText } from "../../shared/normalize/cell";
import { readId } from "../../shared/normalize/ids";
import { strKey } from "../../shared/validate/cross-row";
import { matchHeaders, type TableKind } from "../../shared/table/headers";

/**
 * The identifiers a roster names, read the way the validator reads them (shared/normalize), before
 * validation: the Worker looks them up in the stored rosters to fill the validator's context.
 */
export interface RosterIdentifiers {
  /** Facility codes, upper-cased as the validator does. */
  kodes: Set<string>;
  niks: Set<string>;
  nips: Set<string>;
  /** STR numbers as written and with spaces dropped, upper-cased (how the validator compares). */
  strs: Set<string>;
  /** NIKs of the Pelatihan table that the Nakes table does not hold. */
  pelatihanOnlyNiks: Set<string>;
}

function column(table: Table | undefined, kind: TableKind, key: string): number {
  const columns = Array.isArray(table?.columns) ? table.columns : [];
  return matchHeaders(columns.map(String), kind).keys.indexOf(key);
}

function eachCell(table: Table | undefined, col: number, f: (v: Cell) => void): void {
  if (col < 0 || !Array.isArray(table?.rows)) return;
  for (const row of table.rows) if (Array.isArray(row)) f(row[col] ?? null);
}

/** An STR number as written and as the validator compares it (shared/validate/cross-row.ts strKey): the keys to look up. */
export function strKeys(str: string): string[] {
  const key = strKey(str);
  return key === str ? [str] : [str, key];
}

/** The facility code of each Nakes row (index = submitted row), upper-cased; null where empty. */
export function facilityCodeByRow(req: RosterRequest): (string | null)[] {
  const col = column(req.nakes, "nakes", "kode_fasyankes");
  const rows = Array.isArray(req.nakes?.rows) ? req.nakes.rows : [];
  return rows.map((row) => {
    const t = col >= 0 && Array.isArray(row) ? cellText(row[col] ?? null) : null;
    return t === null ? null : t.toUpperCase();
  });
}

export function identifiersOf(req: RosterRequest): RosterIdentifiers {
  const ids: RosterIdentifiers = { kodes: new Set(), niks: new Set(), nips: new Set(), strs: new Set(), pelatihanOnlyNiks: new Set() };
  const nakes = req.nakes;
  eachCell(nakes, column(nakes, "nakes", "kode_fasyankes"), (v) => {
    const t = cellText(v);
    if (t !== null) ids.kodes.add(t.toUpperCase());
  });
  eachCell(nakes, column(nakes, "nakes", "nik"), (v) => {
    const nik = readId(v, 16);
    if (typeof nik === "string") ids.niks.add(nik);
  });
  eachCell(nakes, column(nakes, "nakes", "nip"), (v) => {
    const nip = readId(v, 18);
    if (typeof nip === "string") ids.nips.add(nip);
  });
  eachCell(nakes, column(nakes, "nakes", "no_str"), (v) => {
    const t = cellText(v);
    if (t !== null) for (const k of strKeys(t)) ids.strs.add(k);
  });
  eachCell(req.pelatihan, column(req.pelatihan, "pelatihan", "nik"), (v) => {
    const nik = readId(v, 16);
    if (typeof nik === "string" && !ids.niks.has(nik)) ids.pelatihanOnlyNiks.add(nik);
  });
  return ids;
}
