import type { PelatihanRecord } from "../../shared/schema/records";
import { bulkInsertStream, type BulkSql, type ChunkOptions } from "../db/bulk";
import type { Reader, Sql, SqlValue } from "../db/types";

/** SQL of the pelatihan table (training rows per upload). */

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
export async function pelatihanOfVersion(db: Reader, uploadId: string, kode: string): Promise<{ columns: string[]; rows: SqlValue[][] }> {
  const rows = await db
    .prepare(
      `SELECT p.${PELATIHAN_FIELDS.join(", p.")} FROM pelatihan p
       WHERE p.upload_id = ?1 AND p.nik IN (SELECT nik FROM nakes WHERE upload_id = ?1 AND kode_fasyankes = ?2)
       ORDER BY p.row_no`,
    )
    .bind(uploadId, kode)
    .raw<SqlValue[]>();
  return { columns: [...PELATIHAN_FIELDS], rows };
}

export function deleteStagedPelatihanSql(uploadId: string): Sql {
  return {
    sql: "DELETE FROM pelatihan WHERE upload_id = ?1 AND EXISTS (SELECT 1 FROM uploads WHERE id = ?1 AND committed_at IS NULL)",
    params: [uploadId],
  };
}
