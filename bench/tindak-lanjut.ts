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
 */
import { ensureNationalDatabase } from "../scripts/generate-national";
import { newToken, runScript } from "../scripts/lib/local-db";
import { startDev } from "../scripts/lib/wrangler";
import { listKindSchema } from "../shared/api/tindak-lanjut";
import { todayIn } from "../shared/normalize/today";
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

async function main() {
  const db = await ensureNationalDatabase({ log: (l) => console.log(l) });
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
        `${db.stats.staffRows.toLocaleString("en")} staff rows; median of ${RUNS} runs, full HTTP requests\n`,
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
