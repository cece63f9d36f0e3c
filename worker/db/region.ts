import { regionOfCode } from "../../shared/reference/facilities";
import { provinsiList } from "../../shared/reference/wilayah";
import { isRegionCode } from "../../shared/validate/scope";
import type { Bindings } from "../env";

/**
 * The province (2 digits) of a region code (its first two digits), a facility code (its region's, from
 * its shape, SPEC §3.3: P, 7-digit hospital, K/L clinics and labs) or a token scope of either kind;
 * null for anything else, the national scope "ID" included (a caller that may hold it says what it
 * means there: the national database, the national standard set).
 *
 * The database that holds a region's data (SPEC §7) is picked by it: the national database (binding
 * DB) holds tokens, region codes, the national identifier index, and every province that has no
 * database of its own; past D1's 10 GB a province gets its own, bound as DB_<2 digits> (DB_17, …).
 */
export function provinceOf(code: string | null | undefined): string | null {
  if (!code) return null;
  const region = isRegionCode(code) ? code : regionOfCode(code);
  return region === null ? null : region.slice(0, 2);
}

export function dbFor(env: Bindings, region?: string | null): D1Database {
  const province = provinceOf(region);
  const own = province ? env[`DB_${province}`] : undefined;
  return isD1(own) ? own : env.DB;
}

/** Whether a province's data lives in a database of its own (a bound DB_xx other than DB). */
export function hasOwnDatabase(env: Bindings, province: string | null): boolean {
  return province !== null && dbFor(env, province) !== env.DB;
}

/** The provinces with a database of their own, in code order. */
export function provincesWithOwnDatabase(env: Bindings): string[] {
  return Object.keys(env)
    .filter((k) => /^DB_\d{2}$/.test(k) && isD1(env[k]) && env[k] !== env.DB)
    .map((k) => k.slice(3))
    .sort();
}

/** Every database bound to the deployment: DB, then the per-province DB_xx in code order. */
export function allDatabases(env: Bindings): D1Database[] {
  const out = [env.DB];
  for (const p of provincesWithOwnDatabase(env)) {
    const db = env[`DB_${p}`] as D1Database;
    if (!out.includes(db)) out.push(db);
  }
  return out;
}

/**
 * One province for each database the country's data lives in (the first in code order that it serves,
 * shared/reference/wilayah): what names every database to a reader that picks a database by province.
 */
export function oneProvincePerDatabase(env: Bindings): string[] {
  const seen = new Map<D1Database, string>();
  for (const p of provinsiList) {
    const db = dbFor(env, p.kode);
    if (!seen.has(db)) seen.set(db, p.kode);
  }
  return [...seen.values()];
}

/**
 * The regions that name the databases a region's data lives in: the region itself for a region or a
 * facility, one province per distinct database for the whole country (null).
 */
export function databaseRegions(env: Bindings, region: string | null): string[] {
  return region !== null ? [region] : oneProvincePerDatabase(env);
}

/**
 * Codes (facility or region codes) grouped by the database that holds them, in first-seen order: one
 * query per database, run in parallel by the caller.
 */
export function byDatabase(env: Bindings, codes: Iterable<string>): Map<D1Database, string[]> {
  const out = new Map<D1Database, string[]>();
  for (const code of codes) {
    const db = dbFor(env, code);
    const list = out.get(db);
    if (list) list.push(code);
    else out.set(db, [code]);
  }
  return out;
}

function isD1(v: unknown): v is D1Database {
  return typeof v === "object" && v !== null && typeof (v as D1Database).prepare === "function" && typeof (v as D1Database).batch === "function";
}
