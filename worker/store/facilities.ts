import type { FasyankesRecord } from "../../shared/schema/records";
import type { FacilityFact } from "../../shared/validate/types";
import { bulkInsert, jsonChunks } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql, SqlValue } from "../db/types";
import { facilityInScopeSql } from "./scope-sql";

/**
 * SQL of the facility master: fasyankes_versi (a facility's attributes per date from which they hold,
 * migration 0075) and fasyankes (its latest version, what rosters are checked against).
 */

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

const UPDATE_ALL = `nama = excluded.nama, jenis = excluded.jenis, kode_wilayah = excluded.kode_wilayah,
        kecamatan = excluded.kecamatan, kategori = excluded.kategori, rawat_inap = excluded.rawat_inap, poned = excluded.poned,
        aktif = excluded.aktif, diubah_pada = excluded.diubah_pada, diubah_oleh = excluded.diubah_oleh`;

/**
 * Upserts facilities as of `berlakuMulai` (yyyy-mm-dd, default the date of `now`; SPEC §6): each row
 * given becomes its facility's version from that date (replacing one of the same date); the current
 * row (fasyankes) follows the facility's latest version, so a back-dated change is history only.
 * Facilities not given stay as they are.
 */
export function upsertFacilitiesSql(list: readonly Facility[], by: string | null, now: string, berlakuMulai: string = now.slice(0, 10)): Sql[] {
  const b = (x: boolean) => (x ? 1 : 0);
  const tuples = list.map((f): SqlValue[] => [f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, b(f.rawat_inap), b(f.poned), b(f.aktif)]);
  const versions = bulkInsert(
    {
      into: `fasyankes_versi (${COLUMNS}, diubah_pada, diubah_oleh, berlaku_mulai)`,
      select: [...Array.from({ length: 9 }, (_, i) => `value->>${i}`), "?1", "?2", "?3"],
      fixed: [now, by, berlakuMulai],
      tail: `ON CONFLICT (kode, berlaku_mulai) DO UPDATE SET ${UPDATE_ALL}`,
    },
    tuples,
  );
  const current = jsonChunks(list.map((f) => [f.kode])).map((chunk) => ({
    sql: `INSERT INTO fasyankes (${COLUMNS}, diubah_pada, diubah_oleh)
          SELECT ${COLUMNS}, diubah_pada, diubah_oleh FROM fasyankes_versi v
          WHERE v.kode IN (SELECT value->>0 FROM json_each(?1))
            AND v.berlaku_mulai = (SELECT MAX(w.berlaku_mulai) FROM fasyankes_versi w WHERE w.kode = v.kode)
          ON CONFLICT (kode) DO UPDATE SET ${UPDATE_ALL}`,
    params: [chunk.json] as SqlValue[],
  }));
  return [...versions.map(({ sql, params }) => ({ sql, params })), ...current];
}

/**
 * The facilities as they were at the date bound as `param` (SPEC §6): per code, the version with the
 * latest berlaku_mulai on or before it, else its first version. Columns as fasyankes (coverage reads
 * it through store/coverage-region.ts).
 */
export function facilitiesAtSql(param: string): string {
  return `SELECT x.kode, x.nama, x.jenis, x.kode_wilayah, x.kecamatan, x.kategori, x.rawat_inap, x.poned, x.aktif FROM fasyankes_versi x
    WHERE x.berlaku_mulai = COALESCE(
      (SELECT MAX(w.berlaku_mulai) FROM fasyankes_versi w WHERE w.kode = x.kode AND w.berlaku_mulai <= ${param}),
      (SELECT MIN(w.berlaku_mulai) FROM fasyankes_versi w WHERE w.kode = x.kode))`;
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
