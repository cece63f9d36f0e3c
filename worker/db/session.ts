import type { Context } from "hono";
import type { AppEnv } from "../env";
import { dbFor } from "./region";

/**
 * Reads go through D1's Sessions API so read replicas can be switched on without code changes
 * (SPEC §7). A client that sends back the bookmark it was given (header D1-Bookmark) reads at least
 * what it last wrote; others may read from any replica. Writes use the database itself.
 */
export const BOOKMARK_HEADER = "D1-Bookmark";

/** A read session on `db` from a client's bookmark (null or malformed: any replica). */
export function sessionAt(db: D1Database, bookmark: string | null | undefined): D1DatabaseSession {
  return db.withSession(bookmark && /^[\w-]{1,200}$/.test(bookmark) ? bookmark : "first-unconstrained");
}

/** A session pinned to the primary: for checks that must see the latest write (token revocation, If-Match). */
export const primaryOf = (db: D1Database): D1DatabaseSession => db.withSession("first-primary");

/** The client's bookmark header, as sent (sessionAt judges it). */
export const bookmarkOf = (c: Context<AppEnv>): string | undefined => c.req.header(BOOKMARK_HEADER);

/** A read session on the database of a region (db/region.ts), default the token's scope's. */
export function readSession(c: Context<AppEnv>, region?: string | null): D1DatabaseSession {
  return sessionAt(dbFor(c.env, region ?? scopeOf(c)), bookmarkOf(c));
}

/** A primary session on the database of a region, default the token's scope's. */
export function primarySession(c: Context<AppEnv>, region?: string | null): D1DatabaseSession {
  return primaryOf(dbFor(c.env, region ?? scopeOf(c)));
}

export function writeDb(c: Context<AppEnv>, region?: string | null): D1Database {
  return dbFor(c.env, region ?? scopeOf(c));
}

/**
 * The national database (binding DB): tokens, region codes and the identifier index live there
 * whatever the token's scope (SPEC §7).
 */
export const nationalDb = (c: Context<AppEnv>): D1Database => c.env.DB;

function scopeOf(c: Context<AppEnv>): string | null {
  return c.get("token")?.scope ?? null;
}
