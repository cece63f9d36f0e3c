import type { MiddlewareHandler } from "hono";
import type { Role } from "../../shared/reference/codes";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { findActiveToken } from "./tokens";
import { looksLikeSecret } from "./secret";
import { addressKey, takeRequest, tokenKey } from "./rate-limit";
import { roleAtLeast } from "./token-info";
import { MESSAGES } from "../http/messages";

const UNAUTHORIZED = new ApiError(
  401,
  "unauthorized",
  MESSAGES.tokenMissing,
  undefined,
  { "WWW-Authenticate": 'Bearer realm="nakes-roster"' },
);

const ROLE_LABEL: Record<Role, string> = { admin: "admin", uploader: "uploader", analyst: "analyst" };

/**
 * Bearer-token check for a route: the rate limit first (per token, or per client address for a request
 * without a valid token: auth/rate-limit.ts), then the token must exist, be unrevoked (read from the
 * primary, so a revocation stops it at once) and hold at least `role`.
 * Scope checks belong to each route, which knows what it touches (auth/scope.ts).
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Parsed here rather than by hono/bearer-auth: that middleware answers a missing or malformed header
    // itself (400/401 in its own shape, before any hook), so the rate limiter could not count those
    // requests by address first and the error would not be the API's one shape (SPEC §7).
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const secret = match?.[1];
    // Tokens live in the main database whatever the region (db/region.ts).
    const token = secret && looksLikeSecret(secret) ? await findActiveToken(c.env.DB.withSession("first-primary"), secret) : null;
    // Counted before any refusal: requests without a valid token by the client's address.
    await takeRequest(c, token ? tokenKey(token.id) : addressKey(c));
    if (!token) throw UNAUTHORIZED;
    c.set("token", token);
    if (!roleAtLeast(token.role, role)) {
      throw new ApiError(403, "forbidden", MESSAGES.roleTooLow(ROLE_LABEL[token.role], ROLE_LABEL[role]));
    }
    await next();
  };
}
