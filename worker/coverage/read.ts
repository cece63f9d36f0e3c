import type { CoverageResponse } from "../../shared/api/coverage";
import { buildCoverage, describeUnit, regionPopulation, type ResolvedQuery, type UnitSums } from "../../shared/coverage/build";
import { isoYear } from "../../shared/normalize/calendar";
import type { CoverageFacility } from "../../shared/coverage/facility";
import { INDICATORS, memberKey, type FactColumn, type Indicator } from "../../shared/coverage/indicators";
import { addSums, addTo, key, type Sums } from "../../shared/coverage/keys";
import { populationByCode, populationResolver, regionTree, type PopulationRow } from "../../shared/coverage/population";
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
import { GENERATION_SQL, memoLookupSql, memoStoreSql } from "../store/coverage-memo";

/**
 * Coverage for a question: the active standard set first (it shapes the statements), then the
 * statements of read-sql in one batch per database (one round trip, one consistent snapshot each),
 * their unit sums folded into the response by the shared arithmetic. Several readers: the region
 * spans several databases (one per province, db/region.ts); sums add up across them.
 *
 * Each database remembers its rows per question until its data changes (store/coverage-memo.ts,
 * migration 0105): a question asked again is one lookup per database. A remembered answer is used
 * only if it was read with the statements of the same standard jenis; one that is missing, stale or
 * read with other statements is read afresh and remembered. `now` (ISO) dates a new memo.
 */
export async function readCoverage(dbs: readonly Reader[], q: ResolvedQuery, now = new Date().toISOString()): Promise<CoverageResponse> {
  const [first] = dbs;
  if (!first) throw new Error("readCoverage needs a database");
  const question = questionOf(q);
  const looked = await Promise.all(dbs.map((db) => prepare(db, memoLookupSql(question)).first<{ generation: number; rows: string | null }>()));
  const memos = looked.map((l) => (l?.rows ? (JSON.parse(l.rows) as Memo) : null));
  const rules = memos[0]?.rules ?? (await prepare(first, { sql: RULES_SQL, params: [q.as_of] }).all()).results;
  const jenis = standardJenisList(parseRules(rules));
  const statements = coverageSql(q, jenis);
  const flat = Object.entries(statements).flatMap(([name, s]) => (Array.isArray(s) ? s : [s]).map((one) => ({ name, one })));
  const perDb = await Promise.all(
    dbs.map(async (db, i) => {
      const memo = memos[i];
      if (memo && sameList(memo.jenis, jenis)) return memo.rows;
      const read = await readAfresh(db, flat, i === 0 ? q.as_of : null);
      // Rules changed between their read and this batch: these rows answer, but are not remembered.
      const shaped = !read.rules || sameList(standardJenisList(parseRules(read.rules)), jenis);
      if (read.generation !== null && shaped) await remember(db, question, read.generation, { jenis, rules: read.rules, rows: read.rows }, now);
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
  return foldCoverage(q, rows as CoverageRows);
}

/**
 * One database's rows of the statements `flat`, in one batch (one snapshot) with the generation they
 * were read at and, given `rulesAt` (the first database's, as_of), the rules they were shaped by.
 */
async function readAfresh(db: Reader, flat: readonly { name: string; one: Sql }[], rulesAt: string | null) {
  const head: Sql[] = rulesAt === null ? [GENERATION_SQL] : [GENERATION_SQL, { sql: RULES_SQL, params: [rulesAt] }];
  const answered = await db.batch([...head, ...flat.map(({ one }) => one)].map((one) => prepare(db, one)));
  const rows: Memo["rows"] = {};
  flat.forEach(({ name }, k) => {
    const into = (rows[name] ??= []);
    // A loop, not push(...rows): a spread of an unbounded list overflows the stack (issue 10, finding 4).
    for (const row of (answered[head.length + k]?.results ?? []) as Record<string, unknown>[]) into.push(row);
  });
  const generation = (answered[0]?.results[0] as { generation?: number } | undefined)?.generation;
  return {
    rows,
    generation: typeof generation === "number" ? generation : null,
    rules: rulesAt === null ? undefined : ((answered[1]?.results ?? []) as Record<string, unknown>[]),
  };
}

/** What a database remembers of a question: the standard jenis its statements were shaped by, their rows, and (the first database's) the rules. */
interface Memo {
  jenis: readonly string[];
  rules?: Record<string, unknown>[];
  rows: Record<string, Record<string, unknown>[]>;
}

/** The memo key of a question: what the statements and the rules read depend on (jenis_tenaga only filters the fold). */
const questionOf = (q: ResolvedQuery): string => JSON.stringify([q.level, q.region, q.as_of]);

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Stores a memo; a failure only costs the next asker a fresh read, so it is logged, never thrown
 * (the answer in hand is right either way).
 */
async function remember(db: Reader, question: string, generation: number, memo: Memo, now: string): Promise<void> {
  const sql = memoStoreSql(question, generation, JSON.stringify(memo), now);
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
 * The per-profession families declared over the read's fact rows (by kind, with the columns each
 * adds) and over its training rows (by code): shared/coverage/indicators.ts `fact` and `pelatihan`.
 */
function foldedFamilies() {
  const facts = new Map<unknown, { family: Indicator; columns: readonly FactColumn[] }[]>();
  const trainings = new Map<unknown, Indicator[]>();
  for (const i of INDICATORS) {
    const v = i.value;
    if ("fact" in v) facts.set(v.fact.kind, [...(facts.get(v.fact.kind) ?? []), { family: i, columns: v.fact.columns }]);
    if ("pelatihan" in v) trainings.set(v.pelatihan, [...(trainings.get(v.pelatihan) ?? []), i]);
  }
  return { facts, trainings };
}

export function foldCoverage(q: ResolvedQuery, rows: CoverageRows): CoverageResponse {
  const rules = parseRules(rows.rules);

  const sums = new Map<string, Sums>();
  const of = (unit: unknown) => {
    const u = String(unit);
    let s = sums.get(u);
    if (!s) sums.set(u, (s = {}));
    return s;
  };
  // Columns named by their figure key.
  for (const r of [...rows.facilities, ...rows.standard]) {
    const s = of(r["unit"]);
    for (const [k, v] of Object.entries(r)) if (k !== "unit" && typeof v === "number") addTo(s, k, v);
  }
  const { facts, trainings } = foldedFamilies();
  for (const r of rows.facts) {
    const s = of(r["unit"]);
    const j = r["jenis"];
    if (!isJenis(j)) continue;
    for (const f of facts.get(r["kind"]) ?? []) {
      let n = 0;
      for (const c of f.columns) n += num(r[c]);
      addTo(s, memberKey(f.family, j), n);
    }
  }
  for (const r of rows.training) {
    const s = of(r["unit"]);
    for (const family of trainings.get(r["kode"]) ?? []) {
      for (const j of JENIS) if (num(r[j]) > 0) addTo(s, memberKey(family, j), num(r[j]));
    }
  }
  for (const r of rows.withoutRoster) addTo(of(r["unit"]), key.tanpaRoster, num(r["n"]));

  const placed = rows.placed.map((f) => ({ kode_wilayah: String(f["kode_wilayah"]), kecamatan: str(f["kecamatan"]) }));
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
  const pop = populationResolver(populationByCode(rows.population as unknown as PopulationRow[], isoYear(q.as_of)), () => regionTree(placed));

  const names = new Map(rows.names.map((r) => [String(r["kode_wilayah"]), str(r["nama"])]));
  const nameOf = (code: string) => names.get(code) ?? regionName(code);
  const units: UnitSums[] = [];
  const total: Sums = {};
  for (const [kode, s] of sums) {
    const facility = facilities.get(kode) ?? null;
    units.push({ kode, facility, sums: s, ...describeUnit(q.level, kode, facility, pop, nameOf) });
    addSums(total, s);
  }
  return buildCoverage({
    query: q,
    standardSet: effectiveSetName(q.region, rows.rules),
    rules,
    units,
    total: { sums: total, penduduk: regionPopulation(q.region, pop) },
  });
}
