/**
 * The database files of bench:history (issue 15 item 4): monthly national cycles over one local D1
 * file per province, generated once and cached.
 *
 * The model of model.ts staffed to ≈ 1.5 M current rows (cycles.ts), one file per province plus DB
 * for tokens and region codes (province-files.ts, SPEC §7). Every month each regency uploads its
 * whole roster through the Worker's own upload SQL (write.ts uploadRoster: staging, person versions,
 * coverage refresh) with `churn` of its rows changed. After each cycle each file is checkpointed and
 * its used pages counted ((page_count − freelist_count) × page_size: the pages a staging frees are
 * reused by the next). Provinces are split over `parts` processes (each file is written by one).
 *
 *   tsx scripts/national/history.ts --part i/n   (run by ensureHistory; HISTORY_DIR, HISTORY_CYCLES, HISTORY_PROVINCES)
 *
 * Cached in the temp dir under a key of the selection, these sources and the migrations; a run of
 * another selection keeps its own cache.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { addMonthsIso } from "../../shared/normalize/calendar";
import type { Writer } from "../../worker/db/types";
import { runCycle, type FacilityStaff } from "./cycles";
import { sourcesKey } from "./cache-key";
import { SqliteD1 } from "./d1-sqlite";
import { geography, population, PROVINCES, type Regency } from "./model";
import { createDatabases, d1File } from "./province-files";
import { createAnalystToken, uploadRoster, writeFacilities, writePopulation } from "./write";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface HistorySelection {
  cycles: number;
  /** Province codes, or null for all 38. */
  provinces: string[] | null;
  /** Share of rows changed per cycle. */
  churn: number;
}

/** Per cycle, what was uploaded and what it cost; bytes per province file. */
export interface HistoryRun {
  /** as_of of the first cycle (yyyy-mm-dd); the others follow monthly. */
  firstDay: string;
  token: string;
  /** Used bytes per province: [before the first cycle, after cycle 1, …]. */
  bytes: Record<string, number[]>;
  rows: number[];
  changed: number[];
  /** Wall seconds per cycle (the slowest process's). */
  seconds: number[];
  parts: number;
}

/** The first cycle's as_of: monthly cycles ending in the month before today's. */
export function firstDayOf(cycles: number): string {
  return addMonthsIso(`${new Date().toISOString().slice(0, 7)}-01`, -cycles);
}

function selectionName(s: HistorySelection): string {
  return `${s.provinces?.join("-") ?? "all"}x${s.cycles}`;
}

function cacheKey(s: HistorySelection): string {
  return sourcesKey(`${selectionName(s)}|${s.churn}|${firstDayOf(s.cycles)}`, ["scripts/national/history.ts", "scripts/national/cycles.ts", "scripts/national/province-files.ts"]);
}

function regenciesOf(s: HistorySelection): Regency[] {
  return geography().filter((r) => !s.provinces || s.provinces.includes(r.kode.slice(0, 2)));
}

function provincesOf(regencies: readonly Regency[]): string[] {
  return PROVINCES.map(([p]) => p).filter((p) => regencies.some((r) => r.kode.startsWith(p)));
}

function usedBytes(db: DatabaseSync): number {
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const one = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, number>)[0]!;
  return (one("PRAGMA page_count") - one("PRAGMA freelist_count")) * one("PRAGMA page_size");
}

function open(file: string): { sqlite: DatabaseSync; db: Writer } {
  const sqlite = new DatabaseSync(file);
  // A rollback journal in memory and no fsync while generating: the files are rebuilt if it fails.
  sqlite.exec("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;");
  // The adapter has the subset of D1 the storage modules use; its statements are not D1's classes.
  return { sqlite, db: new SqliteD1(sqlite) as unknown as Writer };
}

/** Provinces split over `parts` processes, the largest first onto the least loaded. */
function split(regencies: readonly Regency[], provinces: readonly string[], parts: number): string[][] {
  const weight = (p: string) => regencies.filter((r) => r.kode.startsWith(p)).reduce((n, r) => n + r.facilities.length, 0);
  const out = Array.from({ length: parts }, () => ({ w: 0, ps: [] as string[] }));
  for (const p of [...provinces].sort((a, b) => weight(b) - weight(a))) {
    const least = out.reduce((a, b) => (b.w < a.w ? b : a));
    least.ps.push(p);
    least.w += weight(p);
  }
  return out.map((o) => o.ps).filter((ps) => ps.length > 0);
}

interface PartResult {
  bytes: Record<string, number[]>;
  rows: number[];
  changed: number[];
  seconds: number[];
}

/** One process's share: its provinces' masters, then every cycle of their regencies. */
async function runPart(dir: string, s: HistorySelection, mine: readonly string[], log: (l: string) => void): Promise<PartResult> {
  const regencies = regenciesOf(s).filter((r) => mine.includes(r.kode.slice(0, 2)));
  const pop = population(geography());
  const dbs = new Map<string, ReturnType<typeof open>>();
  const bytes: Record<string, number[]> = {};
  for (const p of mine) {
    const d = open(d1File(dir, `DB_${p}`));
    await writeFacilities(d.db, regencies.filter((r) => r.kode.startsWith(p)).flatMap((r) => r.facilities));
    await writePopulation(d.db, pop.filter((x) => x.kode_wilayah.startsWith(p)));
    dbs.set(p, d);
    bytes[p] = [usedBytes(d.sqlite)];
  }
  const staff = new Map<string, FacilityStaff>();
  const first = firstDayOf(s.cycles);
  const result: PartResult = { bytes, rows: [], changed: [], seconds: [] };
  for (let c = 0; c < s.cycles; c++) {
    const started = performance.now();
    const day = addMonthsIso(first, c);
    const { rows: n, changed } = await runCycle(regencies, staff, c, day, s.churn, (regency, u) => uploadRoster(dbs.get(regency.slice(0, 2))!.db, u));
    let grew = 0;
    for (const p of mine) {
      bytes[p]!.push(usedBytes(dbs.get(p)!.sqlite));
      grew += bytes[p]![c + 1]! - bytes[p]![c]!;
    }
    result.rows.push(n);
    result.changed.push(changed);
    result.seconds.push((performance.now() - started) / 1000);
    log(`cycle ${c + 1}/${s.cycles} (${day}) ${n.toLocaleString("en")} rows, ${changed.toLocaleString("en")} changed, +${(grew / 1e6).toFixed(1)} MB in ${result.seconds[c]!.toFixed(0)} s`);
  }
  for (const { sqlite } of dbs.values()) {
    sqlite.exec("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    sqlite.close();
  }
  return result;
}

function runChild(dir: string, s: HistorySelection, part: number, parts: number, log: (l: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), fileURLToPath(import.meta.url), "--part", `${part}/${parts}`], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, HISTORY_DIR: dir, HISTORY_CYCLES: String(s.cycles), HISTORY_PROVINCES: s.provinces?.join(",") ?? "", HISTORY_CHURN: String(s.churn) },
    });
    let buf = "";
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop()!;
      for (const l of lines) if (l.trim()) log(`history part ${part + 1}/${parts}: ${l}`);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`history part ${part + 1}/${parts} exited with ${code}`))));
  });
}

/**
 * The cached run of this selection, generated first if missing (every earlier run of the same
 * selection is removed: 39 files add up to gigabytes). `parts`: processes generating at once.
 */
export async function ensureHistory(s: HistorySelection, opts: { parts?: number; log?: (l: string) => void } = {}): Promise<{ dir: string; run: HistoryRun }> {
  const log = opts.log ?? (() => {});
  const prefix = `nakes-roster-history-${selectionName(s)}-`;
  const dir = join(tmpdir(), `${prefix}${cacheKey(s)}`);
  const done = join(dir, "history.json");
  if (existsSync(done)) {
    log(`history: cached at ${dir}`);
    return { dir, run: JSON.parse(readFileSync(done, "utf8")) as HistoryRun };
  }
  for (const old of readdirSync(tmpdir()).filter((d) => d.startsWith(prefix))) rmSync(join(tmpdir(), old), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const regencies = regenciesOf(s);
  const provinces = provincesOf(regencies);
  createDatabases(dir, ["DB", ...provinces.map((p) => `DB_${p}`)]);
  const national = open(d1File(dir, "DB"));
  await writeFacilities(national.db, []);
  const token = await createAnalystToken(national.db);
  national.sqlite.close();
  log(`history: ${regencies.reduce((n, r) => n + r.facilities.length, 0).toLocaleString("en")} facilities, ${provinces.length} province databases, ${s.cycles} cycles into ${dir}`);

  const groups = split(regencies, provinces, Math.max(1, opts.parts ?? 1));
  await Promise.all(groups.map((_, i) => runChild(dir, s, i, groups.length, log)));
  const parts = groups.map((_, i) => JSON.parse(readFileSync(join(dir, `part-${i}.json`), "utf8")) as PartResult);
  const add = (k: "rows" | "changed") => Array.from({ length: s.cycles }, (_, c) => parts.reduce((n, p) => n + p[k][c]!, 0));
  const run: HistoryRun = {
    firstDay: firstDayOf(s.cycles),
    token,
    bytes: Object.assign({}, ...parts.map((p) => p.bytes)) as Record<string, number[]>,
    rows: add("rows"),
    changed: add("changed"),
    seconds: Array.from({ length: s.cycles }, (_, c) => Math.max(...parts.map((p) => p.seconds[c]!))),
    parts: groups.length,
  };
  writeFileSync(done, JSON.stringify(run));
  return { dir, run };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf("--part");
  const [part, parts] = (process.argv[at + 1] ?? "").split("/").map(Number);
  const dir = process.env["HISTORY_DIR"];
  if (at < 0 || part === undefined || !parts || !dir) {
    console.error("usage: HISTORY_DIR=… tsx scripts/national/history.ts --part i/n (bench/history.ts runs it)");
    process.exit(2);
  }
  const provinces = process.env["HISTORY_PROVINCES"]?.split(",").filter(Boolean) ?? [];
  const s: HistorySelection = {
    cycles: Number(process.env["HISTORY_CYCLES"]),
    provinces: provinces.length > 0 ? provinces : null,
    churn: Number(process.env["HISTORY_CHURN"]),
  };
  const regencies = regenciesOf(s);
  const mine = split(regencies, provincesOf(regencies), parts)[part]!;
  runPart(dir, s, mine, (l) => console.log(l)).then(
    (r) => writeFileSync(join(dir, `part-${part}.json`), JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
