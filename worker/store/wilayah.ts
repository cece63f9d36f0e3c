import { bulkInsert } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql } from "../db/types";

/** SQL of the wilayah table (Kemendagri region codes). */

export interface Wilayah {
  kode: string;
  nama: string;
  tingkat: "provinsi" | "kabupaten" | "kecamatan";
  induk: string | null;
}

export function upsertWilayahSql(list: readonly Wilayah[]): Sql[] {
  return bulkInsert(
    {
      into: "wilayah (kode, nama, tingkat, induk)",
      select: ["value->>0", "value->>1", "value->>2", "value->>3"],
      tail: "ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama, tingkat = excluded.tingkat, induk = excluded.induk",
    },
    list.map((w) => [w.kode, w.nama, w.tingkat, w.induk]),
  ).map(({ sql, params }) => ({ sql, params }));
}

/** Whether a region code is known: listed, or the kecamatan of some facility. */
export async function regionKnown(db: Reader, kode: string): Promise<boolean> {
  const row = await prepare(db, {
    sql: `SELECT 1 AS ok WHERE EXISTS (SELECT 1 FROM wilayah WHERE kode = ?1)
            OR EXISTS (SELECT 1 FROM fasyankes WHERE kecamatan = ?1 OR kode_wilayah = ?1)`,
    params: [kode],
  }).first<{ ok: number }>();
  return row !== null;
}
