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

/** How many region codes one lookup binds as one JSON parameter (9 bytes each: far under D1's 100 KB per statement). */
const LOOKUP_CHUNK = 5_000;

/**
 * The region codes among `codes` that are known: listed in wilayah, or the kecamatan or regency of some
 * facility of the master (the seed lists only the demo kecamatan; a facility's kecamatan lies in its
 * regency, which the facility master checks, so the index on (kode_wilayah, kecamatan) serves). The one
 * rule of "a known region" for token scopes and the population table.
 */
export async function knownRegions(db: Reader, codes: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(codes)];
  const known = new Set<string>();
  for (let i = 0; i < list.length; i += LOOKUP_CHUNK) {
    const { results } = await prepare(db, {
      sql: `SELECT value AS kode FROM json_each(?1) j
            WHERE EXISTS (SELECT 1 FROM wilayah WHERE kode = j.value)
               OR EXISTS (SELECT 1 FROM fasyankes WHERE kode_wilayah = substr(j.value, 1, 4) AND (kecamatan = j.value OR kode_wilayah = j.value))`,
      params: [JSON.stringify(list.slice(i, i + LOOKUP_CHUNK))],
    }).all<{ kode: string }>();
    for (const r of results) known.add(r.kode);
  }
  return known;
}

/** Whether a region code is known (knownRegions). */
export async function regionKnown(db: Reader, kode: string): Promise<boolean> {
  return (await knownRegions(db, [kode])).has(kode);
}
