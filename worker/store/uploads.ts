import type { Counts, Issue } from "../../shared/schema/issue";
import type { JenisFasyankes } from "../../shared/reference/codes";
import type { FacilityFact } from "../../shared/validate/types";
import { facilityInScopeSql } from "./scope-sql";
import type { UploadScopeView } from "../rosters/scope-filter";
import { jsonChunks } from "../db/bulk";
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
    ...deleteStagedNakesSql(id),
    deleteStagedPelatihanSql(id),
    {
      sql: "DELETE FROM text_parts WHERE owner = ?2 AND EXISTS (SELECT 1 FROM uploads WHERE id = ?1 AND committed_at IS NULL)",
      params: [id, uploadIssuesOwner(id)],
    },
    { sql: "DELETE FROM uploads WHERE id = ?1 AND committed_at IS NULL", params: [id] },
  ];
}

const COLUMNS = `u.id, u.token_id, u.token_name, u.token_scope, u.created_at, u.committed_at, u.as_of, u.content_type, u.content_hash,
  u.nakes_rows, u.pelatihan_rows, u.facilities, u.n_error, u.n_warning, u.n_info`;

/** A committed upload touching at least one facility in scope (?1). */
const IN_SCOPE = `EXISTS (SELECT 1 FROM roster_versi v JOIN fasyankes f ON f.kode = v.kode_fasyankes
  WHERE v.upload_id = u.id AND ${facilityInScopeSql("f", "?1")})`;

/**
 * A committed upload that touched at least one facility in scope, or null: one with nothing in scope
 * is as unknown to the caller as one that does not exist (SPEC §7 Access: its existence is not told).
 */
export async function getUpload(db: Reader, id: string, scope: string): Promise<UploadRow | null> {
  return (
    (await prepare(db, { sql: `SELECT ${COLUMNS} FROM uploads u WHERE u.id = ?2 AND u.committed_at IS NOT NULL AND ${IN_SCOPE}`, params: [scope, id] }).first<UploadRow>()) ??
    null
  );
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
    // Only a facility in scope: filtering by another would tell which uploads also held it.
    where.push(`EXISTS (SELECT 1 FROM roster_versi v2 JOIN fasyankes f2 ON f2.kode = v2.kode_fasyankes
      WHERE v2.upload_id = u.id AND v2.kode_fasyankes = ?${params.length} AND ${facilityInScopeSql("f2", "?1")})`);
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

/** A facility an upload replaced the roster of, with its master row when there is one (for scope checks). */
export interface UploadFacility {
  kode: string;
  fact?: FacilityFact;
  /** Persons stored for it by this upload. */
  nakes: number;
}

/** The facilities of each of these committed uploads (roster_versi), with their master rows. */
export async function facilitiesOfUploads(db: Reader, ids: readonly string[]): Promise<Map<string, UploadFacility[]>> {
  const out = new Map<string, UploadFacility[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const statements = jsonChunks(ids.map((id) => [id])).map((chunk) =>
    prepare(db, {
      sql: `SELECT v.upload_id, v.kode_fasyankes, v.nakes, f.jenis, f.kode_wilayah, f.kecamatan, f.aktif
        FROM roster_versi v LEFT JOIN fasyankes f ON f.kode = v.kode_fasyankes
        WHERE v.upload_id IN (SELECT value->>0 FROM json_each(?1)) ORDER BY v.kode_fasyankes`,
      params: [chunk.json],
    }),
  );
  type Row = { upload_id: string; kode_fasyankes: string; nakes: number; jenis: JenisFasyankes | null; kode_wilayah: string | null; kecamatan: string | null; aktif: number | null };
  for (const r of (await db.batch<Row>(statements)).flatMap((x) => x.results)) {
    const fact =
      r.jenis !== null && r.kode_wilayah !== null
        ? { kode: r.kode_fasyankes, jenis: r.jenis, kode_wilayah: r.kode_wilayah, kecamatan: r.kecamatan, aktif: r.aktif === 1 }
        : undefined;
    out.get(r.upload_id)?.push({ kode: r.kode_fasyankes, fact, nakes: r.nakes });
  }
  return out;
}

/**
 * The facilities that submitted rows of an upload belong to, for the rows asked: a Nakes row its
 * kode_fasyankes (nakes.row_no is the submitted row index), a Pelatihan row the facilities whose
 * rows in the same upload hold its NIK. Rows not stored (not people, or merged) are absent.
 */
export async function facilitiesOfRows(
  db: Reader,
  uploadId: string,
  rows: { nakes: Iterable<number>; pelatihan: Iterable<number> },
): Promise<{ nakes: Map<number, string[]>; pelatihan: Map<number, string[]> }> {
  const statements: { table: "nakes" | "pelatihan"; st: D1PreparedStatement }[] = [];
  for (const chunk of jsonChunks([...new Set(rows.nakes)].map((r) => [r]))) {
    statements.push({
      table: "nakes",
      st: prepare(db, {
        sql: `SELECT n.row_no, n.kode_fasyankes FROM nakes n WHERE n.upload_id = ?1 AND n.row_no IN (SELECT value->>0 FROM json_each(?2))`,
        params: [uploadId, chunk.json],
      }),
    });
  }
  for (const chunk of jsonChunks([...new Set(rows.pelatihan)].map((r) => [r]))) {
    statements.push({
      table: "pelatihan",
      st: prepare(db, {
        sql: `SELECT DISTINCT p.row_no, n.kode_fasyankes FROM pelatihan p JOIN nakes n ON n.upload_id = p.upload_id AND n.nik = p.nik
          WHERE p.upload_id = ?1 AND p.row_no IN (SELECT value->>0 FROM json_each(?2))`,
        params: [uploadId, chunk.json],
      }),
    });
  }
  const out = { nakes: new Map<number, string[]>(), pelatihan: new Map<number, string[]>() };
  if (statements.length === 0) return out;
  const results = await db.batch<{ row_no: number; kode_fasyankes: string }>(statements.map((x) => x.st));
  results.forEach((res, i) => {
    const map = out[statements[i]!.table];
    for (const r of res.results) {
      const list = map.get(r.row_no);
      if (list) list.push(r.kode_fasyankes);
      else map.set(r.row_no, [r.kode_fasyankes]);
    }
  });
  return out;
}

/** Training rows of an upload held by persons of these facilities (what a caller seeing only them sees stored). */
export async function pelatihanRowsOf(db: Reader, uploadId: string, kodes: readonly string[]): Promise<number> {
  if (kodes.length === 0) return 0;
  let n = 0;
  for (const chunk of jsonChunks(kodes.map((k) => [k]))) {
    const row = await prepare(db, {
      sql: `SELECT COUNT(*) AS n FROM pelatihan p WHERE p.upload_id = ?1 AND EXISTS (SELECT 1 FROM nakes x
        WHERE x.upload_id = ?1 AND x.nik = p.nik AND x.kode_fasyankes IN (SELECT value->>0 FROM json_each(?2)))`,
      params: [uploadId, chunk.json],
    }).first<{ n: number }>();
    n += row?.n ?? 0;
  }
  return n;
}

/** What a caller sees of one upload: the scope view, and its facilities split by scope. */
export interface UploadVisibility {
  view: UploadScopeView;
  /** Every facility the upload replaced the roster of. */
  all: UploadFacility[];
  /** Those in the caller's scope. */
  visible: UploadFacility[];
}

/**
 * The scope view of a committed upload for a token scope (rosters/scope-filter.ts): facilities judged
 * by code and master row with `within` (the caller's auth/scope inScope for its scope); the rows the issues name (and their `related` rows)
 * mapped to facilities through the stored rows. `facilities` may be passed when already read.
 */
export async function uploadVisibility(
  db: Reader,
  uploadId: string,
  within: (kode: string, fact?: FacilityFact) => boolean,
  issues: readonly Issue[],
  facilities?: UploadFacility[],
): Promise<UploadVisibility> {
  const all = facilities ?? (await facilitiesOfUploads(db, [uploadId])).get(uploadId) ?? [];
  const visible = all.filter((f) => within(f.kode, f.fact));
  const coversAll = visible.length === all.length;
  const visibleKodes = new Set(visible.map((f) => f.kode));
  const facts = new Map(all.map((f) => [f.kode, f.fact]));
  const inScopeKode = (kode: string) => visibleKodes.has(kode) || (!facts.has(kode) && within(kode));
  if (coversAll) return { all, visible, view: { inScope: inScopeKode, facilitiesOfRow: () => [], coversAll: true } };
  const rows = { nakes: new Set<number>(), pelatihan: new Set<number>() };
  for (const i of issues) {
    if (i.table !== "nakes" && i.table !== "pelatihan") continue;
    if (i.row !== null) rows[i.table].add(i.row);
    for (const r of i.related ?? []) if (r.row !== null) rows[i.table].add(r.row);
  }
  const byRow = await facilitiesOfRows(db, uploadId, rows);
  return {
    all,
    visible,
    view: {
      inScope: inScopeKode,
      facilitiesOfRow: (table, row) => (table === "nakes" || table === "pelatihan" ? (byRow[table].get(row) ?? []) : []),
      coversAll: false,
    },
  };
}

/**
 * Committed uploads after a mark (commit instant, then id), oldest first: what the scheduled job copies
 * into the identifier index next (worker/rosters/identifier-index.ts). Null mark: from the first.
 */
export async function uploadsCommittedAfter(db: Reader, mark: { committed_at: string; upload_id: string } | null, limit: number): Promise<{ id: string; committed_at: string }[]> {
  const { results } = await prepare(db, {
    sql: `SELECT u.id, u.committed_at FROM uploads u
          WHERE u.committed_at IS NOT NULL AND (?1 IS NULL OR u.committed_at > ?1 OR (u.committed_at = ?1 AND u.id > ?2))
          ORDER BY u.committed_at, u.id LIMIT ?3`,
    params: [mark?.committed_at ?? null, mark?.upload_id ?? "", limit],
  }).all<{ id: string; committed_at: string }>();
  return results;
}

/** Whether an upload of this id is stored, committed or staged (the database that holds it). */
export async function hasUpload(db: Reader, id: string): Promise<boolean> {
  return (await prepare(db, { sql: "SELECT 1 AS x FROM uploads WHERE id = ?1", params: [id] }).first()) !== null;
}
