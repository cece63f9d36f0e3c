/**
 * SPEC §8 (issue 11): validating a 100,000-row roster costs at most 2 × a JSON.parse of the same
 * payload. The messy roster is written as facilities' own sheets hold it: serial and text dates,
 * aliases, spaced NIKs, header hints, placeholders, a totals row and a signature block.
 * Both are timed side by side in one process (warm-up, then alternating repetitions, medians), so
 * the ratio holds on a noisy machine where absolute times do not.
 *
 *   npm run bench:validate [-- --rows 100000 --reps 7 --clean]
 */
import { availableParallelism, loadavg } from "node:os";
import { demoFacilityFacts, generateRoster, mukomukoFacilities } from "../fixtures/demo";
import type { RosterRequest } from "../shared/schema/roster";
import { validateRoster } from "../shared/validate/roster";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 100_000);
const REPS = arg("reps", 7);
const messy = !process.argv.includes("--clean");

const TARGET = 2;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

console.log(`generating ${ROWS.toLocaleString("en-US")} rows (${messy ? "messy: serials, dd/mm/yyyy, aliases, spaced NIKs, header hints, placeholders, totals and signature rows" : "clean"})…`);
const roster = generateRoster({ rows: ROWS, seed: 36, asOf: "2026-11-01", messy, sheet: messy, facilities: mukomukoFacilities });
const payload = JSON.stringify(roster);
const ctx = { asOf: "2026-11-01", facilities: demoFacilityFacts(), scope: "1706", storedNiks: new Set<string>() };
console.log(`payload ${(payload.length / 1e6).toFixed(1)} MB, ${roster.pelatihan?.rows.length ?? 0} pelatihan rows`);

// Warm-up: let the JIT settle on both paths.
let sink = 0;
for (let i = 0; i < 2; i++) {
  const parsed = JSON.parse(payload) as RosterRequest;
  sink += validateRoster(parsed, ctx).issues.length;
}

const parseTimes: number[] = [];
const validateTimes: number[] = [];
let result: ReturnType<typeof validateRoster> | null = null;
for (let i = 0; i < REPS; i++) {
  let parsed: RosterRequest | null = null;
  parseTimes.push(time(() => (parsed = JSON.parse(payload) as RosterRequest)));
  validateTimes.push(time(() => (result = validateRoster(parsed!, ctx))));
}

const p = median(parseTimes);
const v = median(validateTimes);
const ratio = v / p;
const rate = (ms: number) => Math.round((ROWS / ms) * 1000).toLocaleString("en-US");
const r = result as ReturnType<typeof validateRoster> | null;
console.log(`issues: ${r?.counts.error} errors, ${r?.counts.warning} warnings, ${r?.counts.info} info; ${r?.nakes.length} records (warm-up saw ${sink} issues)`);
console.log(`JSON.parse       median ${p.toFixed(1)} ms  (${rate(p)} rows/s)`);
console.log(`validateRoster   median ${v.toFixed(1)} ms  (${rate(v)} rows/s)`);
console.log(`ratio validate / JSON.parse = ${ratio.toFixed(2)} (target ≤ ${TARGET}) ${ratio <= TARGET ? "OK" : "OVER TARGET"}`);
// The ratio moves with other work on the machine: say how busy it was, so a reading can be judged.
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
if (ratio > TARGET) process.exitCode = 1;
