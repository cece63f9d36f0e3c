import { regionOfCode } from "../reference/facilities";
import type { FacilityFact } from "./types";

/** Whether a scope or code is a region (a province 2, regency 4 or kecamatan 6 digits: SPEC §2). */
export const isRegionCode = (s: string): boolean => /^(\d{2}|\d{4}|\d{6})$/.test(s);

/**
 * The most precise region a facility lies in, from its code (a puskesmas code carries its kecamatan,
 * the others their regency: SPEC §3.3) and its master row (kecamatan, else regency), which must
 * agree: one a prefix of the other. Null when neither tells, or when they disagree (a row stored
 * before codes were checked by kind): such a facility lies in no region scope.
 */
export function regionOf(kode: string, fact?: FacilityFact): string | null {
  const fromCode = regionOfCode(kode);
  if (!fact) return fromCode;
  const fromRow = fact.kecamatan ?? fact.kode_wilayah;
  if (fromCode === null) return fromRow;
  if (fromRow.startsWith(fromCode)) return fromRow;
  if (fromCode.startsWith(fromRow)) return fromCode;
  return null;
}

/**
 * Whether a token's scope (a region code, or one facility's code: SPEC §7 Access) covers a facility:
 * true, false, or null when nothing tells where the facility lies (no master row, no code shape).
 * A region scope never matches a facility by equal text: no facility code is a region code, and a
 * row stored under such a code lies where its master row says.
 */
export function inScope(kode: string, scope: string, fact?: FacilityFact): boolean | null {
  if (!isRegionCode(scope)) return scope === kode;
  const region = regionOf(kode, fact);
  if (region === null) return fact ? false : null;
  return region.startsWith(scope);
}

/** Whether a region code (2, 4 or 6 digits) lies inside a scope; a facility scope holds no region. */
export function regionInScope(region: string, scope: string): boolean {
  return isRegionCode(scope) && region.startsWith(scope);
}
