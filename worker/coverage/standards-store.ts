import type { StandardsResponse } from "../../shared/api/coverage";
import type { StandardRule } from "../../shared/coverage/standard";
import { bulkInsert } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql, Writer } from "../db/types";
import { parseRules } from "./read";

/** SQL of standar_set and standar_puskesmas (migration 0050): the only place that writes them. */

export interface StandardRevision {
  set: string;
  /** New rows for the set (replacing all it had); absent: rows unchanged. */
  rules?: readonly StandardRule[];
  keterangan?: string;
  /** Make this the active set. */
  activate: boolean;
  at: string;
}

/** One transaction: the set's row, its rows replaced, and the switch of the active set. */
export function reviseStandardSql(r: StandardRevision): Sql[] {
  const sql: Sql[] = [];
  if (r.rules) {
    sql.push({
      sql: `INSERT INTO standar_set (nama, aktif, keterangan, diubah_pada) VALUES (?1, 0, ?2, ?3)
        ON CONFLICT (nama) DO UPDATE SET keterangan = COALESCE(excluded.keterangan, standar_set.keterangan), diubah_pada = excluded.diubah_pada`,
      params: [r.set, r.keterangan ?? null, r.at],
    });
    sql.push({ sql: "DELETE FROM standar_puskesmas WHERE set_nama = ?1", params: [r.set] });
    sql.push(
      ...bulkInsert(
        {
          into: "standar_puskesmas (set_nama, kategori, rawat_inap, jenis, minimum)",
          select: ["?1", "value->>0", "value->>1", "value->>2", "value->>3"],
          fixed: [r.set],
        },
        r.rules.map((x) => [x.kategori, x.rawat_inap ? 1 : 0, x.jenis, x.minimum]),
      ).map(({ sql: s, params }) => ({ sql: s, params })),
    );
  } else if (r.keterangan !== undefined) {
    sql.push({ sql: "UPDATE standar_set SET keterangan = ?2, diubah_pada = ?3 WHERE nama = ?1", params: [r.set, r.keterangan, r.at] });
  }
  if (r.activate) {
    // Two steps: the partial unique index allows one active set at any moment, even mid-statement.
    sql.push({ sql: "UPDATE standar_set SET aktif = 0 WHERE aktif = 1 AND nama <> ?1", params: [r.set] });
    sql.push({ sql: "UPDATE standar_set SET aktif = 1, diubah_pada = ?2 WHERE nama = ?1", params: [r.set, r.at] });
  }
  return sql;
}

export async function reviseStandard(db: Writer, r: StandardRevision): Promise<void> {
  await db.batch(reviseStandardSql(r).map((s) => prepare(db, s)));
}

export async function standardSetExists(db: Reader, set: string): Promise<boolean> {
  return (await prepare(db, { sql: "SELECT 1 AS x FROM standar_set WHERE nama = ?1", params: [set] }).first()) !== null;
}

/** Every set with its row count, and the rows of the active one. */
export async function readStandards(db: Reader): Promise<StandardsResponse> {
  const [sets, rules] = await db.batch([
    prepare(db, {
      sql: `SELECT s.nama, s.aktif, s.keterangan, s.diubah_pada, (SELECT COUNT(*) FROM standar_puskesmas r WHERE r.set_nama = s.nama) AS baris
        FROM standar_set s ORDER BY s.aktif DESC, s.nama`,
      params: [],
    }),
    prepare(db, {
      sql: `SELECT r.kategori, r.rawat_inap, r.jenis, r.minimum FROM standar_puskesmas r
        JOIN standar_set s ON s.nama = r.set_nama AND s.aktif = 1 ORDER BY r.kategori, r.rawat_inap, r.jenis`,
      params: [],
    }),
  ]);
  const setRows = (sets?.results ?? []) as { nama: string; aktif: number; keterangan: string | null; diubah_pada: string; baris: number }[];
  return {
    aktif: setRows.find((s) => s.aktif === 1)?.nama ?? "",
    sets: setRows.map((s) => ({ nama: s.nama, aktif: s.aktif === 1, keterangan: s.keterangan, baris: s.baris, diubah_pada: s.diubah_pada })),
    standar: parseRules((rules?.results ?? []) as Record<string, unknown>[]),
  };
}
