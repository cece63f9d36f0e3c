import { prepare } from "../db/limits";
import type { Reader, Sql, Writer } from "../db/types";
import { getText, idempotentBodyOwner, idempotentBodyOwnerSql, putTextSql } from "./text-parts";

/** SQL of idempotency_keys: one claim per (token, Idempotency-Key). Instants are ISO-8601 UTC text. */

export type Claim =
  | { kind: "claimed" }
  | { kind: "running" }
  | { kind: "mismatch" }
  | { kind: "done"; status: number; uploadId: string | null };

export interface ClaimTimes {
  now: string;
  /** A running claim is alive until then (renewed by `renewLeaseSql`). */
  leaseUntil: string;
  /** The key is forgotten from then on (24 h, SPEC §7 Access). */
  expiresAt: string;
}

/**
 * Claims the key for this request. Only one of any number of concurrent requests gets "claimed"
 * (the INSERT … ON CONFLICT is atomic). Taken over as if new: a running claim whose lease ended (its
 * Worker died) by a request with the same body, and any key past its expiry (its stored answer goes
 * in the same batch).
 */
export async function claimKey(db: Writer, tokenId: string, key: string, requestHash: string, t: ClaimTimes): Promise<Claim> {
  const [, claimed] = await db.batch<{ claimed_at: string }>([
    prepare(db, {
      sql: `DELETE FROM text_parts WHERE owner = ?3
            AND EXISTS (SELECT 1 FROM idempotency_keys WHERE token_id = ?1 AND key = ?2 AND expires_at <= ?4)`,
      params: [tokenId, key, idempotentBodyOwner(tokenId, key), t.now],
    }),
    prepare(db, {
      sql: `INSERT INTO idempotency_keys (token_id, key, request_hash, state, claimed_at, lease_until, expires_at)
            VALUES (?1, ?2, ?3, 'running', ?4, ?5, ?6)
            ON CONFLICT (token_id, key) DO UPDATE SET
              request_hash = excluded.request_hash, state = 'running', claimed_at = excluded.claimed_at,
              lease_until = excluded.lease_until, expires_at = excluded.expires_at, status = NULL, upload_id = NULL
            WHERE idempotency_keys.expires_at <= ?4
               OR (idempotency_keys.state = 'running' AND idempotency_keys.lease_until < ?4
                   AND idempotency_keys.request_hash = excluded.request_hash)
            RETURNING claimed_at`,
      params: [tokenId, key, requestHash, t.now, t.leaseUntil, t.expiresAt],
    }),
  ]);
  if ((claimed?.results.length ?? 0) > 0) return { kind: "claimed" };
  const row = await prepare(db, {
    sql: "SELECT request_hash, state, status, upload_id FROM idempotency_keys WHERE token_id = ?1 AND key = ?2",
    params: [tokenId, key],
  }).first<{ request_hash: string; state: string; status: number | null; upload_id: string | null }>();
  // Vanished between the two statements (released by a failed first attempt): the caller may retry.
  if (!row) return { kind: "running" };
  if (row.request_hash !== requestHash) return { kind: "mismatch" };
  if (row.state !== "done" || row.status === null) return { kind: "running" };
  return { kind: "done", status: row.status, uploadId: row.upload_id };
}

/** The heartbeat of a running claim: its lease runs until `leaseUntil`. */
export function renewLeaseSql(tokenId: string, key: string, leaseUntil: string): Sql {
  return {
    sql: "UPDATE idempotency_keys SET lease_until = ?3 WHERE token_id = ?1 AND key = ?2 AND state = 'running'",
    params: [tokenId, key, leaseUntil],
  };
}

/** Marks a claim done with the upload it created (part of the upload's commit batch). */
export function finishWithUploadSql(tokenId: string, key: string, uploadId: string): Sql {
  return {
    sql: "UPDATE idempotency_keys SET state = 'done', status = 201, upload_id = ?3 WHERE token_id = ?1 AND key = ?2",
    params: [tokenId, key, uploadId],
  };
}

/**
 * Marks a claim done with a refusal (400, 412, 422, …) and stores what a replay answers. The caller
 * passes a record without personal data (http/idempotency.ts keeps status, counts and codes only).
 */
export async function finishWithBody(db: Writer, tokenId: string, key: string, status: number, body: string): Promise<void> {
  const statements: Sql[] = [
    ...putTextSql(idempotentBodyOwner(tokenId, key), body),
    { sql: "UPDATE idempotency_keys SET state = 'done', status = ?3 WHERE token_id = ?1 AND key = ?2", params: [tokenId, key, status] },
  ];
  await db.batch(statements.map((s) => prepare(db, s)));
}

/** Gives a claim up after an unexpected failure, so a retry runs again. */
export async function releaseKey(db: Writer, tokenId: string, key: string): Promise<void> {
  await prepare(db, { sql: "DELETE FROM idempotency_keys WHERE token_id = ?1 AND key = ?2 AND state = 'running'", params: [tokenId, key] }).run();
}

export const storedBody = (db: Reader, tokenId: string, key: string): Promise<string | null> => getText(db, idempotentBodyOwner(tokenId, key));

/** Where a national token's key was first claimed (idempotency_routes, in DB only). */
export interface KeyRoute {
  /** The province whose database holds the claim; "" for DB itself. */
  provinsi: string;
  requestHash: string;
}

/**
 * Records (token, key) → (province, request fingerprint) unless a live record exists (INSERT … ON
 * CONFLICT; an expired one is taken over), and returns the record that holds after it: this one, or
 * the first request's. Concurrent requests all read the one record that won. Migration 0095.
 */
export async function routeKey(db: Writer, tokenId: string, key: string, route: KeyRoute, t: Pick<ClaimTimes, "now" | "expiresAt">): Promise<KeyRoute> {
  // One round trip: the batch runs its statements in order, in one transaction.
  const [, read] = await db.batch<{ provinsi: string; request_hash: string }>([
    prepare(db, {
      sql: `INSERT INTO idempotency_routes (token_id, key, provinsi, request_hash, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)
          ON CONFLICT (token_id, key) DO UPDATE SET
            provinsi = excluded.provinsi, request_hash = excluded.request_hash, expires_at = excluded.expires_at
          WHERE idempotency_routes.expires_at <= ?6`,
      params: [tokenId, key, route.provinsi, route.requestHash, t.expiresAt, t.now],
    }),
    prepare(db, {
      sql: "SELECT provinsi, request_hash FROM idempotency_routes WHERE token_id = ?1 AND key = ?2",
      params: [tokenId, key],
    }),
  ]);
  const row = read?.results[0];
  return row ? { provinsi: row.provinsi, requestHash: row.request_hash } : route;
}

/**
 * The scheduled sweep's statements: keys expired at `now` and their stored answers, then expired key
 * routes (idempotency_routes). Bounded to `limit` keys and `limit` routes per run (the job repeats
 * while any are left: the second and third statements' changes).
 */
export function sweepExpiredKeysSql(now: string, limit: number): Sql[] {
  const expired = `SELECT token_id, key FROM idempotency_keys WHERE expires_at <= ?1 ORDER BY expires_at, token_id, key LIMIT ?2`;
  return [
    {
      sql: `DELETE FROM text_parts WHERE owner IN (SELECT ${idempotentBodyOwnerSql("token_id", "key")} FROM (${expired}))`,
      params: [now, limit],
    },
    {
      sql: `DELETE FROM idempotency_keys WHERE (token_id, key) IN (${expired})`,
      params: [now, limit],
    },
    {
      sql: `DELETE FROM idempotency_routes WHERE (token_id, key) IN (SELECT token_id, key FROM idempotency_routes WHERE expires_at <= ?1 ORDER BY expires_at, token_id, key LIMIT ?2)`,
      params: [now, limit],
    },
  ];
}
