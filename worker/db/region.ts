import { regionOfCode } from "../../shared/reference/facilities";
import type { Bindings } from "../env";

/**
 * The database that holds a region's data (SPEC §7). The national database (binding DB) holds tokens,
 * region codes, the national identifier index, and every province that has no database of its own;
 * past D1's 10 GB a province gets its own, bound as DB_<2 digits> (DB_17, DB_36, …), and this picks it
 * by the region's first two digits, falling back to DB. `region` is a region code, a facility code
 * (its region from its shape, SPEC §3.3) or a token scope.
 */
export function provinceOf(region: string | null | undefined): string | null {
  if (!region) return null;
  // A facility code's region comes from its shape (SPEC §3.3: P, 7-digit hospital, K/L clinics and labs).
  const where = regionOfCode(region) ?? region;
  return /^\d{2}/.test(where) ? where.slice(0, 2) : null;
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
