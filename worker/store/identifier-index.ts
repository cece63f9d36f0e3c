import { bulkInsert, jsonChunks } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql } from "../db/types";
import { findInLists } from "../db/lookup";
import { identifierLookups, type IdentifierQuery, type StoredIdentity } from "./nakes";

/**
 * SQL of the national identifier index (identifier_index, identifier_index_sync; migration 0088): the
 * only module that reads or writes them. The index lives in the national database (DB) and holds, per
 * facility of a province with a database of its own, the identifiers of its current roster.
 */

/** An indexed identity: a current-roster row of some province's database, and that province. */
export interface IndexedIdentity extends StoredIdentity {
  provinsi: string;
}

/**
 * Indexed rows holding any of these NIKs, NIPs or STR numbers (the lookups of store/nakes.ts
 * findIdentities, against the index): for the cross-province rules of SPEC §5.
 */
export function findIndexed(db: Reader, ids: IdentifierQuery): Promise<IndexedIdentity[]> {
  return findInLists<IndexedIdentity>(
    db,
    identifierLookups(ids),
    (column) => `SELECT nik, kode_fasyankes, nip, no_str, provinsi FROM identifier_index WHERE ${column} IN (SELECT value->>0 FROM json_each(?1))`,
  );
}

/**
 * Replaces the index rows of these facilities by their current identities (read from the province's
 * database): the rows of a facility not in `identities` go (its roster no longer holds them).
 * Statements for one batch: the facilities change at once.
 */
export function replaceIndexedSql(provinsi: string, kodes: readonly string[], identities: readonly StoredIdentity[], at: string): Sql[] {
  const drop = jsonChunks(kodes.map((k) => [k])).map(
    (chunk): Sql => ({ sql: "DELETE FROM identifier_index WHERE kode_fasyankes IN (SELECT value->>0 FROM json_each(?1))", params: [chunk.json] }),
  );
  const insert = bulkInsert(
    {
      into: "identifier_index (kode_fasyankes, nik, nip, no_str, provinsi, synced_at)",
      select: ["value->>0", "value->>1", "value->>2", "value->>3", "?1", "?2"],
      fixed: [provinsi, at],
      tail: "ON CONFLICT (kode_fasyankes, nik) DO UPDATE SET nip = excluded.nip, no_str = excluded.no_str, provinsi = excluded.provinsi, synced_at = excluded.synced_at",
    },
    identities.map((s) => [s.kode_fasyankes, s.nik, s.nip, s.no_str]),
  );
  return [...drop, ...insert.map(({ sql, params }) => ({ sql, params }))];
}

/** The latest upload of a province whose facilities the scheduled job copied (null: none yet). */
export interface IndexMark {
  committed_at: string;
  upload_id: string;
}

export async function indexMark(db: Reader, provinsi: string): Promise<IndexMark | null> {
  return (
    (await prepare(db, { sql: "SELECT committed_at, upload_id FROM identifier_index_sync WHERE provinsi = ?1", params: [provinsi] }).first<IndexMark>()) ?? null
  );
}

export function setIndexMarkSql(provinsi: string, mark: IndexMark): Sql {
  return {
    sql: `INSERT INTO identifier_index_sync (provinsi, committed_at, upload_id) VALUES (?1, ?2, ?3)
          ON CONFLICT (provinsi) DO UPDATE SET committed_at = excluded.committed_at, upload_id = excluded.upload_id`,
    params: [provinsi, mark.committed_at, mark.upload_id],
  };
}
