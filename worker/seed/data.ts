import { demoFacilities, demoKecamatan, demoPopulation } from "../../shared/demo";
import { kabupatenList, provinsiList } from "../../shared/reference/wilayah";
import type { Sql } from "../db/types";
import { upsertFacilitiesSql } from "../store/facilities";
import { upsertPopulationSql } from "../store/population";
import { upsertWilayahSql, type Wilayah } from "../store/wilayah";

/**
 * What `npm start` (and the tests) put into an empty database, generated from shared/ so it cannot
 * drift from the code: the region codes (38 provinces; the regencies of Banten, Bengkulu and
 * Kalimantan Utara; the demo kecamatan), and the demo province (Kabupaten Mukomuko's 17 puskesmas and
 * its hospitals, a few Banten facilities, their population). Every statement is an upsert: seeding
 * twice changes nothing.
 */
export const SEED_TIME = "2026-01-01T00:00:00.000Z";

export function referenceWilayah(): Wilayah[] {
  return [
    ...provinsiList.map((p): Wilayah => ({ kode: p.kode, nama: p.nama, tingkat: "provinsi", induk: null })),
    ...kabupatenList.map((k): Wilayah => ({ kode: k.kode, nama: k.nama, tingkat: "kabupaten", induk: k.provinsi })),
    ...Object.entries(demoKecamatan).map(([kode, nama]): Wilayah => ({ kode, nama, tingkat: "kecamatan", induk: kode.slice(0, 4) })),
  ];
}

/**
 * The seed's statements. `part` splits it over a deployment of one database per province (SPEC §7):
 * `wilayah` false leaves the region codes out (they live in DB only), and `inRegion` keeps the demo
 * facilities and population whose kode_wilayah it accepts. Default: everything, for one database.
 */
export function seedSql(part: { wilayah?: boolean; inRegion?: (kodeWilayah: string) => boolean } = {}): Sql[] {
  const keep = part.inRegion ?? (() => true);
  return [
    ...(part.wilayah === false ? [] : upsertWilayahSql(referenceWilayah())),
    ...upsertFacilitiesSql(
      demoFacilities.filter((f) => keep(f.kode_wilayah)).map(({ row: _row, ...f }) => f),
      null,
      SEED_TIME,
    ),
    ...upsertPopulationSql(
      demoPopulation.filter((p) => keep(p.kode_wilayah)).map(({ row: _row, ...p }) => p),
      SEED_TIME,
    ),
  ];
}
