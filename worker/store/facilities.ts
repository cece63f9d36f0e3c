import type { FasyankesRecord } from "../../shared/schema/records";
import type { FacilityFact } from "../../shared/validate/types";
import { bulkInsert, jsonChunks } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql, SqlValue } from "../db/types";
import { facilityInScopeSql } from "../auth/scope";

/** SQL of the fasyankes table (the facility master). */

export type Facility = Omit<FasyankesRecord, "row">;

interface FacilityRow {
  kode: string;
  nama: string;
  jenis: Facility["jenis"];
  kode_wilayah: string;
  kecamatan: string | null;
  kategori: Facility["kategori"];
  rawat_inap: number;
  poned: number;
  aktif: number;
}

const toFacility = (r: FacilityRow): Facility => ({
  kode: r.kode,
  nama: r.nama,
  jenis: r.jenis,
  kode_wilayah: r.kode_wilayah,
  kecamatan: r.kecamatan,
  kategori: r.kategori,
  rawat_inap: r.rawat_inap === 1,
  poned: r.poned === 1,
  aktif: r.aktif === 1,
});

const COLUMNS = "kode, nama, jenis, kode_wilayah, kecamatan, kategori, rawat_inap, poned, aktif";

/** Upserts facilities: the rows given replace those facilities; others stay as they are. */
export function upsertFacilitiesSql(list: readonly Facility[], by: string | null, now: string): Sql[] {
  const b = (x: boolean) => (x ? 1 : 0);
  const tuples = list.map((f): SqlValue[] => [f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, b(f.rawat_inap), b(f.poned), b(f.aktif)]);
  return bulkInsert(
    {
      into: `fasyankes (${COLUMNS}, diubah_pada, diubah_oleh)`,
      select: [...Array.from({ length: 9 }, (_, i) => `value->>${i}`), "?1", "?2"],
      fixed: [now, by],
      tail: `ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama, jenis = excluded.jenis, kode_wilayah = excluded.kode_wilayah,
        kecamatan = excluded.kecamatan, kategori = excluded.kategori, rawat_inap = excluded.rawat_inap, poned = excluded.poned,
        aktif = excluded.aktif, diubah_pada = excluded.diubah_pada, diubah_oleh = excluded.diubah_oleh`,
    },
    tuples,
  ).map(({ sql, params }) => ({ sql, params }));
}

/** What the validator needs of the facilities an upload names. */
export async function facilityFacts(db: Reader, kodes: readonly string[]): Promise<Map<string, FacilityFact>> {
  const out = new Map<string, FacilityFact>();
  if (kodes.length === 0) return out;
  const statements = jsonChunks(kodes.map((k) => [k])).map((chunk) =>
    prepare(db, { sql: `SELECT ${COLUMNS} FROM fasyankes WHERE kode IN (SELECT value->>0 FROM json_each(?1))`, params: [chunk.json] }),
  );
  for (const r of (await db.batch<FacilityRow>(statements)).flatMap((x) => x.results)) {
    out.set(r.kode, { kode: r.kode, jenis: r.jenis, kode_wilayah: r.kode_wilayah, kecamatan: r.kecamatan, aktif: r.aktif === 1 });
  }
  return out;
}

export async function getFacility(db: Reader, kode: string): Promise<Facility | null> {
  const r = await prepare(db, { sql: `SELECT ${COLUMNS} FROM fasyankes WHERE kode = ?1`, params: [kode] }).first<FacilityRow>();
  return r ? toFacility(r) : null;
}

export interface FacilityQuery {
  /** Region-code prefix or a facility code. */
  region?: string;
  jenis?: Facility["jenis"];
  aktif?: boolean;
}

export async function listFacilities(db: Reader, q: FacilityQuery): Promise<Facility[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (q.region) {
    params.push(q.region);
    where.push(facilityInScopeSql("f", `?${params.length}`));
  }
  if (q.jenis) {
    params.push(q.jenis);
    where.push(`f.jenis = ?${params.length}`);
  }
  if (q.aktif !== undefined) {
    params.push(q.aktif ? 1 : 0);
    where.push(`f.aktif = ?${params.length}`);
  }
  const { results } = await prepare(db, {
    sql: `SELECT ${COLUMNS} FROM fasyankes f ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY f.kode`,
    params,
  }).all<FacilityRow>();
  return results.map(toFacility);
}
