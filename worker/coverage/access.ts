import { inScope, NATIONAL_SCOPE, regionInScope } from "../auth/scope";
import { isRegionCode } from "../../shared/validate/scope";
import type { FacilityFact } from "../../shared/validate/types";
import type { TokenInfo } from "../auth/token-info";
import { ApiError } from "../http/errors";
import { MESSAGES } from "../http/messages";

/**
 * The region a coverage question may read: the one asked for when the token's scope covers it, or,
 * when none is asked, the token's own scope (the whole country for a national token). Analysts see
 * counts only, so the scope is the only limit. A facility asked for is judged by its stored master row
 * when the caller passes it (a hospital's code names only its regency, its row its kecamatan), else by
 * its code.
 */
export function coverageRegion(token: TokenInfo, requested: string | undefined, facility?: FacilityFact): string | null {
  const scope = token.scope;
  if (requested === undefined) return scope === NATIONAL_SCOPE ? null : scope;
  if (scope === NATIONAL_SCOPE) return requested;
  // A region is 2, 4 or 6 digits; anything else is a facility (a hospital's code is 7 digits).
  const allowed = isRegionCode(requested) ? regionInScope(requested, scope) : inScope(requested, scope, facility) === true;
  if (!allowed) throw outsideScope(requested, scope);
  return requested;
}

/** The 403 of a region asked for outside the token's scope (coverage, action lists, placement). */
const outsideScope = (region: string, scope: string): ApiError =>
  new ApiError(403, "forbidden", MESSAGES.regionOutsideScope(region, scope));
