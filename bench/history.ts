/**
 * npm run bench:history — how history grows over 24 monthly national cycles, and coverage over it
 * (issue 15 item 4, SPEC §8 "history grows with change, not with size").
 *
 * The files come from scripts/national/history.ts (generated once, cached): the national model at
 * ≈ 1.5 million current staff rows, one local D1 file per province (SPEC §7) plus DB for tokens and
 * region codes, each month every regency's whole roster through the Worker's own upload SQL with 3 %
 * of rows changed (leavers, joiners, renewed licences), used bytes counted after each cycle. Then
 * `wrangler dev` binds DB and DB_11 … DB_96 to those files and times GET /v1/coverage for the largest
 * province and the country, at the latest date and a year back (median of BENCH_RUNS, default 7).
 *
 * Prints, each on its own line:
 *   bytes per later cycle: P% of the first   (median of cycles 2…n; their mean and the largest beside it)
 *   largest province database: N years under 10 GB   (10 GB less its size after cycle 1, over 12 × its mean monthly growth)
 *   one national database: N years under 10 GB       (the same for all provinces' bytes in one file)
 *   coverage with history: province N s, country N s                  (latest)
 *   coverage with history a year back (date): province N s, country N s
 *   computed afresh (the first asking after a change): province N s, country N s   (and a year back)
 *
 * Coverage answers are remembered per question on each database until a table they read changes
 * (worker/store/coverage-memo.ts): the first two coverage lines are the median of repeated askings,
 * the "afresh" lines the first asking, which computes every statement.
 *
 * HISTORY_CYCLES (default 24) and HISTORY_PROVINCES (e.g. "35": only those; the national lines then
 * add those only) make shorter runs; HISTORY_PARTS processes generate at once (default 2).
 */
import { addDaysIso } from "../shared/normalize/calendar";
import { startDev } from "../scripts/lib/wrangler";
import { ensureHistory, type HistoryRun } from "../scripts/national/history";
import { writeWranglerConfig } from "../scripts/national/province-files";
import { freePort, timeCoverage } from "../scripts/national/timing";

const CYCLES = Number(process.env["HISTORY_CYCLES"] ?? 24);
const ONLY = process.env["HISTORY_PROVINCES"]?.split(",").map((s) => s.trim()).filter(Boolean) ?? null;
const PARTS = Number(process.env["HISTORY_PARTS"] ?? 2);
const RUNS = Number(process.env["BENCH_RUNS"] ?? 7);
const LIMIT = 10e9;

/** Growth figures from the per-cycle byte counts. */
function growth(g: HistoryRun) {
  const provinces = Object.keys(g.bytes);
  const sum = (i: number) => provinces.reduce((s, p) => s + g.bytes[p]![i]!, 0);
  const n = g.rows.length;
  const first = sum(1) - sum(0);
  const later = Array.from({ length: n - 1 }, (_, i) => sum(i + 2) - sum(i + 1));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const years = (afterFirst: number, last: number) => (LIMIT - afterFirst) / (((last - afterFirst) / Math.max(1, n - 1)) * 12);
  const largest = provinces.reduce((a, b) => (g.bytes[b]![n]! > g.bytes[a]![n]! ? b : a));
  return {
    first,
    laterMedian: [...later].sort((a, b) => a - b)[Math.floor(later.length / 2)] ?? 0,
    laterMean: mean(later),
    laterMax: Math.max(...later),
    laterMaxAt: later.indexOf(Math.max(...later)) + 2,
    largest,
    largestYears: years(g.bytes[largest]![1]!, g.bytes[largest]![n]!),
    largestBytes: g.bytes[largest]![n]!,
    nationalYears: years(sum(1), sum(n)),
    nationalBytes: sum(n),
  };
}

async function main() {
  const log = (l: string) => console.log(l);
  const { dir: persistDir, run: g } = await ensureHistory({ cycles: CYCLES, provinces: ONLY, churn: 0.03 }, { parts: PARTS, log });
  const provinces = Object.keys(g.bytes);
  const gr = growth(g);
  const config = writeWranglerConfig(persistDir, ["DB", ...provinces.map((p) => `DB_${p}`)]);
  const dev = await startDev({ port: await freePort(), persistTo: persistDir, config });
  process.once("SIGINT", () => void dev.stop().then(() => process.exit(130)));
  const today = new Date().toISOString().slice(0, 10);
  const yearBack = addDaysIso(today, -365);
  const cov: Record<string, number> = {};
  try {
    for (const [name, at] of [["latest", today], ["back", yearBack]] as const) {
      // The country first: every database computes its part afresh (nothing is remembered yet).
      const c = await timeCoverage(`${dev.url}/v1/coverage?as_of=${at}`, g.token, RUNS);
      const p = await timeCoverage(`${dev.url}/v1/coverage?region=${gr.largest}&as_of=${at}`, g.token, RUNS);
      Object.assign(cov, { [`p-${name}`]: p.seconds, [`c-${name}`]: c.seconds, [`pf-${name}`]: p.fresh, [`cf-${name}`]: c.fresh });
    }
  } finally {
    await dev.stop();
  }
  const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
  const rows = g.rows[g.rows.length - 1]!;
  console.log(
    `\n${g.rows.length} monthly cycles from ${g.firstDay}, ${rows.toLocaleString("en")} current staff rows, ` +
      `${((g.changed.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, g.changed.length - 1) / rows) * 100).toFixed(1)}% changed a cycle, ` +
      `${provinces.length} province database${provinces.length === 1 ? "" : "s"}${ONLY ? ` (only ${ONLY.join(", ")})` : ""}; ` +
      `first cycle ${mb(gr.first)}, largest province ${gr.largest}: ${mb(gr.largestBytes)}, all ${mb(gr.nationalBytes)}; ` +
      `cycles took ${g.seconds.map((s) => s.toFixed(0)).join("/")} s in ${g.parts} processes; coverage median of ${RUNS} requests through wrangler dev\n`,
  );
  const pct = (b: number) => `${((b / gr.first) * 100).toFixed(1)}%`;
  console.log(`bytes per later cycle: ${pct(gr.laterMedian)} of the first (median; mean ${pct(gr.laterMean)}, largest ${pct(gr.laterMax)} in cycle ${gr.laterMaxAt})`);
  console.log(`largest province database: ${gr.largestYears.toFixed(1)} years under 10 GB`);
  console.log(`one national database: ${gr.nationalYears.toFixed(1)} years under 10 GB${ONLY ? ` (of the provinces run: ${ONLY.join(", ")})` : ""}`);
  console.log(`coverage with history: province ${cov["p-latest"]!.toFixed(3)} s, country ${cov["c-latest"]!.toFixed(3)} s`);
  // A run of fewer than 12 cycles starts after that date: nothing was recorded then.
  const noRoster = yearBack < g.firstDay ? ` (before the first cycle, ${g.firstDay}: no roster yet)` : "";
  console.log(`coverage with history a year back (${yearBack}): province ${cov["p-back"]!.toFixed(3)} s, country ${cov["c-back"]!.toFixed(3)} s${noRoster}`);
  console.log(`computed afresh (the first asking after a change): province ${cov["pf-latest"]!.toFixed(3)} s, country ${cov["cf-latest"]!.toFixed(3)} s`);
  console.log(`computed afresh a year back (${yearBack}): province ${cov["pf-back"]!.toFixed(3)} s, country ${cov["cf-back"]!.toFixed(3)} s${noRoster}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
