/**
 * Where an upload's "store" time goes (issue 15 item 5), for bench/upload.ts: the benchmark Worker's
 * DB binding wrapped so that each batch() sent through it (the upload's writes: writeDb; reads go
 * through sessions and are not counted) is timed, and each statement's SQL time (D1's
 * meta.duration, ms) is added to the part of the upload it belongs to. Only the benchmark Worker
 * (bench/worker/index.ts) wraps its binding; the deployed one is never wrapped.
 */

/** The parts of an upload's storage, told apart by the SQL of each statement. */
export type Part = "staging" | "persons" | "coverage" | "versions" | "other";

export function partOf(sql: string): Part {
  const s = sql.replace(/\s+/g, " ").trim();
  if (/^INSERT INTO (nakes_staged|nakes|pelatihan) \(upload_id, (valid_from|row_no)/.test(s) && s.includes("json_each")) return "staging";
  if (/\bcoverage_(version|fact|fakta|fakta_staged|pelatihan)\b/.test(s)) return "coverage";
  if (/^(INSERT INTO|UPDATE|DELETE FROM) (nakes_staged|nakes|pelatihan)\b/.test(s)) return "persons";
  if (/\b(roster_versi|roster_current|commit_guard)\b/.test(s)) return "versions";
  return "other";
}

export interface BatchTiming {
  /** Wall time of the batch() call, ms (the Worker's wait: SQL, transaction commit, transport). */
  wallMs: number;
  statements: number;
  /** Whether it holds a statement of the upload's storage (not only "other": an Idempotency-Key claim). */
  storage: boolean;
  /** Σ meta.duration per part, ms (SQL execution inside the database). */
  sqlMs: Record<Part, number>;
  /** Each statement's SQL time, ms, and its opening words. */
  each: { ms: number; sql: string }[];
}

/**
 * A D1Database whose batch() records a BatchTiming per call into `log`; everything else is the
 * binding's own. Statements are remembered by the SQL they were prepared with.
 */
export function timedDatabase(db: D1Database, log: BatchTiming[]): D1Database {
  const sqlOf = new WeakMap<object, string>();
  const remember = (st: D1PreparedStatement, sql: string): D1PreparedStatement => {
    sqlOf.set(st, sql);
    const bind = st.bind.bind(st);
    st.bind = (...values: unknown[]) => remember(bind(...values), sql);
    return st;
  };
  const wrapped: D1Database = Object.create(db) as D1Database;
  wrapped.prepare = (sql: string) => remember(db.prepare(sql), sql);
  wrapped.batch = async <T = unknown>(statements: D1PreparedStatement[]) => {
    const t0 = performance.now();
    const results = await db.batch<T>(statements);
    const sqlMs: Record<Part, number> = { staging: 0, persons: 0, coverage: 0, versions: 0, other: 0 };
    let storage = false;
    const each: { ms: number; sql: string }[] = [];
    results.forEach((r, i) => {
      const sql = sqlOf.get(statements[i]!) ?? "";
      const part = partOf(sql);
      sqlMs[part] += r.meta?.duration ?? 0;
      storage ||= part !== "other";
      each.push({ ms: r.meta?.duration ?? 0, sql: sql.replace(/\s+/g, " ").trim().slice(0, 70) });
    });
    log.push({ wallMs: performance.now() - t0, statements: statements.length, storage, sqlMs, each });
    return results;
  };
  wrapped.exec = (sql: string) => db.exec(sql);
  wrapped.withSession = (c?: string) => db.withSession(c as D1SessionConstraint);
  wrapped.dump = () => db.dump();
  return wrapped;
}

/**
 * The storage batches of the log as Server-Timing entries (ms): `d1-batches` (wall time of every
 * batch that writes the upload, and how many), `d1-final` (the last of them: the commit), `sql-<part>`
 * (SQL time per part across them), and `final-<n>` for the final batch's five slowest statements
 * (desc: their opening words). Batches of "other" statements only (the Idempotency-Key claim,
 * before "store" begins) are left out.
 */
export function serverTimingOf(all: readonly BatchTiming[]): string {
  const log = all.filter((b) => b.storage);
  if (log.length === 0) return "";
  const sum = (f: (b: BatchTiming) => number) => log.reduce((n, b) => n + f(b), 0);
  const parts: Part[] = ["staging", "persons", "coverage", "versions", "other"];
  const last = log[log.length - 1]!;
  return [
    `d1-batches;dur=${sum((b) => b.wallMs).toFixed(1)};desc="${log.length} batches"`,
    `d1-final;dur=${last.wallMs.toFixed(1)};desc="${last.statements} statements"`,
    ...parts.map((p) => `sql-${p};dur=${sum((b) => b.sqlMs[p]).toFixed(1)}`),
    ...[...last.each]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((e, i) => `final-${i + 1};dur=${e.ms.toFixed(1)};desc="${e.sql.replace(/["\\]/g, "'")}"`),
  ].join(", ");
}
