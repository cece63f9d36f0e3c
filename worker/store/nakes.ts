import { NAKES_KEYS, type NakesRecord } from "../../shared/schema/records";
import { bulkInsertStream, jsonChunks, type BulkSql, type ChunkOptions } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql, SqlValue } from "../db/types";

/** SQL of the nakes table (staff rows per upload): the only module that reads or writes it. */

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

const CURRENT_JOIN = "JOIN roster_current c ON c.upload_id = n.upload_id AND c.kode_fasyankes = n.kode_fasyankes";

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
          sql: `SELECT n.nik, n.kode_fasyankes, n.nip, n.no_str FROM nakes n ${CURRENT_JOIN}
                WHERE n.${column} IN (SELECT value->>0 FROM json_each(?1))`,
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
      sql: `SELECT n.kode_fasyankes, n.nik, n.fp FROM roster_versi v
            JOIN nakes n ON n.upload_id = v.upload_id AND n.kode_fasyankes = v.kode_fasyankes
            WHERE v.kode_fasyankes IN (SELECT value->>0 FROM json_each(?1))
              AND v.valid_from <= ?2 AND (v.valid_to IS NULL OR v.valid_to > ?2)`,
      params: [chunk.json, asOf],
    }),
  );
}

/** The rows of one facility in one upload, in submitted order, as the table shape of SPEC §7. */
export async function nakesOfVersion(db: Reader, uploadId: string, kode: string): Promise<{ columns: string[]; rows: SqlValue[][] }> {
  const rows = await db
    .prepare(`SELECT ${NAKES_FIELDS.join(", ")} FROM nakes WHERE upload_id = ?1 AND kode_fasyankes = ?2 ORDER BY row_no`)
    .bind(uploadId, kode)
    .raw<SqlValue[]>();
  return { columns: [...NAKES_FIELDS], rows };
}

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
 * facility the upload does not replace: nip.duplicate, an error, arisen since the upload was checked.
 */
export async function nipTakenSince(db: Reader, uploadId: string): Promise<boolean> {
  const row = await prepare(db, {
    sql: `SELECT 1 AS taken FROM nakes s
          JOIN nakes n ON n.nip = s.nip AND n.nik <> s.nik
          ${CURRENT_JOIN}
          WHERE s.upload_id = ?1 AND s.nip IS NOT NULL
            AND n.kode_fasyankes NOT IN (SELECT kode_fasyankes FROM nakes WHERE upload_id = ?1)
          LIMIT 1`,
    params: [uploadId],
  }).first<{ taken: number }>();
  return row !== null;
}
