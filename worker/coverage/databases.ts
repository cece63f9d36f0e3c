import type { Context } from "hono";
import { provinsiList } from "../../shared/reference/wilayah";
import { readSession, writeDb } from "../http/databases";
import { dbFor } from "../db/region";
import type { AppEnv } from "../env";

/**
 * The databases a region's data lives in (db/region.ts: one per province once DB_xx are bound, else
 * DB): one for a region or facility, every distinct one for the whole country. Each is named by one
 * province it serves, so readSession/writeDb pick it.
 */
function provincesByDatabase(c: Context<AppEnv>, region: string | null): string[] {
  if (region !== null) return [region];
  const seen = new Map<D1Database, string>();
  for (const p of provinsiList) {
    const db = dbFor(c.env, p.kode);
    if (!seen.has(db)) seen.set(db, p.kode);
  }
  return [...seen.values()];
}

/** Read sessions (Sessions API) on the databases of a region. */
export function readSessions(c: Context<AppEnv>, region: string | null): D1DatabaseSession[] {
  return provincesByDatabase(c, region).map((p) => readSession(c, p));
}

/** The databases a change for a region must be written to. */
export function writeDbs(c: Context<AppEnv>, region: string | null): D1Database[] {
  return provincesByDatabase(c, region).map((p) => writeDb(c, p));
}
