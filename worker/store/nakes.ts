import { NAKES_KEYS, type NakesRecord } from "../../shared/schema/records";
import { bulkInsertStream, jsonChunks, type BulkSql, type ChunkOptions } from "../db/bulk";
import { facilityInScopeSql } from "./scope-sql";
import { prepare } from "../db/limits";
import { findInLists, type InLookup } from "../db/lookup";
import type { Reader, Sql, SqlValue } from "../db/types";

/**
 * SQL of the nakes table and of its staging table nakes_staged: the only module that reads or writes
 * them. Since migration 0070 a row of nakes is one version of a person at a facility (SPEC §6 "history
 * is kept per change"): valid_from/valid_to are the roster dates it holds between (valid_to NULL:
 * current), upload_id/row_no the upload and row that recorded it. See the model in
 * migrations/0070_person_versions.sql.
 *
 * An upload's rows wait for their commit in nakes_staged (migration 0100), never in nakes: the final
 * batch copies into nakes only the persons whose (facility, NIK, fingerprint) differ from the version
 * that held at the upload's as_of, and empties the staging. Staging every row into nakes and deleting
 * the unchanged ~97 % at commit split every page of its seven indexes and left them half empty (issue
 * 15: a second cycle added a third of the first's bytes). Migration 0100 moved the rows of uploads
 * still uncommitted when it ran to nakes_staged; rows an older Worker stages into nakes during a
 * deploy (valid_to '') hold at no date, so the readers below pass them by, their commit is refused
 * (rosters/staged.ts) and the sweep deletes them (deleteStagedNakesSql).
 */

/** The rows of `alias` that are in their facility's current roster (committed, not closed). */
export const currentPersonSql = (alias: string): string => `${alias}.valid_to IS NULL AND ${alias}.valid_from <> ''`;

/**
 * The rows of `alias` that hold at the date bound as `param` (yyyy-mm-dd): the versions of each
 * facility's roster with the latest as_of on or before it (SPEC §6; empty intervals of a roster
 * replaced on its own date hold nowhere). Also read by the tindak-lanjut lists (store/tindak-lanjut.ts).
 */
export const personAtSql = (alias: string, param: string): string =>
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
 * lazily as they are sent, into nakes_staged (see above; the final batch's personVersionsSql moves
 * the changed ones into nakes).
 */
export function insertNakesSql(uploadId: string, rows: readonly StoredNakes[], opts: ChunkOptions = {}): Generator<BulkSql> {
  // In the staging's key order (upload, NIK, facility, row; migration 0100): its b-tree grows at one
  // end instead of splitting pages all over.
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const x = rows[a]!.record;
    const y = rows[b]!.record;
    if (x.nik !== y.nik) return x.nik < y.nik ? -1 : 1;
    return x.kode_fasyankes < y.kode_fasyankes ? -1 : x.kode_fasyankes > y.kode_fasyankes ? 1 : x.row - y.row;
  });
  function* tuples(): Generator<SqlValue[]> {
    const width = NAKES_FIELDS.length;
    for (const i of order) {
      const { record, fp } = rows[i]!;
      // A plain loop, not map and spread: this runs per row of the upload.
      const t: SqlValue[] = new Array<SqlValue>(width + 2);
      t[0] = record.row;
      for (let f = 0; f < width; f++) t[f + 1] = record[NAKES_FIELDS[f]!];
      t[width + 1] = fp;
      yield t;
    }
  }
  return bulkInsertStream(
    {
      into: `nakes_staged (upload_id, row_no, ${NAKES_FIELDS.join(", ")}, fp)`,
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

/** The identifiers the cross-facility rules look up (SPEC §5): NIKs, NIPs and STR numbers. */
export interface IdentifierQuery {
  niks: Iterable<string>;
  nips: Iterable<string>;
  strs: Iterable<string>;
}

/** An IdentifierQuery as the IN-lists of db/lookup's findInLists, by the column each one matches. */
export const identifierLookups = (ids: IdentifierQuery): InLookup[] => [
  ["nik", ids.niks],
  ["nip", ids.nips],
  ["no_str", ids.strs],
];

/** Current-roster rows holding any of these NIKs, NIPs or STR numbers (chunked under D1's limits). */
export function findIdentities(db: Reader, ids: IdentifierQuery): Promise<StoredIdentity[]> {
  return findInLists<StoredIdentity>(
    db,
    identifierLookups(ids),
    (column) => `SELECT n.nik, n.kode_fasyankes, n.nip, n.no_str FROM nakes n
                 WHERE n.${column} IN (SELECT value->>0 FROM json_each(?1)) AND ${currentPersonSql("n")}`,
  );
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
 * ?2 as_of. Each person of the upload (its rows in nakes_staged) is compared (NIK and fingerprint)
 * with the version of the same facility that held at as_of:
 * 1. a version that the upload ends (person removed or changed) but that ran on past dN (the person
 *    was there unchanged in the later roster too) gets its part from dN as a second interval;
 * 2. the versions the upload ends close at as_of;
 * 3. the upload's persons that no held version repeats are copied into nakes, holding from as_of
 *    until dN; the others never enter it (the held version stands for them), then the staging is
 *    emptied. store/pelatihan.ts unchangedTrainingSql runs between 2 and 3.
 * So an upload that changes 3 of 40 persons writes 3 versions and closes 3; the same roster again
 * writes none, and nakes' indexes see only the changed persons (migration 0100).
 */
export function personVersionsSql(uploadId: string, asOf: string): { close: Sql[]; open: Sql[] } {
  const p = [uploadId, asOf];
  const fields = NAKES_FIELDS.filter((f) => f !== "kode_fasyankes");
  // Set-based, and each side read where it is small: the versions that held at as_of are found through
  // the (facility, valid_from) index and probe the staged rows by their key (upload, NIK); each staged row
  // probes the held versions by NIK (the nakes_nik index). The work grows with the versions involved,
  // never with an upload's persons × a facility's versions.
  return {
    close: [
      {
        sql: `INSERT INTO nakes (upload_id, kode_fasyankes, row_no, valid_from, valid_to, ${fields.join(", ")}, fp)
              SELECT o.upload_id, o.kode_fasyankes, o.row_no, v.valid_to, o.valid_to, ${fields.map((f) => `o.${f}`).join(", ")}, o.fp
              FROM nakes o JOIN roster_versi v ON v.upload_id = ?1 AND v.kode_fasyankes = o.kode_fasyankes
              WHERE ${HELD_BEFORE("o")} AND v.valid_to IS NOT NULL AND (o.valid_to IS NULL OR o.valid_to > v.valid_to)
                AND NOT ${STAGED_TWIN("o")}`,
        params: p,
      },
      {
        sql: `UPDATE nakes AS o SET valid_to = ?2 WHERE ${HELD_BEFORE("o")} AND NOT ${STAGED_TWIN("o")}`,
        params: p,
      },
    ],
    open: [
      // In nakes' key order (facility, row), not the staging's: nakes' key and its (facility,
      // valid_from) index then grow at one end per facility.
      {
        sql: `INSERT INTO nakes (upload_id, kode_fasyankes, row_no, valid_from, valid_to, ${fields.join(", ")}, fp)
              SELECT ?1, s.kode_fasyankes, s.row_no, ?2, v.valid_to, ${fields.map((f) => `s.${f}`).join(", ")}, s.fp
              FROM nakes_staged s JOIN roster_versi v ON v.upload_id = ?1 AND v.kode_fasyankes = s.kode_fasyankes
              WHERE s.upload_id = ?1 AND NOT ${HELD_TWIN("s")}
              ORDER BY s.kode_fasyankes, s.row_no`,
        params: p,
      },
      { sql: "DELETE FROM nakes_staged WHERE upload_id = ?1", params: [uploadId] },
    ],
  };
}

/**
 * The committed versions of `alias` that held at ?2 at the facilities of upload ?1 (its roster
 * versions are in). Intervals left empty by an earlier Worker's staging (valid_from '') hold at none.
 */
const HELD_BEFORE = (alias: string): string =>
  `${alias}.kode_fasyankes IN (SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1) AND ${alias}.upload_id <> ?1
    AND ${alias}.valid_from > '' AND ${alias}.valid_from <= ?2 AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ?2)`;

/**
 * Whether upload ?1's staged rows hold the person of version `alias` unchanged: same facility, NIK
 * and fingerprint. Looked up by nakes_staged's key (upload, NIK, facility).
 */
const STAGED_TWIN = (alias: string): string =>
  `EXISTS (SELECT 1 FROM nakes_staged x WHERE x.upload_id = ?1 AND x.nik = ${alias}.nik AND x.kode_fasyankes = ${alias}.kode_fasyankes AND x.fp = ${alias}.fp)`;

/** Whether staged row `alias` of upload ?1 repeats the version that held at ?2 (the inverse lookup of STAGED_TWIN). */
const HELD_TWIN = (alias: string): string =>
  `EXISTS (SELECT 1 FROM nakes o WHERE o.nik = ${alias}.nik AND +o.kode_fasyankes = ${alias}.kode_fasyankes AND o.fp = ${alias}.fp
    AND +o.upload_id <> ?1 AND o.valid_from > '' AND o.valid_from <= ?2 AND (o.valid_to IS NULL OR o.valid_to > ?2))`;

/**
 * Whether the NIK `nik` (an SQL expression) has staged rows in upload ?1 and all of them repeat the
 * version that held at ?2 (a person unchanged everywhere the upload names them): their training goes
 * with them (store/pelatihan.ts), as their rows never enter nakes. Per NIK, seeks of nakes_staged's key (upload, NIK).
 */
export const unchangedPersonSql = (nik: string): string =>
  `EXISTS (SELECT 1 FROM nakes_staged x WHERE x.upload_id = ?1 AND x.nik = ${nik})
    AND NOT EXISTS (SELECT 1 FROM nakes_staged x WHERE x.upload_id = ?1 AND x.nik = ${nik} AND NOT ${HELD_TWIN("x")})`;

/**
 * Staged rows of an upload that died before its commit (see store/uploads.ts cleanup), and the rows a
 * Worker before migration 0100 staged into nakes itself (undated, valid_to '') for an upload that is
 * still uncommitted: a staging made during a deploy, refused at its commit (rosters/staged.ts).
 */
export function deleteStagedNakesSql(uploadId: string): Sql[] {
  return [
    // A committed upload's staging is already empty (its final batch emptied it): nothing to guard.
    { sql: "DELETE FROM nakes_staged WHERE upload_id = ?1", params: [uploadId] },
    { sql: "DELETE FROM nakes WHERE upload_id = ?1 AND EXISTS (SELECT 1 FROM uploads WHERE id = ?1 AND committed_at IS NULL)", params: [uploadId] },
  ];
}

/** (facility, NIK, fingerprint) of the staged rows of one upload (to diff at its commit). */
export async function personsOfUpload(db: Reader, uploadId: string): Promise<PersonFingerprint[]> {
  const { results } = await prepare(db, {
    sql: "SELECT kode_fasyankes, nik, fp FROM nakes_staged WHERE upload_id = ?1 ORDER BY kode_fasyankes, row_no",
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
    sql: `SELECT 1 AS taken FROM nakes_staged s
          JOIN nakes n ON n.nip = s.nip AND n.nik <> s.nik AND ${currentPersonSql("n")}
          JOIN fasyankes f ON f.kode = n.kode_fasyankes
          WHERE s.upload_id = ?1 AND s.nip IS NOT NULL
            AND n.kode_fasyankes NOT IN (SELECT kode_fasyankes FROM nakes_staged WHERE upload_id = ?1)
            AND ${facilityInScopeSql("f", "?2")}
          LIMIT 1`,
    params: [uploadId, scope],
  }).first<{ taken: number }>();
  return row !== null;
}

/** (NIK, facility, NIP) of the staged rows of one upload that carry a NIP, to look its NIPs up elsewhere at commit. */
export async function nipsOfUpload(db: Reader, uploadId: string): Promise<{ nik: string; kode_fasyankes: string; nip: string }[]> {
  const { results } = await prepare(db, {
    sql: "SELECT nik, kode_fasyankes, nip FROM nakes_staged WHERE upload_id = ?1 AND nip IS NOT NULL",
    params: [uploadId],
  }).all<{ nik: string; kode_fasyankes: string; nip: string }>();
  return results;
}

/**
 * The identifier facts of these facilities' current rosters (issue 15: what the national identifier
 * index copies of a province's database, worker/rosters/identifier-index.ts).
 */
export async function currentIdentitiesOf(db: Reader, kodes: readonly string[]): Promise<StoredIdentity[]> {
  return findInLists<StoredIdentity>(
    db,
    [["n.kode_fasyankes", kodes]],
    (column) => `SELECT n.nik, n.kode_fasyankes, n.nip, n.no_str FROM nakes n
            WHERE ${column} IN (SELECT value->>0 FROM json_each(?1)) AND ${currentPersonSql("n")}`,
  );
}
