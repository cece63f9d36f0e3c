import { createRoute } from "@hono/zod-openapi";
import { tokenCreateRequestSchema, tokenCreateResponseSchema, tokenListSchema, tokenRevokeResponseSchema } from "../../shared/api/tokens";
import { requireRole } from "../auth/guard";
import { isNational, scopeWithin } from "../auth/scope";
import { isRegionCode } from "../../shared/validate/scope";
import { dbFor } from "../db/region";
import { primaryOf } from "../db/session";
import { nationalDb } from "../http/databases";
import { facilityFactsByProvince } from "../rosters/places";
import { readJson } from "../http/body";
import { ApiError } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { tokenIdParamSchema } from "../openapi/schemas";
import { getFacility } from "../store/facilities";
import { createToken } from "../auth/tokens";
import { getToken, listTokens, revokeToken } from "../store/tokens";
import { regionKnown } from "../store/wilayah";
import { MESSAGES } from "../http/messages";

export const tokenRoutes = routes();

const outOfScope = (scope: string, own: string) =>
  new ApiError(403, "forbidden", MESSAGES.scopeOutsideScope(scope, own));

tokenRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "post",
    path: "/tokens",
    tags: ["Access"],
    summary: "Issue a token (admin, within its own scope); the token is shown once",
    security: bearer,
    request: { body: { required: true, content: { "application/json": { schema: tokenCreateRequestSchema } } } },
    responses: { 201: json(tokenCreateResponseSchema, "The new token (only its hash is stored)"), ...errors(400, 401, 403, 415, 422) },
  }),
);
tokenRoutes.post("/tokens", requireRole("admin"), async (c) => {
  const req = await readJson(c, tokenCreateRequestSchema);
  const admin = c.get("token");
  // Tokens live in DB whatever their scope; a facility or kecamatan is known to its province's database (SPEC §7).
  const db = primaryOf(nationalDb(c));
  const home = primaryOf(dbFor(c.env, req.scope));
  // A facility scope is judged by the stored facility (its row and its code must both lie in the admin's scope).
  const region = isRegionCode(req.scope);
  const facility = region ? null : await getFacility(home, req.scope);
  const known = facility !== null || (region && ((await regionKnown(db, req.scope)) || (await regionKnown(home, req.scope))));
  if (!known) {
    throw new ApiError(422, "validation_failed", MESSAGES.scopeUnknown(req.scope));
  }
  if (!scopeWithin(req.scope, admin.scope, facility ?? undefined)) throw outOfScope(req.scope, admin.scope);
  const created = await createToken(nationalDb(c), { role: req.role, scope: req.scope, name: req.name, createdBy: admin.id });
  return c.json(created, 201);
});

tokenRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tokens",
    tags: ["Access"],
    summary: "Tokens within the admin's scope (never their secrets)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    responses: { 200: json(tokenListSchema, "Tokens"), ...errors(401, 403) },
  }),
  async (c) => {
    const admin = c.get("token");
    const all = await listTokens(primaryOf(nationalDb(c)));
    const facilities = await facilityFactsByProvince(c.env, [...new Set(all.map((t) => t.scope).filter((s) => !isRegionCode(s) && !isNational(s)))], primaryOf);
    return c.json({ tokens: all.filter((t) => scopeWithin(t.scope, admin.scope, facilities.get(t.scope))) }, 200);
  },
);

tokenRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tokens/{id}",
    tags: ["Access"],
    summary: "Revoke a token (admin, within scope; a token outside it is 404, as an unknown id); it stops at once",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: tokenIdParamSchema },
    responses: { 200: json(tokenRevokeResponseSchema, "Revoked"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const admin = c.get("token");
    const target = await getToken(primaryOf(nationalDb(c)), id);
    const facility = !target || isRegionCode(target.scope) ? undefined : ((await getFacility(primaryOf(dbFor(c.env, target.scope)), target.scope)) ?? undefined);
    // A token outside the admin's scope answers as an unknown id: a 403 naming its scope would tell
    // any admin where every token id belongs (SPEC §7 Access; attack finding 9a).
    if (!target || !scopeWithin(target.scope, admin.scope, facility)) {
      throw new ApiError(404, "not_found", MESSAGES.tokenNotFound(id));
    }
    const now = new Date().toISOString();
    const revoked = await revokeToken(nationalDb(c), id, now);
    return c.json({ id, revoked_at: revoked ? now : (target.revoked_at ?? now) }, 200);
  },
);
