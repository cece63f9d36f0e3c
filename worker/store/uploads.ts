import type { Counts } from "../../shared/schema/issue";
import { facilityInScopeSql } from "../auth/scope";
import { prepare } from "../db/limits";
import type { Reader, Sql } from "../db/types";
import { deleteStagedNakesSql } from "./nakes";
import { deleteStagedPelatihanSql } from "./pelatihan";
import { uploadIssuesOwner } from "./text-parts";

/** SQL of the uploads table: the history of who uploaded what, when. */

export interface UploadHeader {
  id: string;
  token_id: string;
  token_name: string;
  token_scope: string;
  created_at: string;
  as_of: string;
  content_type: string;
  content_hash: string;
  nakes_rows: number;
  pelatihan_rows: number;
  facilities: number;
  counts: Counts;
}

export interface UploadRow extends Omit<UploadHeader, "counts"> {
  committed_at: string | null;
  n_error: number;
  n_warning: number;
  n_info: number;
}

/** The upload's row, invisible (committed_at NULL) until the commit batch sets committed_at. */
export function insertUploadSql(u: UploadHeader): Sql {
  return {
    sql: `INSERT INTO uploads (id, token_id, token_name, token_scope, created_at, as_of, content_type, content_hash,
            nakes_rows, pelatihan_rows, facilities, n_error, n_warning, n_info)
          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)`,
    params: [
      u.id,
      u.token_id,
      u.token_name,
      u.token_scope,
      u.created_at,
      u.as_of,
      u.content_type,
      u.content_hash,
      u.nakes_rows,
      u.pelatihan_rows,
      u.facilities,
      u.counts.error,
      u.counts.warning,
      u.counts.info,
    ],
  };
}

export function commitUploadSql(id: string, at: string): Sql {
  return { sql: "UPDATE uploads SET committed_at = ?2 WHERE id = ?1 AND committed_at IS NULL", params: [id, at] };
}

/** Removes what an uncommitted upload staged; a committed upload is never touched. */
export function discardStagedSql(id: string): Sql[] {
  return [
    deleteStagedNakesSql(id),
    deleteStagedPelatihanSql(id),
    {
      sql: "DELETE FROM text_parts WHERE owner = ?2 AND EXISTS (SELECT 1 FROM uploads WHERE id = ?1 AND committed_at IS NULL)",
      params: [id, uploadIssuesOwner(id)],
    },
    { sql: "DELETE FROM uploads WHERE id = ?1 AND committed_at IS NULL", params: [id] },
  ];
}

/** Uploads that began staging before `before` and never committed: their Worker died mid-way. */
export async function staleStagedUploads(db: Reader, before: string): Promise<string[]> {
  const { results } = await prepare(db, {
    sql: "SELECT id FROM uploads WHERE committed_at IS NULL AND created_at < ?1 LIMIT 20",
    params: [before],
  }).all<{ id: string }>();
  return results.map((r) => r.id);
}

const COLUMNS = `u.id, u.token_id, u.token_name, u.token_scope, u.created_at, u.committed_at, u.as_of, u.content_type, u.content_hash,
  u.nakes_rows, u.pelatihan_rows, u.facilities, u.n_error, u.n_warning, u.n_info`;

/** A committed upload touching at least one facility in scope (?1). */
const IN_SCOPE = `EXISTS (SELECT 1 FROM roster_versi v JOIN fasyankes f ON f.kode = v.kode_fasyankes
  WHERE v.upload_id = u.id AND ${facilityInScopeSql("f", "?1")})`;

export async function getUpload(db: Reader, id: string, scope: string): Promise<{ row: UploadRow | null; exists: boolean }> {
  const [inScope, any] = await db.batch<UploadRow>([
    prepare(db, { sql: `SELECT ${COLUMNS} FROM uploads u WHERE u.id = ?2 AND u.committed_at IS NOT NULL AND ${IN_SCOPE}`, params: [scope, id] }),
    prepare(db, { sql: "SELECT u.id FROM uploads u WHERE u.id = ?1 AND u.committed_at IS NOT NULL", params: [id] }),
  ]);
  return { row: inScope?.results[0] ?? null, exists: (any?.results.length ?? 0) > 0 };
}

export interface UploadListQuery {
  scope: string;
  /** Only uploads that replaced this facility's roster. */
  kode_fasyankes?: string;
  limit: number;
  /** Cursor: committed_at|id of the last row of the previous page. */
  before?: { committed_at: string; id: string };
}

export async function listUploads(db: Reader, q: UploadListQuery): Promise<UploadRow[]> {
  const where = ["u.committed_at IS NOT NULL", IN_SCOPE];
  const params: (string | number)[] = [q.scope, q.limit];
  if (q.kode_fasyankes) {
    params.push(q.kode_fasyankes);
    where.push(`EXISTS (SELECT 1 FROM roster_versi v2 WHERE v2.upload_id = u.id AND v2.kode_fasyankes = ?${params.length})`);
  }
  if (q.before) {
    params.push(q.before.committed_at, q.before.id);
    where.push(`(u.committed_at < ?${params.length - 1} OR (u.committed_at = ?${params.length - 1} AND u.id > ?${params.length}))`);
  }
  const { results } = await prepare(db, {
    sql: `SELECT ${COLUMNS} FROM uploads u WHERE ${where.join(" AND ")} ORDER BY u.committed_at DESC, u.id LIMIT ?2`,
    params,
  }).all<UploadRow>();
  return results;
}
