/**
 * npm run bench:fold — coverage's fold (rows → response, worker/coverage/read.ts foldCoverage, the
 * arithmetic of shared/coverage) against JSON.parse of the same rows, measured side by side in one
 * run (issue 15; SPEC §8: a remembered province answer under 0.05 s, of which parsing the
 * remembered rows is the floor). For the province (Jawa Timur by regency: 38 units), the country
 * (38 province databases' rows, bench/fold-rows.ts countryRows: 38 copies of the largest province,
 * so more rows than the country has) and the province by facility (1,591 units): each the median of
 * BENCH_RUNS (default 25, at least 20) runs after a warm-up, parse and fold alternated.
 * Reads the database of bench/fold-rows.ts (Jawa Timur after 24 cycles; generated once and cached).
 */
import type { ResolvedQuery } from "../shared/coverage/build";
import { foldCoverage } from "../worker/coverage/read";
import type { CoverageRows } from "../worker/coverage/read-sql";
import { countryRows, openFoldDb, rowsOf } from "./fold-rows";

const RUNS = Math.max(20, Number(process.env["BENCH_RUNS"] ?? 25));
const WARM = 30;
const AS_OF = "2026-11-30";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

function measure(name: string, q: ResolvedQuery, rows: CoverageRows): void {
  const json = JSON.stringify(rows);
  const parse: number[] = [];
  const fold: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARM + RUNS; i++) {
    const t0 = performance.now();
    const parsed = JSON.parse(json) as CoverageRows;
    const t1 = performance.now();
    const out = foldCoverage(q, parsed);
    const t2 = performance.now();
    bytes = JSON.stringify(out).length;
    if (i < WARM) continue;
    parse.push(t1 - t0);
    fold.push(t2 - t1);
  }
  const f = median(fold);
  const p = median(parse);
  console.log(`${name} (${Math.round(json.length / 1024)} KB of rows → ${Math.round(bytes / 1024)} KB): fold: ${f.toFixed(1)} ms, JSON.parse of its rows: ${p.toFixed(1)} ms, ratio ${(f / p).toFixed(1)}`);
}

const db = await openFoldDb();
{
  const province: ResolvedQuery = { level: "regency", region: "35", as_of: AS_OF, jenis_tenaga: null };
  const country: ResolvedQuery = { level: "province", region: null, as_of: AS_OF, jenis_tenaga: null };
  const facilities: ResolvedQuery = { level: "facility", region: "35", as_of: AS_OF, jenis_tenaga: null };
  measure("province 35 by regency", province, rowsOf(db, province));
  measure("country by province", country, countryRows(rowsOf(db, country), "35"));
  measure("province 35 by facility", facilities, rowsOf(db, facilities));
  console.log(`median of ${RUNS} runs after ${WARM} warm-up; load ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}
