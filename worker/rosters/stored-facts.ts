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
 * - a facility outside scope is passed as null, never by code; nik.multi_facility does not count it
 *   (its count would tell how many hold the NIK elsewhere: attack finding 2), only tells it is there;
 * - a NIP or STR number held only outside scope is passed as a key without its holder: the validator
 *   then tells it "recorded outside your area" whatever NIK the row has, since comparing the NIKs would
 *   let a caller test candidate NIKs against another area's holder (attack finding 1). That the number
 *   is taken somewhere is the one fact that crosses scopes; who holds it never does;
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
  // Only in-scope holders are kept as owners; a number held in scope is told against that holder even
  // when it is also held outside (the caller may be told about its own area, and nothing then depends on
  // the outside holder).
  const own = (owners: Map<string, string>, outside: Set<string>, key: string, nik: string, inside: boolean) => {
    if (inside) {
      if (!owners.has(key)) owners.set(key, nik);
      outside.delete(key);
    } else if (!owners.has(key)) outside.add(key);
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
