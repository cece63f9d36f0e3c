import { NATIONAL } from "../../shared/coverage/units";
import { inScope, regionInScope } from "../auth/scope";
import type { TokenInfo } from "../auth/token-info";
import { ApiError } from "../http/errors";

/**
 * The scope that covers the whole country. Region scopes are code prefixes and a prefix of every
 * code does not exist among them, so national coverage needs a scope of its own; it is the code of
 * the national row of coverage.
 */
export const NATIONAL_SCOPE = NATIONAL;

/**
 * The region a coverage question may read: the one asked for when the token's scope covers it, or,
 * when none is asked, the token's own scope (the whole country for a national token). Analysts see
 * counts only, so the scope is the only limit.
 */
export function coverageRegion(token: TokenInfo, requested: string | undefined): string | null {
  const scope = token.scope;
  if (requested === undefined) return scope === NATIONAL_SCOPE ? null : scope;
  if (scope === NATIONAL_SCOPE) return requested;
  const allowed = /^\d+$/.test(requested) ? regionInScope(requested, scope) : inScope(requested, scope) === true;
  if (!allowed) {
    throw new ApiError(403, "forbidden", {
      id: `Wilayah ${requested} berada di luar cakupan token Anda (${scope}).`,
      en: `Region ${requested} lies outside your token's scope (${scope}).`,
    });
  }
  return requested;
}
