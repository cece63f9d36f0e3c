/**
 * The rows coverage folds (worker/coverage/read.ts foldCoverage), read from a province database file
 * with the Worker's own statements (worker/coverage/read-sql.ts coverageSql, the rules of
 * store/coverage-standards.ts) — for bench/fold.ts and bench/fold-digest.ts. The file is opened
 * read-only. It is a copy of a national benchmark's province database (not in the repository, not in
 * CI): FOLD_DB names it, else the copy under /tmp/prof; `null` when it is not there.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { ResolvedQuery } from "../shared/coverage/build";
import { standardJenisList } from "../shared/coverage/standard";
import { provinsiList } from "../shared/reference/wilayah";
import { coverageSql, type CoverageRows } from "../worker/coverage/read-sql";
import { parseRules, RULES_SQL } from "../worker/store/coverage-standards";

export const FOLD_DB = process.env["FOLD_DB"] ?? "/tmp/prof/af3b44b13812a334f49729384d15e24c2105504be5d0d33db12ced60018914d6.sqlite";

/** The database file, or null (with the reason printed) when it is absent. */
export function openFoldDb(): DatabaseSync | null {
  if (!existsSync(FOLD_DB)) {
    console.log(`skipped: no province database at ${FOLD_DB} (set FOLD_DB to a copy of one; it is not in CI)`);
    return null;
  }
  return new DatabaseSync(FOLD_DB, { readOnly: true });
}

/**
 * The rows of a question as readCoverage hands them to foldCoverage (jenis_tenaga only filters the
 * fold). With FOLD_ROWS_CACHE (a directory) set, rows once read are kept there and read back, so the
 * fold can be compared on the same rows while their statements change.
 */
export function rowsOf(db: DatabaseSync, q: ResolvedQuery): CoverageRows {
  const dir = process.env["FOLD_ROWS_CACHE"];
  const file = dir ? join(dir, `${q.region ?? "ID"}-${q.level}-${q.as_of}.json`) : null;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as CoverageRows;
  const rows = readRows(db, q);
  if (dir && file) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(rows));
  }
  return rows;
}

function readRows(db: DatabaseSync, q: ResolvedQuery): CoverageRows {
  const rules = db.prepare(RULES_SQL).all(q.as_of) as Record<string, unknown>[];
  const statements = coverageSql(q, standardJenisList(parseRules(rules)));
  const rows: Record<string, Record<string, unknown>[]> = { rules };
  for (const [name, s] of Object.entries(statements)) {
    const into = (rows[name] ??= []);
    for (const one of Array.isArray(s) ? s : [s]) for (const r of db.prepare(one.sql).all(...(one.params as never[]))) into.push(r as Record<string, unknown>);
  }
  return rows as CoverageRows;
}

/**
 * A whole-country read as 38 province databases would answer it (readCoverage adds their rows up):
 * the one province's national-question rows once per province code, its unit, region codes and
 * population renamed (`from`: the province's code). The sizes of a national answer; the figures are the one province's, repeated.
 */
export function countryRows(one: CoverageRows, from: string): CoverageRows {
  const rename = (v: unknown) => (typeof v === "string" && v.startsWith(from) ? (code: string) => code + v.slice(from.length) : null);
  // The rules and region names are the main database's: once, not per province.
  const out: Record<string, Record<string, unknown>[]> = { rules: one.rules, names: one.names };
  for (const p of provinsiList) {
    for (const [name, list] of Object.entries(one)) {
      if (name === "rules" || name === "names") continue;
      const into = (out[name] ??= []);
      for (const r of list) {
        const copy: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r)) copy[k] = k === "unit" || k === "kode" || k === "kode_wilayah" || k === "kecamatan" ? (rename(v)?.(p.kode) ?? v) : v;
        into.push(copy);
      }
    }
  }
  return out as CoverageRows;
}
