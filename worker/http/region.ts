import type { Context } from "hono";
import { isRegionCode } from "../../shared/validate/scope";
import { coverageRegion } from "../coverage/access";
import type { AppEnv } from "../env";
import { getFacility } from "../store/facilities";
import { readSession } from "./databases";

/**
 * The region a request may read (coverage, the action lists, the placement plan: SPEC §7 Access): the
 * one asked for when the token's scope covers it, else the token's own scope (null: the whole
 * country). A region wider than the scope, or outside it, is the one outside-scope 403 of
 * coverage/access.ts, never an answer narrowed to the scope. A facility asked for is judged by its
 * stored master row (a hospital's code names only its regency, its row its kecamatan: attack finding 9b).
 * @param requested a region code or facility code already checked by coverageRegionSchema; undefined: none
 * @throws ApiError 403 forbidden
 */
export async function regionAsked(c: Context<AppEnv>, requested: string | undefined): Promise<string | null> {
  const facility = requested !== undefined && !isRegionCode(requested) ? ((await getFacility(readSession(c, requested), requested)) ?? undefined) : undefined;
  return coverageRegion(c.get("token"), requested, facility);
}
