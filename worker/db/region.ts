import { regionOfCode } from "../../shared/reference/facilities";
import type { Bindings } from "../env";

/**
 * The database that holds a region's data. Today one database (binding DB) holds the whole country;
 * past D1's 10 GB the plan is one database per province (SPEC §7): bind DB_17, DB_36, … in
 * wrangler.jsonc and this picks it by the region's first two digits, falling back to DB.
 * `region` is a region code, a facility code or a token scope.
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

/** Every database bound to the deployment: DB, then the per-province DB_xx in code order. */
export function allDatabases(env: Bindings): D1Database[] {
  const provinces = Object.keys(env)
    .filter((k) => /^DB_\d{2}$/.test(k) && isD1(env[k]))
    .sort()
    .map((k) => env[k] as D1Database);
  return [env.DB, ...provinces.filter((db) => db !== env.DB)];
}

function isD1(v: unknown): v is D1Database {
  return typeof v === "object" && v !== null && typeof (v as D1Database).prepare === "function" && typeof (v as D1Database).batch === "function";
}
