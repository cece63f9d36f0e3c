import { NATIONAL } from "../../shared/coverage/units";
import { inScope as facilityInRegion, isRegionCode, regionInScope as regionWithin, regionOf } from "../../shared/validate/scope";
import type { FacilityFact } from "../../shared/validate/types";

export { regionOf };
// The SQL form of the same rule lives with the SQL (store/scope-sql.ts).

/**
 * The scope of the whole country ("ID", the code of coverage's national row). Region scopes are code
 * prefixes, and no prefix covers every province, so a national token (a ministry, the local admin of
 * `npm start`) needs one of its own. Issued from the command line only: POST /v1/tokens takes the
 * scopes of shared/api/tokens.
 */
export const NATIONAL_SCOPE = NATIONAL;

export const isNational = (scope: string): boolean => scope === NATIONAL_SCOPE;

/** shared/validate/scope's inScope, with the national scope covering every facility. */
export function inScope(kode: string, scope: string, fact?: FacilityFact): boolean | null {
  return isNational(scope) ? true : facilityInRegion(kode, scope, fact);
}

/** inScope as a predicate for one scope: true only when a facility is known to lie inside it. */
export const withinScope =
  (scope: string) =>
  (kode: string, fact?: FacilityFact): boolean =>
    inScope(kode, scope, fact) === true;

/** shared/validate/scope's regionInScope, with the national scope covering every region. */
export function regionInScope(region: string, scope: string): boolean {
  return isNational(scope) || regionWithin(region, scope);
}

/** The scope the shared validators check: none for a national token (everything is inside it). */
export const validatorScope = (scope: string): string | undefined => (isNational(scope) ? undefined : scope);

/**
 * Whether scope `inner` lies within scope `outer` (an admin issues tokens only inside its own scope):
 * region prefixes nest by prefix; a facility code lies within a region when the facility does.
 */
export function scopeWithin(inner: string, outer: string, innerFacility?: FacilityFact): boolean {
  if (inner === outer || isNational(outer)) return true;
  if (isNational(inner)) return false;
  if (isRegionCode(inner)) return regionInScope(inner, outer);
  return inScope(inner, outer, innerFacility) === true;
}
