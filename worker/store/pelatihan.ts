import type { PelatihanRecord } from "../../shared/schema/records";
import { bulkInsertStream, type BulkSql, type ChunkOptions } from "../db/bulk";
import type { Reader, Sql, SqlValue } from "../db/types";
import { currentPersonSql, unchangedPersonSql } from "./nakes";

/**
 * SQL of the pelatihan table: training rows of an upload; a person version's training is its
 * recording upload's rows of its NIK (migration 0070).
 */

export const PELATIHAN_FIELDS = ["nik", "kode_pelatihan", "tahun", "penyelenggara"] as const satisfies readonly (keyof PelatihanRecord)[];

export function insertPelatihanSql(uploadId: string, records: readonly PelatihanRecord[], opts: ChunkOptions = {}): Generator<BulkSql> {
  function* tuples(): Generator<SqlValue[]> {
    for (const r of records) yield [r.row, r.nik, r.kode_pelatihan, r.tahun, r.penyelenggara];
  }
  return bulkInsertStream(
    {
      into: `pelatihan (upload_id, row_no, ${PELATIHAN_FIELDS.join(", ")})`,
      select: ["?1", "value->>0", "value->>1", "value->>2", "value->>3", "value->>4"],
      fixed: [uploadId],
    },
    tuples(),
    opts,
  );
}

/** Training rows of an upload for the persons of one facility in it. */
export async function currentPelatihanOf(db: Reader, kode: string): Promise<{ columns: string[]; rows: SqlValue[][] }> {
  const rows = await db
    .prepare(
      `SELECT p.${PELATIHAN_FIELDS.join(", p.")} FROM nakes n JOIN pelatihan p ON p.upload_id = n.upload_id AND p.nik = n.nik
       WHERE n.kode_fasyankes = ?1 AND ${currentPersonSql("n")}
       ORDER BY n.row_no, n.upload_id, p.row_no`,
    )
    .bind(kode)
    .raw<SqlValue[]>();
  return { columns: [...PELATIHAN_FIELDS], rows };
}

/**
 * Part of an upload's final batch (store/nakes.ts personVersionsSql, between its close and open
 * steps; ?1 upload id, ?2 as_of): the training rows of persons whose every row in the upload is
 * unchanged go with those rows, since the training of a person version is read from the upload that
 * recorded it. Rows of NIKs the upload's Nakes table does not hold stay.
 */
export function unchangedTrainingSql(uploadId: string, asOf: string): Sql {
  return {
    sql: `DELETE FROM pelatihan AS p WHERE p.upload_id = ?1 AND ${unchangedPersonSql("p.nik")}`,
    params: [uploadId, asOf],
  };
}

export function deleteStagedPelatihanSql(uploadId: string): Sql {
  return {
    sql: "DELETE FROM pelatihan WHERE upload_id = ?1 AND EXISTS (SELECT 1 FROM uploads WHERE id = ?1 AND committed_at IS NULL)",
    params: [uploadId],
  };
}
