import type { Sql, SqlValue } from "./types";

/** A value as an SQL literal, for scripts run by `wrangler d1 execute --file` (seeding, the token CLI). */
export function sqlLiteral(v: SqlValue): string {
  if (v === null) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("not a finite number");
    return String(v);
  }
  return `'${v.replace(/'/g, "''")}'`;
}

/** Statements with their ?n parameters inlined as literals: one SQL script. */
export function toScript(statements: readonly Sql[]): string {
  return statements
    .map((s) => `${s.sql.replace(/\?(\d+)/g, (_, n: string) => sqlLiteral(s.params[Number(n) - 1] ?? null))};`)
    .join("\n");
}
