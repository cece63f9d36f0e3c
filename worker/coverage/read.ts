import type { CoverageResponse } from "../../shared/api/coverage";
import { buildCoverage, describeUnit, regionPopulation, type ResolvedQuery, type UnitSums } from "../../shared/coverage/build";
import { isoYear } from "../../shared/normalize/calendar";
import type { CoverageFacility } from "../../shared/coverage/facility";
import { INDICATORS, memberKey, type FactColumn } from "../../shared/coverage/indicators";
import { key, type IndexedSums } from "../../shared/coverage/keys";
import { populationLookup, populationResolver, regionTreeByLevel, type PopulationRow } from "../../shared/coverage/population";
import { standardJenisList } from "../../shared/coverage/standard";
import { jenisFasyankesSchema, kategoriPuskesmasSchema, type JenisTenaga } from "../../shared/reference/codes";
import { NATIONAL } from "../../shared/coverage/units";
import { provinceOf } from "../db/region";
import { prepare } from "../db/limits";
import type { Reader, Sql } from "../db/types";
import { JENIS } from "../store/coverage-versions";
import { regionName } from "./names";
import { parseRules } from "../store/coverage-standards";
import { coverageSql, type CoverageRows } from "./read-sql";
import { RULES_SQL } from "../store/coverage-standards";
import { GENERATION_SQL, lookupMemo, memoStoreSql } from "../store/coverage-memo";

/**
 * Coverage for a question: the active standard sets of every database the region spans (they shape
 * the statements: a jenis any database's set names is asked of every database), then the statements
 * of read-sql in one batch per database (one round trip, one consistent snapshot each), their unit
 * sums folded into the response by the shared arithmetic. Several readers: the region spans several
 * databases (one per province, db/region.ts); sums add up across them.
 *
 * Each database remembers its rows and its rules per question until its data changes
 * (store/coverage-memo.ts, migration 0105): a question asked again is one lookup per database. A
 * remembered answer is used only if it was read by the very statements this Worker would send now
 * (their fingerprint: a release that changes them, or another database's set that reshapes them,
 * reads afresh). `keep`: CoverageReadOptions.
 */
export async function readCoverage(dbs: readonly Reader[], q: ResolvedQuery, keep: CoverageReadOptions = {}): Promise<CoverageResponse> {
  if (dbs.length === 0) throw new Error("readCoverage needs a database");
  const question = questionOf(q);
  const memos = await Promise.all(
    dbs.map(async (db) => {
      const text = await lookupMemo(db, question);
      return text === null ? null : (JSON.parse(text) as Memo);
    }),
  );
  const rulesOf = await Promise.all(dbs.map(async (db, i) => memos[i]?.rules ?? (await prepare(db, rulesSql(q.as_of)).all()).results));
  const rules = distinctRows(rulesOf);
  const statements = coverageSql(q, standardJenisList(parseRules(rules)));
  const flat = Object.entries(statements).flatMap(([name, s]) => (Array.isArray(s) ? s : [s]).map((one) => ({ name, one })));
  const shape = await fingerprint([RULES_SQL, ...flat.map(({ one }) => one.sql)]);
  let remembered = 0;
  const perDb = await Promise.all(
    dbs.map(async (db, i) => {
      const memo = memos[i];
      if (memo?.shape === shape) return (remembered++, memo.rows);
      const read = await readAfresh(db, flat, q.as_of);
      if (read.generation !== null) {
        await remember(db, question, read.generation, { shape, rules: read.rules, rows: read.rows }, keep.now ?? new Date().toISOString(), keep.pinned ?? false);
      }
      return read.rows;
    }),
  );
  const rows: Record<string, Record<string, unknown>[]> = { rules };
  for (const one of perDb) {
    for (const [name, list] of Object.entries(one)) {
      const into = (rows[name] ??= []);
      for (const row of list) into.push(row);
    }
  }
  keep.onRead?.({ remembered, databases: dbs.length });
  return foldCoverage(q, rows as CoverageRows);
}

/** How readCoverage keeps what it reads, and whom it tells. */
export interface CoverageReadOptions {
  /** ISO instant a new memo is dated with (default now). */
  now?: string;
  /** A question the scheduled job answers ahead (coverage/warm.ts): its memo is kept longest. */
  pinned?: boolean;
  /** Told how many of the databases answered from their memo. */
  onRead?: (r: { remembered: number; databases: number }) => void;
}

const rulesSql = (asOf: string): Sql => ({ sql: RULES_SQL, params: [asOf] });

/** Rows of several databases without repeats (each holds the national sets as well as its own). */
function distinctRows(lists: readonly Record<string, unknown>[][]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  for (const list of lists) {
    for (const row of list) {
      const k = JSON.stringify(row);
      if (!seen.has(k)) out.push(row), seen.add(k);
    }
  }
  return out;
}

/** SHA-256 (hex) of statement texts: what a memo's rows were read by. */
async function fingerprint(texts: readonly string[]): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(texts.join("\u0000")));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * One database's rows of the statements `flat`, in one batch (one snapshot) with the generation they
 * were read at and the database's active standard rules at as_of `asOf`.
 */
async function readAfresh(db: Reader, flat: readonly { name: string; one: Sql }[], asOf: string) {
  const head: Sql[] = [GENERATION_SQL, rulesSql(asOf)];
  const answered = await db.batch([...head, ...flat.map(({ one }) => one)].map((one) => prepare(db, one)));
  const rows: Memo["rows"] = {};
  flat.forEach(({ name }, k) => {
    const into = (rows[name] ??= []);
    // A loop, not push(...rows): a spread of an unbounded list overflows the stack (issue 10, finding 4).
    for (const row of (answered[head.length + k]?.results ?? []) as Record<string, unknown>[]) into.push(row);
  });
  const generation = (answered[0]?.results[0] as { generation?: number } | undefined)?.generation;
  return { rows, generation: typeof generation === "number" ? generation : null, rules: (answered[1]?.results ?? []) as Record<string, unknown>[] };
}

/**
 * What a database remembers of a question: the fingerprint of the statements that read it, their
 * rows, and the database's active standard rules (read in the same snapshot).
 */
interface Memo {
  shape: string;
  rules: Record<string, unknown>[];
  rows: Record<string, Record<string, unknown>[]>;
}

/** The memo key of a question: what the statements and the rules read depend on (jenis_tenaga only filters the fold). */
export const questionOf = (q: ResolvedQuery): string => JSON.stringify([q.level, q.region, q.as_of]);

/**
 * Stores a memo; a failure only costs the next asker a fresh read, so it is logged, never thrown
 * (the answer in hand is right either way).
 */
async function remember(db: Reader, question: string, generation: number, memo: Memo, now: string, pinned: boolean): Promise<void> {
  const sql = memoStoreSql(question, generation, JSON.stringify(memo), now, { pinned });
  if (!sql) return;
  try {
    await db.batch(sql.map((s) => prepare(db, s)));
  } catch (e) {
    console.warn("coverage memo not stored", e instanceof Error ? e.message : e);
  }
}

// Codes come from rows the Worker wrote; a set lookup per row, not a schema parse, on the hot path.
const JENIS_SET: ReadonlySet<unknown> = new Set(JENIS);
const isJenis = (v: unknown): v is JenisTenaga => JENIS_SET.has(v);
const num = (v: unknown) => (typeof v === "number" ? v : 0);
const str = (v: unknown) => (typeof v === "string" ? v : null);

/**
 * The name of the standard set that holds for a region: its province's active set, else the national
 * active set (migration 0060). A region across provinces (the whole country) names the national one.
 */
function effectiveSetName(region: string | null, rules: readonly Record<string, unknown>[]): string {
  const province = region === null ? NATIONAL : (provinceOf(region) ?? NATIONAL);
  const own = rules.find((r) => r["provinsi"] === province);
  return str((own ?? rules.find((r) => r["provinsi"] === NATIONAL) ?? rules[0])?.["nama"]) ?? "";
}

/**
 * The per-profession families declared over the read's fact rows (by kind: the position of each
 * profession's figure key, with the columns it adds) and over its training rows (by code: the
 * positions of each profession's figure key in JENIS order): shared/coverage/indicators.ts `fact` and
 * `pelatihan`. Keys placed once per answer (`at`, unitSums), not looked up per row.
 */
function foldedFamilies(at: (k: string) => number) {
  const facts = new Map<unknown, { at: Map<unknown, number>; columns: readonly FactColumn[] }[]>();
  const trainings = new Map<unknown, number[][]>();
  for (const i of INDICATORS) {
    const v = i.value;
    if ("fact" in v) facts.set(v.fact.kind, [...(facts.get(v.fact.kind) ?? []), { at: new Map(JENIS.map((j) => [j, at(memberKey(i, j))])), columns: v.fact.columns }]);
    if ("pelatihan" in v) trainings.set(v.pelatihan, [...(trainings.get(v.pelatihan) ?? []), JENIS.map((j) => at(memberKey(i, j)))]);
  }
  return { facts, trainings };
}

/**
 * The row units' additive sums, by position in one index of figure keys (IndexedSums): rows add
 * into arrays, not into a dictionary object per unit. `add(unit, key, n)` adds; `row(unit, r)` adds
 * every numeric column but `unit` of a row whose columns are figure keys.
 */
function unitSums() {
  const index = new Map<string, number>();
  const units = new Map<string, (number | undefined)[]>();
  const at = (k: string) => {
    let i = index.get(k);
    if (i === undefined) index.set(k, (i = index.size));
    return i;
  };
  const of = (unit: unknown) => {
    const u = String(unit);
    let s = units.get(u);
    if (!s) units.set(u, (s = []));
    return s;
  };
  const add = (s: (number | undefined)[], i: number, n: number) => {
    s[i] = (s[i] ?? 0) + n;
  };
  // Rows of one statement share their columns: the previous row's positions, checked key by key.
  const seen: string[] = [];
  const positions: number[] = [];
  const row = (r: Record<string, unknown>) => {
    const s = of(r["unit"]);
    let n = 0;
    for (const k in r) {
      const v = r[k];
      if (k !== "unit" && typeof v === "number") {
        let i = positions[n];
        if (seen[n] !== k || i === undefined) {
          seen[n] = k;
          positions[n] = i = at(k);
        }
        add(s, i, v);
      }
      n++;
    }
  };
  return { index, units, at, of, add, row };
}

export function foldCoverage(q: ResolvedQuery, rows: CoverageRows): CoverageResponse {
  const rules = parseRules(rows.rules);

  const sums = unitSums();
  // Columns named by their figure key.
  for (const r of rows.facilities) sums.row(r);
  for (const r of rows.standard) sums.row(r);
  const { facts, trainings } = foldedFamilies(sums.at);
  for (const r of rows.facts) {
    const s = sums.of(r["unit"]);
    const j = r["jenis"];
    if (!isJenis(j)) continue;
    for (const f of facts.get(r["kind"]) ?? []) {
      let n = 0;
      for (const c of f.columns) n += num(r[c]);
      sums.add(s, f.at.get(j)!, n);
    }
  }
  for (const r of rows.training) {
    const s = sums.of(r["unit"]);
    for (const at of trainings.get(r["kode"]) ?? []) {
      for (let n = 0; n < JENIS.length; n++) {
        const v = num(r[JENIS[n]!]);
        if (v > 0) sums.add(s, at[n]!, v);
      }
    }
  }
  for (const r of rows.withoutRoster) sums.add(sums.of(r["unit"]), sums.at(key.tanpaRoster), num(r["n"]));

  const facilities = new Map<string, CoverageFacility>();
  if (q.level === "facility") {
    for (const f of rows.placed) {
      const kategori = kategoriPuskesmasSchema.safeParse(f["kategori"]);
      const jenis = jenisFasyankesSchema.safeParse(f["jenis"]);
      if (!jenis.success) continue;
      facilities.set(String(f["kode"]), {
        kode: String(f["kode"]),
        nama: str(f["nama"]) ?? String(f["kode"]),
        jenis: jenis.data,
        kode_wilayah: String(f["kode_wilayah"]),
        kecamatan: str(f["kecamatan"]),
        kategori: kategori.success ? kategori.data : null,
        rawat_inap: f["rawat_inap"] === 1,
        poned: f["poned"] === 1,
      });
    }
  }
  const pop = populationResolver(
    populationLookup(rows.population as unknown as PopulationRow[], isoYear(q.as_of)),
    regionTreeByLevel(() => rows.placed.map((f) => ({ kode_wilayah: String(f["kode_wilayah"]), kecamatan: str(f["kecamatan"]) }))),
  );

  const names = new Map(rows.names.map((r) => [String(r["kode_wilayah"]), str(r["nama"])]));
  const nameOf = (code: string) => names.get(code) ?? regionName(code);
  const units: UnitSums<IndexedSums>[] = [];
  const total: (number | undefined)[] = [];
  for (const [kode, values] of sums.units) {
    const facility = facilities.get(kode) ?? null;
    const { nama, penduduk } = describeUnit(q.level, kode, facility, pop, nameOf);
    units.push({ kode, nama, facility, sums: { index: sums.index, values }, penduduk });
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== undefined) total[i] = (total[i] ?? 0) + v;
    }
  }
  return buildCoverage({
    query: q,
    standardSet: effectiveSetName(q.region, rows.rules),
    rules,
    units,
    total: { sums: { index: sums.index, values: total }, penduduk: regionPopulation(q.region, pop) },
  });
}
