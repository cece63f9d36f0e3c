import { NAKES_KEYS, type NakesRecord } from "../../shared/schema/records";
import { bulkInsertStream, jsonChunks, type BulkSql, type ChunkOptions } from "../db/bulk";
import { facilityInScopeSql } from "../auth/scope";
import { prepare } from "../db/limits";
import type { Reader, Sql, SqlValue } from "../db/types";

/**
 * SQL of the nakes table: the only module that reads or writes it. Since migration 0070 a row is one
 * version of a person at a facility (SPEC §6 "history is kept per change"): valid_from/valid_to are the
 * roster dates it holds between (valid_to NULL: current; valid_from '' while its upload is staged),
 * upload_id/row_no the upload and row that recorded it. See the model in migrations/0070_person_versions.sql.
 */

/** The rows of `alias` that are in their facility's current roster (committed, not closed). */
export const currentPersonSql = (alias: string): string => `${alias}.valid_to IS NULL AND ${alias}.valid_from <> ''`;

/** The rows of `alias` that hold at the date bound as `param` (yyyy-mm-dd). */
const personAtSql = (alias: string, param: string): string =>
  `${alias}.valid_from <> '' AND ${alias}.valid_from <= ${param} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${param})`;

/** Record fields in storage order: the canonical Nakes columns. */
export const NAKES_FIELDS = NAKES_KEYS;

export interface StoredNakes {
  record: NakesRecord;
  /** Fingerprint of the person at this facility (rosters/fingerprint.ts). */
  fp: string;
}

/**
 * INSERT … SELECT … FROM json_each(?) per chunk: a whole upload's rows in a few statements, built
 * lazily as they are sent.
 */
export function insertNakesSql(uploadId: string, rows: readonly StoredNakes[], opts: ChunkOptions = {}): Generator<BulkSql> {
  function* tuples(): Generator<SqlValue[]> {
    for (const { record, fp } of rows) yield [record.row, ...NAKES_FIELDS.map((f) => record[f]), fp];
  }
  return bulkInsertStream(
    {
      into: `nakes (upload_id, row_no, ${NAKES_FIELDS.join(", ")}, fp)`,
      select: ["?1", ...Array.from({ length: NAKES_FIELDS.length + 2 }, (_, i) => `value->>${i}`)],
      fixed: [uploadId],
    },
    tuples(),
    opts,
  );
}

/** Identifier facts of current rosters, for the cross-facility rules of SPEC §5. */
export interface StoredIdentity {
  nik: string;
  kode_fasyankes: string;
  nip: string | null;
  no_str: string | null;
}


/** Current-roster rows holding any of these NIKs, NIPs or STR numbers (chunked under D1's limits). */
export async function findIdentities(db: Reader, ids: { niks: Iterable<string>; nips: Iterable<string>; strs: Iterable<string> }): Promise<StoredIdentity[]> {
  const statements: D1PreparedStatement[] = [];
  const lookups: [string, Iterable<string>][] = [
    ["nik", ids.niks],
    ["nip", ids.nips],
    ["no_str", ids.strs],
  ];
  for (const [column, values] of lookups) {
    for (const chunk of jsonChunks([...values].map((v) => [v]))) {
      statements.push(
        prepare(db, {
          sql: `SELECT n.nik, n.kode_fasyankes, n.nip, n.no_str FROM nakes n
                WHERE n.${column} IN (SELECT value->>0 FROM json_each(?1)) AND ${currentPersonSql("n")}`,
          params: [chunk.json],
        }),
      );
    }
  }
  if (statements.length === 0) return [];
  const results = await db.batch<StoredIdentity>(statements);
  return results.flatMap((r) => r.results);
}

export interface PersonFingerprint {
  kode_fasyankes: string;
  nik: string;
  fp: string;
}

/**
 * (facility, NIK, fingerprint) of the rosters of these facilities that held at `asOf` (yyyy-mm-dd):
 * what a diff compares with (SPEC §6: a back-dated upload compares with the roster of its date; at or
 * after the current roster's date that is the current roster).
 */
export function fingerprintsAtStatements(db: Reader, kodes: readonly string[], asOf: string): D1PreparedStatement[] {
  return jsonChunks(kodes.map((k) => [k]), { maxRows: 1000 }).map((chunk) =>
    prepare(db, {
      sql: `SELECT n.kode_fasyankes, n.nik, n.fp FROM nakes n
            WHERE n.kode_fasyankes IN (SELECT value->>0 FROM json_each(?1)) AND ${personAtSql("n", "?2")}`,
      params: [chunk.json, asOf],
    }),
  );
}

/**
 * The current roster of one facility as the table shape of SPEC §7: its persons' current versions, in
 * the order of the rows that recorded them (an unchanged person keeps the row of the upload that
 * first recorded it).
 */
export async function currentNakesOf(db: Reader, kode: string): Promise<{ columns: string[]; rows: SqlValue[][] }> {
  const rows = await db
    .prepare(`SELECT ${NAKES_FIELDS.join(", ")} FROM nakes n WHERE n.kode_fasyankes = ?1 AND ${currentPersonSql("n")} ORDER BY n.row_no, n.upload_id`)
    .bind(kode)
    .raw<SqlValue[]>();
  return { columns: [...NAKES_FIELDS], rows };
}

/**
 * The person-version statements of an upload's final batch (SPEC §6), after its roster versions are
 * in (store/versions.ts commitVersionsSql: each facility's new version ends at `dN`, the next
 * later-dated roster's as_of, or NULL) and after coverage has read its staged rows. ?1 upload id,
 * ?2 as_of. Each person of the upload is compared (NIK and fingerprint) with the version of the same
 * facility that held at as_of:
 * 1. a version that the upload ends (person removed or changed) but that ran on past dN (the person
 *    was there unchanged in the later roster too) gets its part from dN as a second interval;
 * 2. the versions the upload ends close at as_of;
 * 3. the upload's rows of unchanged persons are dropped (the open version stands for them), the
 *    others open at as_of until dN. store/pelatihan.ts unchangedTrainingSql runs between 2 and 3.
 * So an upload that changes 3 of 40 persons writes 3 versions and closes 3; the same roster again
 * writes none.
 */
export function personVersionsSql(uploadId: string, asOf: string): { close: Sql[]; open: Sql[] } {
  const p = [uploadId, asOf];
  const fields = NAKES_FIELDS.filter((f) => f !== "kode_fasyankes");
  // Set-based: each IN (…) below is evaluated once into a temporary index, so the work grows with the
  // rows involved, never with their product (an upload's persons × a facility's versions).
  return {
    close: [
      {
        sql: `INSERT INTO nakes (upload_id, kode_fasyankes, row_no, valid_from, valid_to, ${fields.join(", ")}, fp)
              SELECT o.upload_id, o.kode_fasyankes, o.row_no, v.valid_to, o.valid_to, ${fields.map((f) => `o.${f}`).join(", ")}, o.fp
              FROM nakes o JOIN roster_versi v ON v.upload_id = ?1 AND v.kode_fasyankes = o.kode_fasyankes
              WHERE ${HELD_BEFORE("o")} AND v.valid_to IS NOT NULL AND (o.valid_to IS NULL OR o.valid_to > v.valid_to)
                AND (o.kode_fasyankes, o.nik, o.fp) NOT IN (${STAGED_KEYS})`,
        params: p,
      },
      {
        sql: `UPDATE nakes AS o SET valid_to = ?2 WHERE ${HELD_BEFORE("o")} AND (o.kode_fasyankes, o.nik, o.fp) NOT IN (${STAGED_KEYS})`,
        params: p,
      },
    ],
    open: [
      {
        sql: `DELETE FROM nakes AS s WHERE s.upload_id = ?1 AND s.valid_from = ''
                AND (s.kode_fasyankes, s.nik, s.fp) IN (SELECT o.kode_fasyankes, o.nik, o.fp FROM nakes o WHERE ${HELD_BEFORE("o")})`,
        params: p,
      },
      {
        sql: `UPDATE nakes AS s SET valid_from = ?2,
                valid_to = (SELECT v.valid_to FROM roster_versi v WHERE v.upload_id = ?1 AND v.kode_fasyankes = s.kode_fasyankes)
              WHERE s.upload_id = ?1 AND s.valid_from = ''`,
        params: p,
      },
    ],
  };
}

/** (facility, NIK, fingerprint) of the staged rows of upload ?1. */
const STAGED_KEYS = "SELECT x.kode_fasyankes, x.nik, x.fp FROM nakes x WHERE x.upload_id = ?1 AND x.valid_from = ''";

/**
 * The committed versions of `alias` that held at ?2 at the facilities of upload ?1 (its roster
 * versions are in): the range on valid_from skips staged rows ('') in the (facility, valid_from) index.
 */
const HELD_BEFORE = (alias: string): string =>
  `${alias}.kode_fasyankes IN (SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1) AND ${alias}.upload_id <> ?1
    AND ${alias}.valid_from > '' AND ${alias}.valid_from <= ?2 AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ?2)`;

/**
 * The NIKs of upload ?1's staged rows that all repeat the version that held at ?2 (unchanged persons
 * everywhere the upload names them): their training goes with their dropped rows (store/pelatihan.ts).
 */
export const UNCHANGED_NIKS = `SELECT x.nik FROM nakes x WHERE x.upload_id = ?1 AND x.valid_from = ''
  EXCEPT SELECT x.nik FROM nakes x WHERE x.upload_id = ?1 AND x.valid_from = ''
    AND (x.kode_fasyankes, x.nik, x.fp) NOT IN (SELECT o.kode_fasyankes, o.nik, o.fp FROM nakes o WHERE ${HELD_BEFORE("o")})`;

/** Staged rows of an upload that died before its commit (see store/uploads.ts cleanup). */
export function deleteStagedNakesSql(uploadId: string): Sql {
  return {
    sql: "DELETE FROM nakes WHERE upload_id = ?1 AND EXISTS (SELECT 1 FROM uploads WHERE id = ?1 AND committed_at IS NULL)",
    params: [uploadId],
  };
}

/** (facility, NIK, fingerprint) of the rows of one upload, committed or not (a staged upload's, to diff at commit). */
export async function personsOfUpload(db: Reader, uploadId: string): Promise<PersonFingerprint[]> {
  const { results } = await prepare(db, {
    sql: "SELECT kode_fasyankes, nik, fp FROM nakes WHERE upload_id = ?1 ORDER BY kode_fasyankes, row_no",
    params: [uploadId],
  }).all<PersonFingerprint>();
  return results;
}

/**
 * Whether a NIP of this (uncommitted) upload is now held by another NIK in the current roster of a
 * facility the upload does not replace and that lies in `scope` (the uploader's): nip.duplicate, an
 * error, arisen since the upload was checked. A holder outside the scope is not compared (SPEC §7
 * Access: the answer would tell whether the NIK is the holder's; the dry run told nip.elsewhere).
 */
export async function nipTakenSince(db: Reader, uploadId: string, scope: string): Promise<boolean> {
  const row = await prepare(db, {
    sql: `SELECT 1 AS taken FROM nakes s
          JOIN nakes n ON n.nip = s.nip AND n.nik <> s.nik AND ${currentPersonSql("n")}
          JOIN fasyankes f ON f.kode = n.kode_fasyankes
          WHERE s.upload_id = ?1 AND s.nip IS NOT NULL
            AND n.kode_fasyankes NOT IN (SELECT kode_fasyankes FROM nakes WHERE upload_id = ?1)
            AND ${facilityInScopeSql("f", "?2")}
          LIMIT 1`,
    params: [uploadId, scope],
  }).first<{ taken: number }>();
  return row !== null;
}

/**
 * The identifier facts of these facilities' current rosters (issue 15: what the national identifier
 * index copies of a province's database, worker/rosters/identifier-index.ts).
 */
export async function currentIdentitiesOf(db: Reader, kodes: readonly string[]): Promise<StoredIdentity[]> {
  if (kodes.length === 0) return [];
  const statements = jsonChunks(kodes.map((k) => [k])).map((chunk) =>
    prepare(db, {
      sql: `SELECT n.nik, n.kode_fasyankes, n.nip, n.no_str FROM nakes n
            WHERE n.kode_fasyankes IN (SELECT value->>0 FROM json_each(?1)) AND ${currentPersonSql("n")}`,
      params: [chunk.json],
    }),
  );
  return (await db.batch<StoredIdentity>(statements)).flatMap((r) => r.results);
}
