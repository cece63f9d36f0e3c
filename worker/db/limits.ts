import type { Sql, SqlValue } from "./types";

/**
 * D1's per-statement limits (Cloudflare's limits page, SPEC §7). Local D1 enforces only some of them
 * (100 parameters, statement length) and takes values of several MB and chunks of any size, so every
 * statement this Worker prepares passes `assertWithinLimits` first: a statement the deployed database
 * would refuse fails here, in tests, instead.
 */
export const D1_LIMITS = {
  /** Bound parameters per statement. */
  maxParams: 100,
  /** SQL text per statement, bytes. */
  maxSqlBytes: 100_000,
  /** One string or BLOB value, bytes (D1 allows 2 MB per row; 1 MB per value keeps a margin). */
  maxValueBytes: 1_000_000,
  /** Rows per bulk statement: Cloudflare's advice for bulk writes. */
  maxRowsPerChunk: 10_000,
  /** Statements per batch this Worker sends (a batch is one transaction, 30 s at most). */
  maxStatementsPerBatch: 500,
} as const;

export class D1LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "D1LimitError";
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

/** UTF-8 length of a string without encoding it. */
export function utf8Bytes(s: string): number {
  // All ASCII (most rows of a roster): one byte per unit, found by the regex engine's native scan,
  // several times faster than the loop below over an upload's megabytes of JSON (issue 15 item 5).
  if (!NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function assertWithinLimits(s: Sql): Sql {
  if (s.params.length > D1_LIMITS.maxParams) {
    throw new D1LimitError(`statement binds ${s.params.length} parameters; D1 allows ${D1_LIMITS.maxParams}`);
  }
  const sqlBytes = utf8Bytes(s.sql);
  if (sqlBytes > D1_LIMITS.maxSqlBytes) {
    throw new D1LimitError(`statement is ${sqlBytes} bytes of SQL; D1 allows ${D1_LIMITS.maxSqlBytes}`);
  }
  s.params.forEach((p: SqlValue, i) => {
    if (typeof p === "string" && p.length > D1_LIMITS.maxValueBytes / 4) {
      const bytes = utf8Bytes(p);
      if (bytes > D1_LIMITS.maxValueBytes) throw new D1LimitError(`parameter ?${i + 1} is ${bytes} bytes; at most ${D1_LIMITS.maxValueBytes} per value`);
    }
  });
  return s;
}

/** A statement checked against the limits, then prepared. */
export function prepare(db: Pick<D1Database, "prepare">, s: Sql): D1PreparedStatement {
  assertWithinLimits(s);
  return db.prepare(s.sql).bind(...s.params);
}

export function assertBatch(statements: readonly unknown[]): void {
  if (statements.length > D1_LIMITS.maxStatementsPerBatch) {
    throw new D1LimitError(`batch of ${statements.length} statements; this Worker sends at most ${D1_LIMITS.maxStatementsPerBatch}`);
  }
}
