import { prepare } from "../db/limits";
import type { Reader, Sql, Writer } from "../db/types";
import { getText, idempotentBodyOwner, putTextSql } from "./text-parts";

/** SQL of idempotency_keys: one claim per (token, Idempotency-Key). */

export type Claim =
  | { kind: "claimed" }
  | { kind: "running" }
  | { kind: "mismatch" }
  | { kind: "done"; status: number; uploadId: string | null };

/**
 * Claims the key for this request. Only one of any number of concurrent requests gets "claimed"
 * (the INSERT … ON CONFLICT is atomic); a claim left "running" since before `staleBefore` (its Worker
 * died) is taken over by a request with the same body.
 */
export async function claimKey(db: Writer, tokenId: string, key: string, requestHash: string, now: string, staleBefore: string): Promise<Claim> {
  const won = await prepare(db, {
    sql: `INSERT INTO idempotency_keys (token_id, key, request_hash, state, claimed_at) VALUES (?1, ?2, ?3, 'running', ?4)
          ON CONFLICT (token_id, key) DO UPDATE SET claimed_at = excluded.claimed_at
            WHERE idempotency_keys.state = 'running' AND idempotency_keys.claimed_at < ?5
              AND idempotency_keys.request_hash = excluded.request_hash
          RETURNING claimed_at`,
    params: [tokenId, key, requestHash, now, staleBefore],
  }).first<{ claimed_at: string }>();
  if (won) return { kind: "claimed" };
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

/** Marks a claim done with the upload it created (part of the upload's commit batch). */
export function finishWithUploadSql(tokenId: string, key: string, uploadId: string): Sql {
  return {
    sql: "UPDATE idempotency_keys SET state = 'done', status = 201, upload_id = ?3 WHERE token_id = ?1 AND key = ?2",
    params: [tokenId, key, uploadId],
  };
}

/** Marks a claim done with a refusal (400, 412, 422, …) and stores its body for replays. */
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
