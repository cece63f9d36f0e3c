import type { Writer } from "../db/types";

/**
 * A fixed-window counter per token and minute in D1: one upsert per request, which works the same in
 * local D1 and deployed (the Workers rate-limit binding is per location and not in local D1 tests).
 * A new window sweeps the token's old ones.
 */
export async function takeRequest(db: Writer, tokenId: string, _limit: number, nowMs = Date.now()): Promise<{ count: number; retryAfter: number }> {
  const minute = Math.floor(nowMs / 60_000);
  const row = await db
    .prepare(
      `INSERT INTO rate_limits (token_id, minute, n) VALUES (?1, ?2, 1)
       ON CONFLICT (token_id, minute) DO UPDATE SET n = n + 1 RETURNING n`,
    )
    .bind(tokenId, minute)
    .first<{ n: number }>();
  const count = row?.n ?? 1;
  if (count === 1) await db.prepare("DELETE FROM rate_limits WHERE token_id = ?1 AND minute < ?2").bind(tokenId, minute).run();
  return { count, retryAfter: Math.max(1, 60 - Math.floor((nowMs % 60_000) / 1000)) };
}
