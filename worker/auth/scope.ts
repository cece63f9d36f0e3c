import { inScope, regionInScope, regionOf } from "../../shared/validate/scope";
import type { FacilityFact } from "../../shared/validate/types";

export { inScope, regionInScope, regionOf };

/**
 * Whether scope `inner` lies within scope `outer` (an admin issues tokens only inside its own scope):
 * region prefixes nest by prefix; a facility code lies within a region when the facility does.
 */
export function scopeWithin(inner: string, outer: string, innerFacility?: FacilityFact): boolean {
  if (inner === outer) return true;
  if (/^\d+$/.test(inner)) return regionInScope(inner, outer);
  return inScope(inner, outer, innerFacility) === true;
}

/**
 * SQL condition "facility row `f` is inside scope ?n" (the region of a facility is its kecamatan, else
 * its regency — as shared/validate/scope's regionOf says).
 */
export function facilityInScopeSql(f: string, param: string): string {
  return `(${f}.kode = ${param} OR substr(COALESCE(${f}.kecamatan, ${f}.kode_wilayah), 1, length(${param})) = ${param})`;
}
