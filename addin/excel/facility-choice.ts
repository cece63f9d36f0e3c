import { isFacilityCode } from "../../shared/reference/facilities";
import type { Cell } from "../../shared/schema/cell";

/**
 * The template's kode_fasyankes dropdown offers facilities by name (issue 13 item 8): Excel's list
 * shows the very text a pick writes into the cell, so each choice reads "Puskesmas Mukomuko
 * (P1706010101)" and the reader keeps only the code in the parentheses. One format, both ways.
 */

export interface FacilityChoice {
  kode: string;
  nama?: string | null;
}

/** "Nama (kode)"; the bare code when the facility has no name. */
export function facilityChoiceText(f: FacilityChoice): string {
  const nama = f.nama?.trim();
  return nama ? `${nama} (${f.kode})` : f.kode;
}

/**
 * A cell picked from the dropdown → the facility code in its trailing parentheses (a code of a
 * known shape, SPEC §3.3); any other value is returned as it is, for the validator to judge.
 */
export function facilityCodeOfChoice(v: Cell): Cell {
  if (typeof v !== "string") return v;
  const m = /\(\s*([A-Za-z]?\d+)\s*\)\s*$/.exec(v);
  const code = m?.[1]?.toUpperCase();
  return code && isFacilityCode(code) ? code : v;
}
