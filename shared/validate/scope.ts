import type { FacilityFact } from "./types";

const PUSKESMAS_CODE = /^P\d{10}$/;
const HOSPITAL_CODE = /^\d{7}$/;

/**
 * The most precise region a facility lies in: the master's kecamatan or regency, else what its code
 * says (a puskesmas code carries its kecamatan, a hospital code its regency, SPEC §3.3); null when
 * neither tells.
 */
export function regionOf(kode: string, fact?: FacilityFact): string | null {
  if (fact) return fact.kecamatan ?? fact.kode_wilayah;
  if (PUSKESMAS_CODE.test(kode)) return kode.slice(1, 7);
  if (HOSPITAL_CODE.test(kode)) return kode.slice(0, 4);
  return null;
}

/**
 * Whether a token's scope (a region-code prefix or one facility's code, SPEC §7 Access) covers a
 * facility: true, false, or null when nothing tells where the facility lies.
 */
export function inScope(kode: string, scope: string, fact?: FacilityFact): boolean | null {
  if (scope === kode) return true;
  if (!/^\d+$/.test(scope)) return false;
  const region = regionOf(kode, fact);
  if (region === null) return null;
  return region.startsWith(scope);
}

/** Whether a region code (2, 4 or 6 digits) lies inside a scope. */
export function regionInScope(region: string, scope: string): boolean {
  return /^\d+$/.test(scope) && region.startsWith(scope);
}
