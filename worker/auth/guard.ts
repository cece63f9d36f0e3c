import type { MiddlewareHandler } from "hono";
import type { Role } from "../../shared/reference/codes";
import { configOf } from "../config";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { findActiveToken } from "../store/tokens";
import { looksLikeSecret } from "./secret";
import { takeRequest } from "./rate-limit";
import { roleAtLeast } from "./token-info";

const UNAUTHORIZED = new ApiError(
  401,
  "unauthorized",
  {
    id: "Token tidak ada atau tidak berlaku. Kirim header Authorization: Bearer <token>.",
    en: "Missing or invalid token. Send the header Authorization: Bearer <token>.",
  },
  undefined,
  { "WWW-Authenticate": 'Bearer realm="nakes-roster"' },
);

const ROLE_LABEL: Record<Role, string> = { admin: "admin", uploader: "uploader", analyst: "analyst" };

/**
 * Bearer-token check for a route: the token must exist, be unrevoked (read from the primary, so a
 * revocation stops it at once) and hold at least `role`; then the per-token rate limit applies.
 * Scope checks belong to each route, which knows what it touches (auth/scope.ts).
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const secret = match?.[1];
    if (!secret || !looksLikeSecret(secret)) throw UNAUTHORIZED;
    // Tokens live in the main database whatever the region (db/region.ts).
    const token = await findActiveToken(c.env.DB.withSession("first-primary"), secret);
    if (!token) throw UNAUTHORIZED;
    c.set("token", token);
    if (!roleAtLeast(token.role, role)) {
      throw new ApiError(403, "forbidden", {
        id: `Peran token ini (${ROLE_LABEL[token.role]}) tidak cukup: perlu ${ROLE_LABEL[role]}.`,
        en: `This token's role (${ROLE_LABEL[token.role]}) is not enough: ${ROLE_LABEL[role]} needed.`,
      });
    }
    const limit = configOf(c.env).rateLimitPerMinute;
    if (limit > 0) {
      const verdict = await takeRequest(c.env.DB, token.id, limit);
      c.header("RateLimit-Limit", String(limit));
      c.header("RateLimit-Remaining", String(Math.max(0, limit - verdict.count)));
      if (verdict.count > limit) {
        throw new ApiError(
          429,
          "rate_limited",
          {
            id: `Terlalu banyak permintaan: paling banyak ${limit} per menit per token. Coba lagi dalam ${verdict.retryAfter} detik.`,
            en: `Too many requests: at most ${limit} per minute per token. Try again in ${verdict.retryAfter} seconds.`,
          },
          undefined,
          { "Retry-After": String(verdict.retryAfter) },
        );
      }
    }
    await next();
  };
}
