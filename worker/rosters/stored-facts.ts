import type { ValidationContext } from "../../shared/validate/types";
import type { StoredIdentity } from "../store/nakes";
import { strKeys } from "./identifiers";

/** The stored facts of the cross-facility rules (SPEC §5), as the validator's context takes them. */
export type StoredFacts = Required<Pick<ValidationContext, "storedNiks" | "storedFacilitiesByNik" | "storedNipOwner" | "storedStrOwner" | "storedOutsideScope">>;

/**
 * Turns the current-roster rows that hold an upload's identifiers into the validator's stored facts,
 * seen from the caller's scope (SPEC §7 Access: a dry run answers nothing about people or facilities
 * outside it):
 * - rows of facilities the upload replaces (`replaced`: its known, in-scope facilities) are left out;
 * - a facility outside scope counts for nik.multi_facility but is passed as null, never by code;
 * - a NIP or STR number held only outside scope is marked so, and its duplicate is told as "outside
 *   your area" (that an identifier is taken somewhere is the one fact that crosses scopes);
 * - storedNiks (for pelatihan.nik_unknown) holds NIKs stored in scope only.
 * `inScope(kode)` says whether a stored facility lies inside the caller's scope.
 */
export function storedFacts(identities: readonly StoredIdentity[], replaced: ReadonlySet<string>, inScope: (kode: string) => boolean): StoredFacts {
  const storedNiks = new Set<string>();
  const storedFacilitiesByNik = new Map<string, (string | null)[]>();
  const storedNipOwner = new Map<string, string>();
  const storedStrOwner = new Map<string, string>();
  const outsideNips = new Set<string>();
  const outsideStrs = new Set<string>();
  const seen = new Set<string>();
  // An owner seen in scope wins over one outside it: the caller may be told about its own area.
  const own = (owners: Map<string, string>, outside: Set<string>, key: string, nik: string, inside: boolean) => {
    if (owners.has(key) && !outside.has(key)) return;
    owners.set(key, nik);
    if (inside) outside.delete(key);
    else outside.add(key);
  };
  for (const s of identities) {
    if (replaced.has(s.kode_fasyankes)) continue;
    const key = `${s.nik}|${s.kode_fasyankes}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const inside = inScope(s.kode_fasyankes);
    if (inside) storedNiks.add(s.nik);
    const list = storedFacilitiesByNik.get(s.nik);
    const named = inside ? s.kode_fasyankes : null;
    if (list) list.push(named);
    else storedFacilitiesByNik.set(s.nik, [named]);
    if (s.nip !== null) own(storedNipOwner, outsideNips, s.nip, s.nik, inside);
    if (s.no_str !== null) for (const k of strKeys(s.no_str)) own(storedStrOwner, outsideStrs, k, s.nik, inside);
  }
  return { storedNiks, storedFacilitiesByNik, storedNipOwner, storedStrOwner, storedOutsideScope: { nips: outsideNips, strs: outsideStrs } };
}
