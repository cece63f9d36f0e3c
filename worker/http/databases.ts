import type { Context } from "hono";
import { BOOKMARK_HEADER, primaryOf, sessionAt } from "../db/session";
import { databaseRegions, dbFor } from "../db/region";
import type { AppEnv } from "../env";

/**
 * A request's databases (SPEC §7): where the HTTP side meets db/. These read what a request says —
 * the client's D1-Bookmark header and the token's scope (its province picks DB_xx, db/region.ts) —
 * and hand db/ a D1 handle and a bookmark; db/ never sees a Hono Context (issue 14 item 4).
 */

/** The client's bookmark header, as sent (db/session.ts sessionAt judges it). */
export const bookmarkOf = (c: Context<AppEnv>): string | undefined => c.req.header(BOOKMARK_HEADER);

/** A read session at the client's bookmark on the database of a region, default the token's scope's. */
export function readSession(c: Context<AppEnv>, region?: string | null): D1DatabaseSession {
  return sessionAt(writeDb(c, region), bookmarkOf(c));
}

/** A primary session on the database of a region, default the token's scope's. */
export function primarySession(c: Context<AppEnv>, region?: string | null): D1DatabaseSession {
  return primaryOf(writeDb(c, region));
}

/** The database of a region (writes go to it), default the token's scope's. */
export function writeDb(c: Context<AppEnv>, region?: string | null): D1Database {
  return dbFor(c.env, region ?? c.get("token")?.scope ?? null);
}

/** Read sessions at the client's bookmark on the databases of a region (null: the whole country). */
export function readSessions(c: Context<AppEnv>, region: string | null): D1DatabaseSession[] {
  return databaseRegions(c.env, region).map((p) => readSession(c, p));
}

/** The databases a change for a region must be written to (null: the whole country). */
export function writeDbs(c: Context<AppEnv>, region: string | null): D1Database[] {
  return databaseRegions(c.env, region).map((p) => writeDb(c, p));
}

/**
 * The national database (binding DB): tokens, region codes and the identifier index live there
 * whatever the token's scope (SPEC §7).
 */
export const nationalDb = (c: Context<AppEnv>): D1Database => c.env.DB;
