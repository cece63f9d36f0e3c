import type { DatabaseSync, SQLInputValue } from "node:sqlite";

/**
 * Just enough of the D1 binding over node:sqlite for the generator to run the Worker's own SQL
 * builders (storage, coverage refresh) against the local D1 file: prepare/bind/all/run/first/raw and
 * batch() as one transaction, as D1 does it.
 */
export class SqliteStatement {
  constructor(
    private readonly db: DatabaseSync,
    readonly sql: string,
    private readonly params: SQLInputValue[] = [],
  ) {}
  bind(...values: unknown[]): SqliteStatement {
    return new SqliteStatement(this.db, this.sql, values.map((v) => (typeof v === "boolean" ? Number(v) : (v ?? null)) as SQLInputValue));
  }
  async all<T = Record<string, unknown>>() {
    return { results: this.db.prepare(this.sql).all(...this.params) as T[], success: true, meta: {} };
  }
  async run() {
    const r = this.db.prepare(this.sql).run(...this.params);
    return { results: [], success: true, meta: { changes: Number(r.changes), last_row_id: Number(r.lastInsertRowid) } };
  }
  async first<T = Record<string, unknown>>(column?: string): Promise<T | null> {
    const row = this.db.prepare(this.sql).get(...this.params) as Record<string, unknown> | undefined;
    if (!row) return null;
    return (column ? row[column] : row) as T;
  }
  async raw<T = unknown[]>(): Promise<T[]> {
    const st = this.db.prepare(this.sql);
    st.setReturnArrays(true);
    return st.all(...this.params) as T[];
  }
}

export class SqliteD1 {
  constructor(readonly db: DatabaseSync) {}
  prepare(sql: string): SqliteStatement {
    return new SqliteStatement(this.db, sql);
  }
  async batch(statements: SqliteStatement[]) {
    this.db.exec("BEGIN");
    try {
      const out = [];
      for (const s of statements) out.push(/^\s*(SELECT|WITH)\b/i.test(s.sql) ? await s.all() : await s.run());
      this.db.exec("COMMIT");
      return out;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }
  async exec(sql: string) {
    this.db.exec(sql);
    return { count: 1, duration: 0 };
  }
  withSession() {
    return this;
  }
}
