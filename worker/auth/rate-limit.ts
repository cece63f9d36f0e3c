import type { Context } from "hono";
import { configOf } from "../config";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { MESSAGES } from "../http/messages";

/**
 * Rate limiting on Cloudflare's Workers Rate Limiting binding (`ratelimits` in wrangler.jsonc, binding
 * RATE_LIMITER; wrangler dev and the tests' workerd simulate it): a counter kept by the runtime at
 * each location, so a request costs no D1 write (issue 10 item 8). The binding's `simple.limit` per
 * `period` 60 s is the number RATE_LIMIT_PER_MINUTE states for headers and messages (a test holds the
 * two equal). Keys: `token:<id>` for a valid token, `ip:<CF-Connecting-IP>` for a request without one
 * (a missing, malformed or unknown token is limited by address, so guessing costs the same).
 */
export type RateKey = `token:${string}` | `ip:${string}`;

export const tokenKey = (tokenId: string): RateKey => `token:${tokenId}`;

/** The client's address as Cloudflare's edge gives it; "unknown" where none is set (local tools). */
export const addressKey = (c: Context<AppEnv>): RateKey => `ip:${c.req.header("CF-Connecting-IP") ?? "unknown"}`;

/**
 * Counts one request under `key`; throws 429 (with Retry-After) past the limit. No-op when the limit
 * is configured as 0 or the binding is absent (a deployment without it: then nothing limits).
 */
export async function takeRequest(c: Context<AppEnv>, key: RateKey): Promise<void> {
  const limit = configOf(c.env).rateLimitPerMinute;
  const limiter = c.env.RATE_LIMITER;
  if (limit === 0 || !limiter) return;
  const { success } = await limiter.limit({ key });
  c.header("RateLimit-Limit", String(limit));
  if (success) return;
  // The binding does not tell when its window ends: a minute is the longest wait.
  const retryAfter = 60;
  throw new ApiError(
    429,
    "rate_limited",
    MESSAGES.rateLimited(limit, key.startsWith("token:"), retryAfter),
    undefined,
    { "Retry-After": String(retryAfter), "RateLimit-Limit": String(limit), "RateLimit-Remaining": "0" },
  );
}
