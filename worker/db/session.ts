/**
 * Reads go through D1's Sessions API so read replicas can be switched on without code changes
 * (SPEC §7). A client that sends back the bookmark it was given (header D1-Bookmark) reads at least
 * what it last wrote; others may read from any replica. Writes use the database itself. A request's
 * own bookmark and database are picked in http/databases.ts; this module takes a D1 handle and a
 * bookmark only.
 */
export const BOOKMARK_HEADER = "D1-Bookmark";

/** A read session on `db` from a client's bookmark (null or malformed: any replica). */
export function sessionAt(db: D1Database, bookmark: string | null | undefined): D1DatabaseSession {
  return db.withSession(bookmark && /^[\w-]{1,200}$/.test(bookmark) ? bookmark : "first-unconstrained");
}

/** A session pinned to the primary: for checks that must see the latest write (token revocation, If-Match). */
export const primaryOf = (db: D1Database): D1DatabaseSession => db.withSession("first-primary");
