import { prepare } from "../db/limits";
import type { Reader, Sql } from "../db/types";

/**
 * SQL of the lease columns of uploads (migration 0061; store/uploads.ts holds the rest of the table).
 * An uncommitted upload (committed_at NULL) is kept until its lease_until: an upload being stored
 * renews it with each staging batch; one staged by a dry run holds it 24 h ahead. The scheduled job
 * removes those whose lease ended (worker/sweep.ts), never a user's request.
 */

/** Sets the lease of an uncommitted upload (and, for a dry run's staging, the token that may commit it). */
export function leaseUploadSql(id: string, leaseUntil: string, stagedBy: string | null = null): Sql {
  return {
    sql: "UPDATE uploads SET lease_until = ?2, staged_by = COALESCE(?3, staged_by) WHERE id = ?1 AND committed_at IS NULL",
    params: [id, leaseUntil, stagedBy],
  };
}

/** Uncommitted uploads whose lease ended before `now` (their Worker died, or their staging expired). */
export async function expiredUploads(db: Reader, now: string, limit: number): Promise<string[]> {
  const { results } = await prepare(db, {
    sql: "SELECT id FROM uploads WHERE committed_at IS NULL AND COALESCE(lease_until, created_at) < ?1 ORDER BY lease_until LIMIT ?2",
    params: [now, limit],
  }).all<{ id: string }>();
  return results.map((r) => r.id);
}

export interface StagedUpload {
  id: string;
  staged_by: string | null;
  lease_until: string | null;
  /** The roster's own date. */
  as_of: string;
  /** Nakes rows the upload staged. */
  nakes_rows: number;
}

/** An upload staged by a dry run, still within its lease at `now`; null when unknown, committed or expired. */
export async function stagedUpload(db: Reader, id: string, now: string): Promise<StagedUpload | null> {
  return prepare(db, {
    sql: "SELECT id, staged_by, lease_until, as_of, nakes_rows FROM uploads WHERE id = ?1 AND committed_at IS NULL AND staged_by IS NOT NULL AND lease_until > ?2",
    params: [id, now],
  }).first<StagedUpload>();
}
