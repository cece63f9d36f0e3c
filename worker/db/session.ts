import type { Context } from "hono";
import type { AppEnv } from "../env";
import { dbFor } from "./region";

/**
 * Reads go through D1's Sessions API so read replicas can be switched on without code changes
 * (SPEC §7). A client that sends back the bookmark it was given (header D1-Bookmark) reads at least
 * what it last wrote; others may read from any replica. Writes use `writeDb`.
 */
export const BOOKMARK_HEADER = "D1-Bookmark";

export function readSession(c: Context<AppEnv>, region?: string | null): D1DatabaseSession {
  const bookmark = c.req.header(BOOKMARK_HEADER);
  const constraint = bookmark && /^[\w-]{1,200}$/.test(bookmark) ? bookmark : "first-unconstrained";
  return dbFor(c.env, region ?? scopeOf(c)).withSession(constraint);
}

/** A session pinned to the primary: for checks that must see the latest write (token revocation). */
export function primarySession(c: Context<AppEnv>, region?: string | null): D1DatabaseSession {
  return dbFor(c.env, region ?? scopeOf(c)).withSession("first-primary");
}

export function writeDb(c: Context<AppEnv>, region?: string | null): D1Database {
  return dbFor(c.env, region ?? scopeOf(c));
}

function scopeOf(c: Context<AppEnv>): string | null {
  return c.get("token")?.scope ?? null;
}
