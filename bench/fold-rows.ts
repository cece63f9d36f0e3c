/**
 * The rows coverage folds (worker/coverage/read.ts foldCoverage), read from a province database file
 * with the Worker's own statements (worker/coverage/read-sql.ts coverageSql, the rules of
 * store/coverage-standards.ts) — for bench/fold.ts and bench/fold-digest.ts. The file is opened
 * read-only: FOLD_DB names one, else Jawa Timur's (35) database of bench:history's 24 monthly cycles
 * (scripts/national/history.ts: generated once, ~3 min, then cached in the temp dir).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { ResolvedQuery } from "../shared/coverage/build";
import { standardJenisList } from "../shared/coverage/standard";
import { provinsiList } from "../shared/reference/wilayah";
import { coverageSql, type CoverageRows } from "../worker/coverage/read-sql";
import { parseRules, RULES_SQL } from "../worker/store/coverage-standards";
import { ensureHistory } from "../scripts/national/history";
import { d1File } from "../scripts/national/province-files";

/** The database file (FOLD_DB, else Jawa Timur's of bench:history, generated if missing). */
export async function openFoldDb(): Promise<DatabaseSync> {
  const named = process.env["FOLD_DB"];
  if (named !== undefined && !existsSync(named)) throw new Error(`FOLD_DB: no database file at ${named}`);
  const file = named ?? d1File((await ensureHistory({ cycles: 24, provinces: ["35"], churn: 0.03 }, { log: (l) => console.log(l) })).dir, "DB_35");
  return new DatabaseSync(file, { readOnly: true });
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
