import { NAKES_KEYS, type NakesRecord } from "../../shared/schema/records";
import { bulkInsertStream, jsonChunks, type BulkSql, type ChunkOptions } from "../db/bulk";
import { facilityInScopeSql } from "./scope-sql";
import { prepare } from "../db/limits";
import { findInLists, type InLookup } from "../db/lookup";
import type { Reader, Sql, SqlValue } from "../db/types";

/**
 * SQL of the nakes table: the only module that reads or writes it. Since migration 0070 a row is one
 * version of a person at a facility (SPEC §6 "history is kept per change"): valid_from/valid_to are the
 * roster dates it holds between (valid_to NULL: current), upload_id/row_no the upload and row that
 * recorded it. See the model in migrations/0070_person_versions.sql.
 *
 * A staged row (its upload not committed) holds at no date: it is written with its upload's as_of as
 * valid_from and STAGED_TO ('') as valid_to, an interval that ends before it begins, so every reader
 * (personAtSql, currentPersonSql) passes it by, and its commit only sets valid_to. valid_from is part of
 * the key and of the (facility, valid_from) index, valid_to of neither: setting valid_to rewrites each
 * row in place, setting valid_from would move each row and its entry in every index (issue 15 item 5:
 * that move was a third of an upload's storage time). Rows staged with valid_from '' (by an earlier
 * Worker, or the benchmark's naive path, which takes the column defaults) are invisible too, and a
 * commit opens them as well.
 */

/** valid_to of a staged row (see above): '' sorts before every date, so the row holds at none. */
const STAGED_TO = "''";

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
 * lazily as they are sent, staged (see above). valid_from is the as_of of the upload's row in
 * `uploads`, read once per statement: that row is written first (in the same batch or an earlier one),
 * and without it the NOT NULL of valid_from fails the statement rather than store an undated row.
 */
export function insertNakesSql(uploadId: string, rows: readonly StoredNakes[], opts: ChunkOptions = {}): Generator<BulkSql> {
  // In key order (upload, facility, row): the key's b-tree and the (facility, valid_from) index then
  // grow at one end per facility instead of splitting pages all over; a sheet mixes its facilities.
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const x = rows[a]!.record;
    const y = rows[b]!.record;
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
      into: `nakes (upload_id, valid_from, valid_to, row_no, ${NAKES_FIELDS.join(", ")}, fp)`,
      select: ["?1", "(SELECT as_of FROM uploads WHERE id = ?1)", STAGED_TO, ...Array.from({ length: NAKES_FIELDS.length + 2 }, (_, i) => `value->>${i}`)],
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
 * ?2 as_of. Each person of the upload is compared (NIK and fingerprint) with the version of the same
 * facility that held at as_of:
 * 1. a version that the upload ends (person removed or changed) but that ran on past dN (the person
 *    was there unchanged in the later roster too) gets its part from dN as a second interval;
 * 2. the versions the upload ends close at as_of;
 * 3. the upload's rows of unchanged persons are dropped (the open version stands for them), the
 *    others open at as_of (staged with it) until dN: only their valid_to is written. store/pelatihan.ts
 *    unchangedTrainingSql runs between 2 and 3.
 * So an upload that changes 3 of 40 persons writes 3 versions and closes 3; the same roster again
 * writes none.
 */
export function personVersionsSql(uploadId: string, asOf: string): { close: Sql[]; open: Sql[] } {
  const p = [uploadId, asOf];
  const fields = NAKES_FIELDS.filter((f) => f !== "kode_fasyankes");
  // Set-based, and each side read where it is small: the versions that held at as_of are found through
  // the (facility, valid_from) index, and each probes the upload's rows by its NIK (the nakes_nik
  // index), so the work grows with the versions involved, never with an upload's persons × a
  // facility's versions, and the upload's rows are never copied into a temporary index.
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
      {
        sql: `DELETE FROM nakes AS s WHERE s.upload_id = ?1
                AND (s.kode_fasyankes, s.nik, s.fp) IN (SELECT o.kode_fasyankes, o.nik, o.fp FROM nakes o WHERE ${HELD_BEFORE("o")})`,
        params: p,
      },
      // Rows staged with valid_from '' (see the top of this module), found in the (facility,
      // valid_from) index; an upload this Worker staged has none.
      {
        sql: `UPDATE nakes SET valid_from = ?2, valid_to = ${STAGED_TO}
              WHERE kode_fasyankes IN (SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1) AND valid_from = '' AND +upload_id = ?1`,
        params: p,
      },
      // The facilities whose new roster version is current (the latest as_of: the usual case) at once;
      // then those of a back-dated roster, which end where the next later-dated roster begins.
      {
        sql: `UPDATE nakes SET valid_to = NULL
              WHERE upload_id = ?1 AND kode_fasyankes IN (SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1 AND valid_to IS NULL)`,
        params: [uploadId],
      },
      {
        sql: `UPDATE nakes AS s SET valid_to = (SELECT v.valid_to FROM roster_versi v WHERE v.upload_id = ?1 AND v.kode_fasyankes = s.kode_fasyankes)
              WHERE s.upload_id = ?1 AND s.kode_fasyankes IN (SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1 AND valid_to IS NOT NULL)`,
        params: [uploadId],
      },
    ],
  };
}

/**
 * The committed versions of `alias` that held at ?2 at the facilities of upload ?1 (its roster
 * versions are in). Staged rows hold at no date (valid_to '' or valid_from ''), so none is among them.
 */
const HELD_BEFORE = (alias: string): string =>
  `${alias}.kode_fasyankes IN (SELECT kode_fasyankes FROM roster_versi WHERE upload_id = ?1) AND ${alias}.upload_id <> ?1
    AND ${alias}.valid_from > '' AND ${alias}.valid_from <= ?2 AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ?2)`;

/**
 * Whether upload ?1 (staged: every row of it, until the final batch opens them) holds the person of
 * version `alias` unchanged: same facility, NIK and fingerprint. Looked up by NIK; the unary `+` keeps
 * SQLite from choosing the key's (upload, facility) prefix, which would walk a facility's every staged
 * row per lookup.
 */
const STAGED_TWIN = (alias: string): string =>
  `EXISTS (SELECT 1 FROM nakes x WHERE x.nik = ${alias}.nik AND +x.upload_id = ?1 AND +x.kode_fasyankes = ${alias}.kode_fasyankes AND x.fp = ${alias}.fp)`;

/** Whether staged row `alias` of upload ?1 repeats the version that held at ?2 (the inverse lookup of STAGED_TWIN). */
const HELD_TWIN = (alias: string): string =>
  `EXISTS (SELECT 1 FROM nakes o WHERE o.nik = ${alias}.nik AND +o.kode_fasyankes = ${alias}.kode_fasyankes AND o.fp = ${alias}.fp
    AND +o.upload_id <> ?1 AND o.valid_from > '' AND o.valid_from <= ?2 AND (o.valid_to IS NULL OR o.valid_to > ?2))`;

/**
 * Whether the NIK `nik` (an SQL expression) has rows in upload ?1 and all of them repeat the version
 * that held at ?2 (a person unchanged everywhere the upload names them): their training goes with their
 * dropped rows (store/pelatihan.ts). Per NIK, two lookups by NIK.
 */
export const unchangedPersonSql = (nik: string): string =>
  `EXISTS (SELECT 1 FROM nakes x WHERE x.nik = ${nik} AND +x.upload_id = ?1)
    AND NOT EXISTS (SELECT 1 FROM nakes x WHERE x.nik = ${nik} AND +x.upload_id = ?1 AND NOT ${HELD_TWIN("x")})`;

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

/** (NIK, facility, NIP) of the rows of one upload that carry a NIP: a staged upload's, to look its NIPs up elsewhere at commit. */
export async function nipsOfUpload(db: Reader, uploadId: string): Promise<{ nik: string; kode_fasyankes: string; nip: string }[]> {
  const { results } = await prepare(db, {
    sql: "SELECT nik, kode_fasyankes, nip FROM nakes WHERE upload_id = ?1 AND nip IS NOT NULL",
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
