/**
 * npm run bench:coverage — coverage over a national-scale database on local D1.
 *
 * Generates (or reuses, cached by generator version and migrations) the national database of
 * scripts/generate-national.ts, starts `wrangler dev` on a free port against it, and times
 * GET /v1/coverage for one province and for the whole country, at the latest date and at a past
 * date: the median of several runs after a warm-up, each a full HTTP request through the Worker,
 * answered from what the databases remembered (store/coverage-memo.ts); beside it the first asking,
 * which computes the answer afresh.
 * SPEC §8 targets on local D1: a province under 0.05 s, the country under 0.3 s (bench:history times
 * them over 24 monthly cycles of history, one database per province).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureNationalDatabase } from "../scripts/generate-national";
import { freePort, timeCoverage } from "../scripts/national/timing";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env["BENCH_RUNS"] ?? 7);
const PROVINCE = process.env["BENCH_PROVINCE"] ?? "32";
const PAST = "2025-09-01";

async function startWorker(persistDir: string, port: number): Promise<ChildProcess> {
  // Its own process group, so stopping it stops wrangler's workerd children too.
  const child = spawn(
    "npx",
    ["wrangler", "dev", "-c", "worker/wrangler.jsonc", "--local", "--persist-to", persistDir, "--port", String(port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false"],
    { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" } },
  );
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v1/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop(child);
  throw new Error(`wrangler dev did not answer within 120 s:\n${log}`);
}

function stop(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function main() {
  const db = await ensureNationalDatabase({ log: (l) => console.log(l) });
  const port = await freePort();
  console.log(`wrangler dev on 127.0.0.1:${port} (persist ${db.persistDir})`);
  const worker = await startWorker(db.persistDir, port);
  const cleanup = () => stop(worker);
  process.once("SIGINT", () => (cleanup(), process.exit(130)));
  try {
    const today = new Date().toISOString().slice(0, 10);
    const base = `http://127.0.0.1:${port}/v1/coverage`;
    const cases = [
      { name: `province ${PROVINCE} by regency, latest (${today})`, url: `${base}?region=${PROVINCE}&as_of=${today}`, target: 0.05 },
      { name: `province ${PROVINCE} by regency, past (${PAST})`, url: `${base}?region=${PROVINCE}&as_of=${PAST}`, target: 0.05 },
      { name: `country by province, latest (${today})`, url: `${base}?as_of=${today}`, target: 0.3 },
      { name: `country by province, past (${PAST})`, url: `${base}?as_of=${PAST}`, target: 0.3 },
    ];
    console.log(
      `\ncoverage over ${db.stats.facilities.toLocaleString("en")} facilities (${db.stats.puskesmas.toLocaleString("en")} puskesmas), ` +
        `${db.stats.staffRows.toLocaleString("en")} staff rows in ${db.stats.uploads.toLocaleString("en")} uploads; median of ${RUNS} runs\n`,
    );
    for (const c of cases) {
      const r = await timeCoverage(c.url, db.token, RUNS);
      const verdict = r.seconds < c.target ? "ok" : "OVER TARGET";
      console.log(
        `${c.name.padEnd(48)} ${r.seconds.toFixed(3).padStart(7)} s   target < ${c.target} s  ${verdict}  (${(r.seconds / c.target).toFixed(2)} of target; ${r.units} rows, ${(r.bytes / 1024).toFixed(0)} KB; ` +
          `computed afresh ${r.fresh.toFixed(3)} s)`,
      );
    }
  } finally {
    cleanup();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
