import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { isNational } from "./scope";
import { MESSAGES } from "../http/messages";

/**
 * Whether a scope may change the masters (facilities, population): national, a province (2 digits) or
 * a regency (4 digits). SPEC §3.3 and §3.4: the masters are "kept by the provincial office"; a regency's
 * office keeps its own part. A kecamatan (6 digits) or a single facility may not: the master row decides
 * the facility's standard (kategori, rawat_inap), its placement priority and whether it is counted at
 * all (aktif), so letting a facility edit its own row lets it move its own figures (attack finding 7).
 * Staffing standards are narrower still (a province's or the national admin: routes/standards.ts).
 */
export const keepsMasters = (scope: string): boolean => isNational(scope) || /^(\d{2}|\d{4})$/.test(scope);

/**
 * Route guard after requireRole("admin"): 403 unless the token's scope keeps the masters
 * (keepsMasters). The message names the token's scope and who may write instead.
 */
export function requireMasterKeeper(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const scope = c.get("token").scope;
    if (!keepsMasters(scope)) {
      throw new ApiError(403, "forbidden", MESSAGES.notMasterKeeper(scope));
    }
    await next();
  };
}
