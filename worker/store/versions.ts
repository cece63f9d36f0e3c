import type { DiffEntry } from "../../shared/api/rosters";
import { bulkInsert, jsonChunks } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql } from "../db/types";

/**
 * SQL of roster_versi (one row per facility per committed upload) and roster_current (the pointer per
 * facility that readers follow). See the model at the top of migrations/0001_core.sql.
 */

/**
 * A facility's pointer (migration 0065): `upload_id` is its current roster (the latest as_of; `since`
 * the instant it became current); `last_upload_id` its most recently recorded upload whatever its
 * as_of (a back-dated one too; `last_at` its commit instant): what base/If-Match compare.
 */
export interface Pointer {
  kode_fasyankes: string;
  upload_id: string;
  since: string;
  last_upload_id: string;
  last_at: string;
}

const POINTER_COLUMNS = "kode_fasyankes, upload_id, since, last_upload_id, last_at";

/** Pointers of these facilities (absent: no roster stored yet). */
export function currentPointerStatements(db: Reader, kodes: readonly string[]): D1PreparedStatement[] {
  return jsonChunks(kodes.map((k) => [k])).map((chunk) =>
    prepare(db, {
      sql: `SELECT ${POINTER_COLUMNS} FROM roster_current WHERE kode_fasyankes IN (SELECT value->>0 FROM json_each(?1))`,
      params: [chunk.json],
    }),
  );
}

export async function currentPointer(db: Reader, kode: string): Promise<Pointer | null> {
  return (await prepare(db, { sql: `SELECT ${POINTER_COLUMNS} FROM roster_current WHERE kode_fasyankes = ?1`, params: [kode] }).first<Pointer>()) ?? null;
}

export interface VersionRow extends DiffEntry {
  nakes: number;
}

/**
 * The statements of a commit, in order (SPEC §6, dates are the roster's own): open the upload's
 * versions at its as_of; end the version that held at that date (its interval now stops there); end
 * the new versions where the next later-dated version begins (none: they are current); record the
 * upload as each facility's latest, and point the facilities whose new version is open (the latest
 * as_of; of two on one date, the later upload) at it. A back-dated upload so becomes history at its
 * date without replacing the current roster. ?1 upload id, ?2 the commit instant, ?3 as_of.
 */
export function commitVersionsSql(uploadId: string, at: string, asOf: string, versions: readonly VersionRow[]): Sql[] {
  const open = bulkInsert(
    {
      into: "roster_versi (kode_fasyankes, upload_id, valid_from, recorded_at, nakes, added, removed, changed, unchanged)",
      select: ["value->>0", "?1", "?3", "?2", "value->>1", "value->>2", "value->>3", "value->>4", "value->>5"],
      fixed: [uploadId, at, asOf],
    },
    versions.map((v) => [v.kode_fasyankes, v.nakes, v.added, v.removed, v.changed, v.unchanged]),
  );
  const mine = "SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1";
  return [
    ...open.map(({ sql, params }) => ({ sql, params })),
    {
      sql: `UPDATE roster_versi SET valid_to = ?2
            WHERE upload_id <> ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)
              AND kode_fasyankes IN (${mine})`,
      params: [uploadId, asOf],
    },
    {
      sql: `UPDATE roster_versi SET valid_to = (
              SELECT MIN(n.valid_from) FROM roster_versi n WHERE n.kode_fasyankes = roster_versi.kode_fasyankes AND n.valid_from > ?2)
            WHERE upload_id = ?1`,
      params: [uploadId, asOf],
    },
    {
      sql: `INSERT INTO roster_current (kode_fasyankes, upload_id, since, last_upload_id, last_at)
            SELECT kode_fasyankes, ?1, ?2, ?1, ?2 FROM roster_versi WHERE upload_id = ?1 AND true
            ON CONFLICT (kode_fasyankes) DO UPDATE SET last_upload_id = excluded.last_upload_id, last_at = excluded.last_at`,
      params: [uploadId, at],
    },
    {
      sql: `UPDATE roster_current SET upload_id = ?1, since = ?2
            WHERE kode_fasyankes IN (SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1 AND valid_to IS NULL)`,
      params: [uploadId, at],
    },
  ];
}

/**
 * The If-Match check inside the commit batch: fails the statement (and so the whole batch) unless
 * every facility's latest recorded upload is still the one read when the request was checked (a
 * back-dated upload in between counts too). `expected` pairs facility and upload id (null: none yet).
 */
export function guardPointersSql(uploadId: string, expected: readonly (readonly [string, string | null])[]): Sql[] {
  const chunks = jsonChunks(expected.map(([k, u]) => [k, u]));
  return [
    ...chunks.map((chunk) => ({
      sql: `INSERT INTO commit_guard (upload_id, ok)
            SELECT ?1, NOT EXISTS (
              SELECT 1 FROM json_each(?2) j LEFT JOIN roster_current c ON c.kode_fasyankes = j.value->>0
              WHERE c.last_upload_id IS NOT j.value->>1)
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
