import { applyD1Migrations, env } from "cloudflare:test";
import { demoFacilities } from "../../fixtures/demo";
import { referenceWilayah } from "../../fixtures/seed/data";
import type { FasyankesRecord } from "../../shared/schema/records";
import { prepare } from "../../worker/db/limits";
import type { Bindings } from "../../worker/env";
import { upsertWilayahSql } from "../../worker/store/wilayah";
import { call, type CallOptions } from "./support";

/**
 * What the tests of one database per province share (SPEC §7, issue 15): the two test databases bound
 * as DB_17 and DB_36 (or one database bound as both), requests through the app with them, and the demo
 * facilities of each province as a PUT /v1/facilities body.
 */
export interface ProvinceBindings {
  /** The vars a request carries to see the province databases. */
  bound: CallOptions["vars"];
  /** The Worker's environment with them, for the scheduled job and direct calls. */
  boundEnv: Bindings;
  /** A request through the app with the province databases bound (and `extra` vars, e.g. NOW). */
  via(method: string, path: string, o?: CallOptions, extra?: CallOptions["vars"]): Promise<Response>;
}

export function bindProvinces(db17: D1Database, db36: D1Database): ProvinceBindings {
  const bound = { DB_17: db17, DB_36: db36 } as unknown as CallOptions["vars"];
  return {
    bound,
    boundEnv: { ...env, DB_17: db17, DB_36: db36 } as unknown as Bindings,
    via: (method, path, o = {}, extra = {}) => call(method, path, { ...o, vars: { ...bound, ...extra } as CallOptions["vars"] }),
  };
}

/** Migrates each province database (every database gets every migration) and seeds the region codes in DB. */
export async function prepareProvinceDatabases(...dbs: D1Database[]): Promise<void> {
  for (const db of new Set(dbs)) await applyD1Migrations(db, env.TEST_MIGRATIONS);
  await env.DB.batch(upsertWilayahSql(referenceWilayah()).map((s) => prepare(env.DB, s)));
}

/** How many rows `sql` counts in each of `databases`. */
export async function countIn<K extends string>(databases: Record<K, D1Database>, sql: string, ...params: unknown[]): Promise<Record<K, number>> {
  const out = {} as Record<K, number>;
  for (const [k, db] of Object.entries(databases) as [K, D1Database][]) out[k] = (await db.prepare(sql).bind(...params).first<{ n: number }>())?.n ?? 0;
  return out;
}

const yn = (b: boolean) => (b ? "Y" : "N");

/** A PUT /v1/facilities body of these facility rows. */
export const facilityTable = (list: readonly Omit<FasyankesRecord, "row">[]) => ({
  fasyankes: {
    columns: ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"],
    rows: list.map((f) => [f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, yn(f.rawat_inap), yn(f.poned), yn(f.aktif)]),
  },
});

/** The demo facilities of Bengkulu (17) and Banten (36), and Bengkulu's puskesmas. */
export const bengkulu = demoFacilities.filter((f) => f.kode_wilayah.startsWith("17"));
export const banten = demoFacilities.filter((f) => f.kode_wilayah.startsWith("36"));
export const puskesmas17 = bengkulu.filter((f) => f.jenis === "PUSKESMAS");
