import type { PendudukRecord } from "../../shared/schema/records";
import { bulkInsert, jsonChunks } from "../db/bulk";
import type { Sql, SqlValue } from "../db/types";

/**
 * SQL of the population tables: penduduk_versi (a (region, year) figure per date from which it
 * holds, migration 0075) and penduduk (the latest revision of each figure).
 */

export type Population = Omit<PendudukRecord, "row">;

/**
 * Upserts (region, year) figures as of `berlakuMulai` (yyyy-mm-dd, default the date of `now`; SPEC
 * §6): each becomes that figure's revision from that date; penduduk follows the latest revision.
 * Other regions and years stay.
 */
export function upsertPopulationSql(list: readonly Population[], now: string, berlakuMulai: string = now.slice(0, 10)): Sql[] {
  const versions = bulkInsert(
    {
      into: "penduduk_versi (kode_wilayah, tahun, jumlah, diubah_pada, berlaku_mulai)",
      select: ["value->>0", "value->>1", "value->>2", "?1", "?2"],
      fixed: [now, berlakuMulai],
      tail: "ON CONFLICT (kode_wilayah, tahun, berlaku_mulai) DO UPDATE SET jumlah = excluded.jumlah, diubah_pada = excluded.diubah_pada",
    },
    list.map((p) => [p.kode_wilayah, p.tahun, p.jumlah]),
  ).map(({ sql, params }) => ({ sql, params }));
  const current = jsonChunks(list.map((p) => [p.kode_wilayah, p.tahun])).map((chunk) => ({
    sql: `INSERT INTO penduduk (kode_wilayah, tahun, jumlah, diubah_pada)
          SELECT v.kode_wilayah, v.tahun, v.jumlah, v.diubah_pada FROM penduduk_versi v JOIN json_each(?1) j
            ON v.kode_wilayah = j.value->>0 AND v.tahun = j.value->>1
          WHERE v.berlaku_mulai = (SELECT MAX(w.berlaku_mulai) FROM penduduk_versi w WHERE w.kode_wilayah = v.kode_wilayah AND w.tahun = v.tahun)
          ON CONFLICT (kode_wilayah, tahun) DO UPDATE SET jumlah = excluded.jumlah, diubah_pada = excluded.diubah_pada`,
    params: [chunk.json] as SqlValue[],
  }));
  return [...versions, ...current];
}

/**
 * The figures as revised at the date bound as `param` (SPEC §6): per (region, year), the revision
 * with the latest berlaku_mulai on or before it, else its first. Columns kode_wilayah, tahun, jumlah.
 */
export function populationAtSql(param: string): string {
  return `SELECT x.kode_wilayah, x.tahun, x.jumlah FROM penduduk_versi x WHERE x.berlaku_mulai = COALESCE(
    (SELECT MAX(w.berlaku_mulai) FROM penduduk_versi w WHERE w.kode_wilayah = x.kode_wilayah AND w.tahun = x.tahun AND w.berlaku_mulai <= ${param}),
    (SELECT MIN(w.berlaku_mulai) FROM penduduk_versi w WHERE w.kode_wilayah = x.kode_wilayah AND w.tahun = x.tahun))`;
}
