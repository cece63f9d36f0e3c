/**
 * npm run bench:tindak-lanjut — the action lists and the placement plan (SPEC §9, issue 16) over a
 * province of the national-scale database on local D1.
 *
 * Generates (or reuses) the national database of scripts/generate-national.ts (as bench:coverage
 * does), stores an uploader token for the province, starts `wrangler dev` against it and times
 * GET /v1/tindak-lanjut for each list (JSON and, for the longest, CSV) and POST /v1/penempatan for the
 * province: the median of several full HTTP requests through the Worker after a warm-up.
 * Target (issue 16): each list under 0.3 s.
 *
 *   npm run bench:tindak-lanjut            BENCH_PROVINCE=32 BENCH_RUNS=7 by default
 *   BENCH_PLAN=1 npm run bench:tindak-lanjut   also: each list's statements on the generated file
 *                                              (node:sqlite): SQLite's plan, the time, the rows
 */
import { readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { ensureNationalDatabase } from "../scripts/generate-national";
import { SqliteD1 } from "../scripts/national/d1-sqlite";
import { newToken, runScript } from "../scripts/lib/local-db";
import { startDev } from "../scripts/lib/wrangler";
import { listKindSchema } from "../shared/api/tindak-lanjut";
import { todayIn } from "../shared/normalize/today";
import { listWindows } from "../shared/tindak-lanjut/lists";
import { latestTmtEndingBy, listNeeds } from "../shared/tindak-lanjut/selection";
import { addMonthsIso } from "../shared/normalize/calendar";
import { PLACEMENT_HORIZON_MONTHS, TERM_STATUSES } from "../shared/tindak-lanjut/rules";
import type { StatusKepegawaian } from "../shared/reference/codes";
import { readListFacts, readPlacementFacts } from "../worker/store/tindak-lanjut";
import { freePort } from "../tests/support/api-server";

const RUNS = Number(process.env["BENCH_RUNS"] ?? 7);
const PROVINCE = process.env["BENCH_PROVINCE"] ?? "32";
const TARGET_S = 0.3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Case {
  name: string;
  path: string;
  init: RequestInit;
  /** Rows in the answer, for the printout. */
  count: (body: string) => number;
}

/** "read;dur=120" → { read: 120 } (ms; the Worker's Server-Timing). */
function serverTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of (header ?? "").matchAll(/(\w+);dur=([\d.]+)/g)) out[m[1]!] = Number(m[2]);
  return out;
}

async function time(base: string, c: Case): Promise<{ seconds: number; rows: number; bytes: number; read: number }> {
  const once = async () => {
    const t = performance.now();
    const res = await fetch(`${base}${c.path}`, c.init);
    const body = await res.text();
    const seconds = (performance.now() - t) / 1000;
    if (!res.ok) throw new Error(`${res.status} ${c.path}: ${body.slice(0, 500)}`);
    return { seconds, body, timing: serverTiming(res.headers.get("server-timing")) };
  };
  const first = await once(); // warm-up: isolate start, SQLite page cache
  const samples: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once());
  const med = (f: (s: (typeof samples)[number]) => number) => median(samples.map(f));
  return {
    seconds: med((s) => s.seconds),
    rows: c.count(first.body),
    bytes: first.body.length,
    read: med((s) => s.timing["read"] ?? NaN) / 1000,
  };
}

/**
 * Where a list's read goes (issue 16): the Worker's own statements (worker/store/tindak-lanjut.ts) run
 * on the generated D1 file through node:sqlite, each printed with SQLite's EXPLAIN QUERY PLAN, its time
 * and its rows. The SQLite of node, not of workerd: the plans are the same, the times only comparable
 * with each other.
 */
async function printPlans(persistDir: string, asOf: string): Promise<void> {
  const dir = join(persistDir, "v3", "d1", "miniflare-D1DatabaseObject");
  const sqlite = new DatabaseSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")!), { readOnly: true });
  const d1 = new SqliteD1(sqlite);
  const batch = d1.batch.bind(d1);
  d1.batch = async (statements) => {
    for (const s of statements) {
      const params = (s as unknown as { params: SQLInputValue[] }).params;
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...params) as { detail: string }[];
      const t = performance.now();
      const rows = sqlite.prepare(s.sql).all(...params).length;
      console.log(`  ${(performance.now() - t).toFixed(0).padStart(5)} ms ${String(rows).padStart(6)} rows  ${s.sql.replace(/\s+/g, " ").slice(0, 60)}…`);
      // The facility CTE's own lines (the dated master's correlated lookups) are the same in every statement.
      for (const p of plan) if (/SEARCH (n|p|v|q)\b|SCAN (n|p|v)\b/.test(p.detail)) console.log(`          ${p.detail}`);
    }
    return batch(statements);
  };
  for (const list of listKindSchema.options) {
    console.log(`list ${list}`);
    await readListFacts(d1 as never, { region: PROVINCE, scope: PROVINCE, asOf, ...listNeeds(list, listWindows(asOf)) });
  }
  console.log("penempatan");
  const tmtUntil = latestTmtEndingBy(addMonthsIso(asOf, PLACEMENT_HORIZON_MONTHS));
  await readPlacementFacts(d1 as never, PROVINCE, asOf, { statuses: [...TERM_STATUSES.keys()] as StatusKepegawaian[], tmtUntil });
  sqlite.close();
}

async function main() {
  const db = await ensureNationalDatabase({ log: (l) => console.log(l) });
  if (process.env["BENCH_PLAN"] === "1") await printPlans(db.persistDir, todayIn(PROVINCE));
  const token = await newToken({ role: "uploader", scope: PROVINCE, name: "bench tindak-lanjut" });
  await runScript(token.sql, { persistTo: db.persistDir });
  const port = await freePort();
  console.log(`wrangler dev on 127.0.0.1:${port} (persist ${db.persistDir})`);
  const dev = await startDev({ port, persistTo: db.persistDir });
  process.once("SIGINT", () => void dev.stop().finally(() => process.exit(130)));
  try {
    const asOf = todayIn(PROVINCE);
    const auth = { authorization: `Bearer ${token.token}` };
    const jsonRows = (body: string) => (JSON.parse(body) as { rows: unknown[] }).rows.length;
    const csvRows = (body: string) => body.trimEnd().split("\r\n").length - 1;
    const cases: Case[] = listKindSchema.options.map((list) => ({
      name: `list ${list}`,
      path: `/v1/tindak-lanjut?list=${list}&region=${PROVINCE}&as_of=${asOf}`,
      init: { headers: auth },
      count: jsonRows,
    }));
    cases.push({
      name: "list pelatihan as CSV",
      path: `/v1/tindak-lanjut?list=pelatihan&region=${PROVINCE}&as_of=${asOf}`,
      init: { headers: { ...auth, accept: "text/csv" } },
      count: csvRows,
    });
    cases.push({
      name: "penempatan 100 DOKTER",
      path: "/v1/penempatan",
      init: {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ region: PROVINCE, jenis_tenaga: "DOKTER", jumlah: 100, as_of: asOf }),
      },
      count: jsonRows,
    });
    console.log(
      `\ntindak lanjut for province ${PROVINCE} as of ${asOf}, national model of ${db.stats.facilities.toLocaleString("en")} facilities, ` +
        `${db.stats.staffRows.toLocaleString("en")} staff rows; median of ${RUNS} runs, full HTTP requests; ` +
        `load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${cpus().length} cores (the machine is shared: compare ratios)\n`,
    );
    for (const c of cases) {
      const r = await time(dev.url, c);
      const verdict = r.seconds < TARGET_S ? "ok" : "OVER TARGET";
      console.log(
        `${c.name.padEnd(26)} ${r.seconds.toFixed(3).padStart(7)} s   target < ${TARGET_S} s  ${verdict}  (${(r.seconds / TARGET_S).toFixed(2)} of target; ${r.rows.toLocaleString("en")} rows, ${(r.bytes / 1024).toFixed(0)} KB` +
          // Workers' clock stands still while code runs (it moves on I/O), so only the read is timed inside.
          `${Number.isNaN(r.read) ? "" : `; D1 read ${r.read.toFixed(3)} s, the rest rules + JSON + HTTP`})`,
      );
    }
  } finally {
    await dev.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
