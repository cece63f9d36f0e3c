import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import type { Role } from "../../shared/reference/codes";
import type { FasyankesRecord } from "../../shared/schema/records";
import type { RosterRequest } from "../../shared/schema/roster";
import { generateRoster, mukomukoFacilities } from "../../fixtures/demo";
import { createApp } from "../../worker/app";
import type { Bindings } from "../../worker/env";
import { prepare } from "../../worker/db/limits";
import { seedSql } from "../../fixtures/seed/data";
import { upsertFacilitiesSql } from "../../worker/store/facilities";
import { createToken } from "../../worker/auth/tokens";

/**
 * Helpers of the API tests. Storage is shared by the tests of a file, so each test that stores
 * rosters works on facilities of its own (`freshFacilities`) and asserts on those.
 */

/** The region codes and the demo master (Mukomuko, a few Banten facilities), as `npm start` seeds them. */
export async function seedDemo(): Promise<void> {
  await env.DB.batch(seedSql().map((s) => prepare(env.DB, s)));
}

export async function tokenFor(role: Role, scope: string, name = `${role} ${scope}`): Promise<string> {
  return (await createToken(env.DB, { role, scope, name })).token;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  csv?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Vars to override (limits, switches): the request then goes through a fresh app with this env. */
  vars?: Partial<Record<keyof Bindings, string>>;
}

export function request(method: string, path: string, o: CallOptions = {}): Request {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers["Authorization"] = `Bearer ${o.token}`;
  let body: BodyInit | undefined = o.body;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    headers["Content-Type"] ??= "application/json";
  }
  if (o.csv !== undefined) {
    body = o.csv;
    headers["Content-Type"] ??= "text/csv";
  }
  return new Request(`http://api.test${path}`, { method, headers, body });
}

const app = createApp();

/** A request through the Worker (real workerd, real D1); with `vars`, through the app with those vars. */
export function call(method: string, path: string, o: CallOptions = {}): Promise<Response> {
  const req = request(method, path, o);
  if (o.vars) return Promise.resolve(app.fetch(req, { ...env, ...o.vars } as Bindings));
  return exports.default.fetch(req);
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

let facilityCounter = 0;

/**
 * New puskesmas in a kecamatan (default Mukomuko's 170601) that no other test touches: codes
 * P + kecamatan + 4 digits unique within the run of a file.
 */
export async function freshFacilities(n: number, kecamatan = "170601"): Promise<FasyankesRecord[]> {
  const base = 2000 + Math.floor(Math.random() * 7000);
  const list: FasyankesRecord[] = Array.from({ length: n }, (_, i) => {
    const kode = `P${kecamatan}${String(base + facilityCounter++ * 7 + i).padStart(4, "0")}`;
    return {
      row: i,
      kode,
      nama: `Puskesmas Uji ${kode.slice(-4)}`,
      jenis: "PUSKESMAS",
      kode_wilayah: kecamatan.slice(0, 4),
      kecamatan,
      kategori: "PEDESAAN",
      rawat_inap: i % 2 === 0,
      poned: false,
      aktif: true,
    };
  });
  const sql = upsertFacilitiesSql(list.map(({ row: _row, ...f }) => f), null, new Date().toISOString());
  await env.DB.batch(sql.map((s) => prepare(env.DB, s)));
  return list;
}

/** A valid roster of `rows` persons over the given facilities (default: Mukomuko's), deterministic by seed. */
export function roster(rows: number, o: { seed?: number; facilities?: readonly FasyankesRecord[]; messy?: boolean; pelatihan?: boolean } = {}): RosterRequest {
  return generateRoster({
    rows,
    seed: o.seed ?? 1706,
    asOf: "2026-11-01",
    facilities: o.facilities ?? mukomukoFacilities,
    messy: o.messy ?? false,
    pelatihan: o.pelatihan ?? true,
  });
}

export async function count(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql).bind(...params).first<{ n: number }>();
  return row?.n ?? 0;
}
