import type { PendudukRecord } from "../../shared/schema/records";
import { bulkInsert } from "../db/bulk";
import type { Sql } from "../db/types";

/** SQL of the penduduk table (population per region and year). */

export type Population = Omit<PendudukRecord, "row">;

/** Upserts (region, year) figures; other regions and years stay. */
export function upsertPopulationSql(list: readonly Population[], now: string): Sql[] {
  return bulkInsert(
    {
      into: "penduduk (kode_wilayah, tahun, jumlah, diubah_pada)",
      select: ["value->>0", "value->>1", "value->>2", "?1"],
      fixed: [now],
      tail: "ON CONFLICT (kode_wilayah, tahun) DO UPDATE SET jumlah = excluded.jumlah, diubah_pada = excluded.diubah_pada",
    },
    list.map((p) => [p.kode_wilayah, p.tahun, p.jumlah]),
  ).map(({ sql, params }) => ({ sql, params }));
}
