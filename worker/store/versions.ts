import type { DiffEntry } from "../../shared/api/rosters";
import { bulkInsert, jsonChunks } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql } from "../db/types";

/**
 * SQL of roster_versi (one row per facility per committed upload) and roster_current (the pointer per
 * facility that readers follow). See the model at the top of migrations/0001_core.sql.
 */

export interface Pointer {
  kode_fasyankes: string;
  upload_id: string;
  since: string;
}

/** Current pointers of these facilities (absent: no roster stored yet). */
export function currentPointerStatements(db: Reader, kodes: readonly string[]): D1PreparedStatement[] {
  return jsonChunks(kodes.map((k) => [k])).map((chunk) =>
    prepare(db, {
      sql: "SELECT kode_fasyankes, upload_id, since FROM roster_current WHERE kode_fasyankes IN (SELECT value->>0 FROM json_each(?1))",
      params: [chunk.json],
    }),
  );
}

export async function currentPointer(db: Reader, kode: string): Promise<Pointer | null> {
  return (await prepare(db, { sql: "SELECT kode_fasyankes, upload_id, since FROM roster_current WHERE kode_fasyankes = ?1", params: [kode] }).first<Pointer>()) ?? null;
}

export interface VersionRow extends DiffEntry {
  nakes: number;
}

/**
 * The statements of a commit, in order: open the upload's versions, close the versions they replace,
 * point the facilities at the upload. ?1 upload id, ?2 the commit instant.
 */
export function commitVersionsSql(uploadId: string, at: string, versions: readonly VersionRow[]): Sql[] {
  const open = bulkInsert(
    {
      into: "roster_versi (kode_fasyankes, upload_id, valid_from, nakes, added, removed, changed, unchanged)",
      select: ["value->>0", "?1", "?2", "value->>1", "value->>2", "value->>3", "value->>4", "value->>5"],
      fixed: [uploadId, at],
    },
    versions.map((v) => [v.kode_fasyankes, v.nakes, v.added, v.removed, v.changed, v.unchanged]),
  );
  return [
    ...open.map(({ sql, params }) => ({ sql, params })),
    {
      sql: `UPDATE roster_versi SET valid_to = ?2
            WHERE valid_to IS NULL AND upload_id <> ?1
              AND kode_fasyankes IN (SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1)`,
      params: [uploadId, at],
    },
    {
      sql: `INSERT INTO roster_current (kode_fasyankes, upload_id, since)
            SELECT kode_fasyankes, ?1, ?2 FROM roster_versi WHERE upload_id = ?1 AND true
            ON CONFLICT (kode_fasyankes) DO UPDATE SET upload_id = excluded.upload_id, since = excluded.since`,
      params: [uploadId, at],
    },
  ];
}

/**
 * The If-Match check inside the commit batch: fails the statement (and so the whole batch) unless
 * every facility still points where it pointed when the request was checked. `expected` pairs
 * facility and upload id (null: no roster yet).
 */
export function guardPointersSql(uploadId: string, expected: readonly (readonly [string, string | null])[]): Sql[] {
  const chunks = jsonChunks(expected.map(([k, u]) => [k, u]));
  return [
    ...chunks.map((chunk) => ({
      sql: `INSERT INTO commit_guard (upload_id, ok)
            SELECT ?1, NOT EXISTS (
              SELECT 1 FROM json_each(?2) j LEFT JOIN roster_current c ON c.kode_fasyankes = j.value->>0
              WHERE c.upload_id IS NOT j.value->>1)
            WHERE true ON CONFLICT (upload_id) DO UPDATE SET ok = excluded.ok`,
      params: [uploadId, chunk.json],
    })),
    { sql: "DELETE FROM commit_guard WHERE upload_id = ?1", params: [uploadId] },
  ];
}

/**
 * The commit batch's check that the upload is still there and uncommitted (not committed by a racing
 * commit of the same staging, not swept after its lease): fails the batch like guardPointersSql.
 */
export function guardUncommittedSql(uploadId: string): Sql[] {
  return [
    {
      sql: `INSERT INTO commit_guard (upload_id, ok)
            SELECT ?1, EXISTS (SELECT 1 FROM uploads WHERE id = ?1 AND committed_at IS NULL)
            WHERE true ON CONFLICT (upload_id) DO UPDATE SET ok = excluded.ok`,
      params: [uploadId],
    },
    { sql: "DELETE FROM commit_guard WHERE upload_id = ?1", params: [uploadId] },
  ];
}

/** How D1 reports the guard's failure (the CHECK constraint's name). */
export const GUARD_FAILED = /commit_guard_stale/;

export async function versionsOfUpload(db: Reader, uploadId: string): Promise<VersionRow[]> {
  const { results } = await prepare(db, {
    sql: `SELECT kode_fasyankes, nakes, added, removed, changed, unchanged FROM roster_versi WHERE upload_id = ?1 ORDER BY kode_fasyankes`,
    params: [uploadId],
  }).all<VersionRow>();
  return results;
}
