/**
 * SPEC §8: storing 100,000 rows through the Worker into local D1 is at least 10 × faster than one
 * INSERT per row. Starts its own `wrangler dev` of bench/worker (the API plus the naive path, which
 * the deployed Worker never has) on a free port with a fresh temporary --persist-to, then sends the
 * same generated roster through both paths in the same run:
 *
 *   set-based  POST /v1/rosters              the real upload (chunked INSERT … SELECT FROM json_each,
 *                                            staged batches, one small commit, coverage refresh)
 *   naive      POST /bench/naive-insert      same parse and validation, then one awaited INSERT per row
 *
 * Both answer a Server-Timing header splitting "check" (parse, validate, diff) from "store"; the
 * storage ratio is the target, the end-to-end ratio is printed beside it. Beside them, the floor
 * (SPEC §8, issue 15): the same rows through a raw SQLite json_each insert into the same schema
 * (bench/floor.ts); `floor ratio` is the Worker's storage speed over the floor's (target ≥ 0.5).
 * Printed with it, for an honest reading: the floor with the rows in key order (as the Worker sends
 * them), the same raw insert through the Worker's own D1 binding (bench/worker/floor-d1.ts), and where
 * "store" goes (bench/worker/timed-db.ts): staging batches, the final batch's slowest statements —
 * the person versions and coverage aggregates the floor does not write — and the Worker's own time.
 *
 *   npm run bench:upload [-- --rows 100000 --keep --skip-naive]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateRoster, mukomukoFacilities } from "../fixtures/demo";
import { newToken, prepareLocalDatabase } from "../scripts/lib/local-db";
import { root, startDev } from "../scripts/lib/wrangler";
import { sqliteFloorMs } from "./floor";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 100_000);
/** --skip-naive: the floor ratio only, without the naive path's many minutes (no storage ratio then). */
const SKIP_NAIVE = process.argv.includes("--skip-naive");
const TARGET = 10;
const FLOOR_TARGET = 0.5;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Timed {
  status: number;
  wallMs: number;
  checkMs: number;
  storeMs: number;
  /** Every Server-Timing entry by name, ms (the benchmark Worker adds its write batches' split: bench/worker/timed-db.ts). */
  timing: Map<string, number>;
  /** The desc of each Server-Timing entry that has one. */
  desc: Map<string, string>;
  body: string;
}

/**
 * One timed POST. wrangler dev reloads the Worker when a source file changes (another editor at work)
 * and answers 503 to the request it cut off: that request is sent again (the upload carries an
 * Idempotency-Key, so a retry never stores twice).
 */
async function post(url: string, token: string, body: string, headers: Record<string, string> = {}): Promise<Timed> {
  for (let attempt = 1; ; attempt++) {
    const t = await postOnce(url, token, body, headers);
    if (t.status !== 503 || attempt === 3) return t;
    console.log(`(the Worker was reloaded mid-request; sending again)`);
  }
}

/** node:http rather than fetch: the naive path answers after many minutes, past fetch's header timeout. */
function postOnce(url: string, token: string, body: string, headers: Record<string, string>): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = httpRequest(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers },
    });
    req.on("response", (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        const timing = new Map<string, number>();
        const desc = new Map<string, string>();
        for (const m of String(res.headers["server-timing"] ?? "").matchAll(/([\w-]+);dur=(\d+(?:\.\d+)?)(?:;desc="([^"]*)")?/g)) {
          timing.set(m[1]!, Number(m[2]));
          if (m[3] !== undefined) desc.set(m[1]!, m[3]);
        }
        const dur = (name: string) => timing.get(name) ?? NaN;
        resolve({ status: res.statusCode ?? 0, wallMs: performance.now() - t0, checkMs: dur("check"), storeMs: dur("store"), timing, desc, body: Buffer.concat(parts).toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} rows/s`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * What the set-based "store" holds, from the benchmark Worker's Server-Timing (bench/worker/timed-db.ts):
 * the wall time of its write batches (the staging batches, then the final batch), the SQL time of each
 * part inside them, and the rest (building the JSON chunks in the Worker, transport to the database).
 * The floor writes only the staff rows; the Worker also writes what a reader needs the moment the
 * upload is current: person versions, roster versions and pointers, coverage aggregates, the upload's
 * record and issues, the Idempotency-Key's answer.
 */
function printStoreSplit(t: Timed): void {
  const ms = (name: string) => t.timing.get(name) ?? NaN;
  const batches = ms("d1-batches");
  const final = ms("d1-final");
  if (!Number.isFinite(batches)) return;
  console.log(`where "store" goes (set-based; SQL time as D1 reports it per statement):`);
  console.log(`  staging batches  ${secs(batches - final).padStart(8)}   SQL of the row INSERTs ${secs(ms("sql-staging"))}`);
  console.log(`  final batch      ${secs(final).padStart(8)}   SQL: person versions ${secs(ms("sql-persons"))}, coverage aggregates ${secs(ms("sql-coverage"))}, roster versions ${secs(ms("sql-versions"))}, other ${secs(ms("sql-other"))}`);
  for (let i = 1; t.timing.has(`final-${i}`); i++) console.log(`      ${secs(ms(`final-${i}`)).padStart(8)}  ${t.desc.get(`final-${i}`) ?? ""}…`);
  console.log(`  outside batches  ${secs(t.storeMs - batches).padStart(8)}   (the JSON chunks built in the Worker, between batches)`);
  console.log(`  (beyond the floor's rows the Worker writes, in the same final batch: person and roster versions, coverage aggregates, the upload's record)`);
}

async function main(): Promise<void> {
  const persistTo = mkdtempSync(join(tmpdir(), "nakes-bench-upload-"));
  const port = await freePort();
  console.log(`local D1 in ${persistTo}; wrangler dev on port ${port}`);
  const admin = await newToken({ role: "admin", scope: "17", name: "bench" });
  await prepareLocalDatabase({ persistTo }, admin.sql);
  // The benchmark's own Worker: the API plus the naive path (bench/worker), never in the deployed one.
  const dev = await startDev({ port, persistTo, config: join(root, "bench", "worker", "wrangler.jsonc") });
  try {
    // Training rows off: both paths then store exactly the same 100,000 staff rows.
    const roster = generateRoster({ rows: ROWS, seed: 8, asOf: "2026-11-01", facilities: mukomukoFacilities, pelatihan: false });
    const payload = JSON.stringify(roster);
    console.log(`roster: ${ROWS.toLocaleString("en-US")} rows, ${(payload.length / 1e6).toFixed(1)} MB of JSON, ${mukomukoFacilities.length} facilities`);

    // Warm-up: both code paths compiled and the database files touched.
    const warm = JSON.stringify(generateRoster({ rows: 500, seed: 9, asOf: "2026-11-01", facilities: mukomukoFacilities, pelatihan: false }));
    await post(`${dev.url}/v1/rosters`, admin.token, warm);
    if (!SKIP_NAIVE) await post(`${dev.url}/bench/naive-insert`, admin.token, warm);

    // The floor (the rows as sent, SPEC §8) just before and just after the set-based upload, so the two
    // see the same load (the naive path, minutes long, comes after); beside it the same rows in key
    // order, as the Worker sends them (store/nakes.ts insertNakesSql): the best raw SQLite does. Of
    // each pair the faster counts: a load that changes during the run never flatters the Worker.
    const migrations = join(root, "worker", "migrations");
    // And the raw insert on the Worker's own engine, through its D1 binding into the same database
    // (bench/worker/floor-d1.ts; its rows are deleted before the upload).
    const d1Floor = await post(`${dev.url}/bench/floor-d1?order=key`, admin.token, payload);
    if (d1Floor.status !== 200) throw new Error(`the D1 floor failed (${d1Floor.status}): ${d1Floor.body.slice(0, 500)}`);
    const d1FloorMs = d1Floor.timing.get("floor") ?? NaN;
    const floorBefore = sqliteFloorMs(roster, migrations);
    const keyBefore = sqliteFloorMs(roster, migrations, { keyOrder: true });
    const bulk = await post(`${dev.url}/v1/rosters`, admin.token, payload, { "Idempotency-Key": crypto.randomUUID() });
    if (bulk.status !== 201) throw new Error(`the upload was refused (${bulk.status}): ${bulk.body.slice(0, 500)}`);
    const floorAfter = sqliteFloorMs(roster, migrations);
    const keyAfter = sqliteFloorMs(roster, migrations, { keyOrder: true });
    const floorMs = Math.min(floorBefore, floorAfter);
    const keyFloorMs = Math.min(keyBefore, keyAfter);
    const stored = (JSON.parse(bulk.body) as { stored: { nakes: number } }).stored.nakes;
    console.log(`set-based: ${bulk.status}, ${stored.toLocaleString("en-US")} rows stored in one upload`);

    const naive = SKIP_NAIVE ? null : await post(`${dev.url}/bench/naive-insert`, admin.token, payload);
    if (naive && naive.status !== 200) throw new Error(`the naive path failed (${naive.status}): ${naive.body.slice(0, 500)}`);

    const floorRatio = floorMs / bulk.storeMs;
    console.log("");
    console.log(`                 storage (Server-Timing "store")     end to end (request sent → answer)`);
    console.log(`set-based        ${secs(bulk.storeMs).padStart(8)}  ${rate(ROWS, bulk.storeMs).padStart(16)}        ${secs(bulk.wallMs).padStart(8)}  ${rate(ROWS, bulk.wallMs).padStart(16)}`);
    if (naive) console.log(`one INSERT/row   ${secs(naive.storeMs).padStart(8)}  ${rate(ROWS, naive.storeMs).padStart(16)}        ${secs(naive.wallMs).padStart(8)}  ${rate(ROWS, naive.wallMs).padStart(16)}`);
    console.log(`raw SQLite floor ${secs(floorMs).padStart(8)}  ${rate(ROWS, floorMs).padStart(16)}        (INSERT … SELECT FROM json_each, same schema, no Worker; rows as sent; the faster of ${secs(floorBefore)} before the upload and ${secs(floorAfter)} after)`);
    console.log(`  in key order   ${secs(keyFloorMs).padStart(8)}  ${rate(ROWS, keyFloorMs).padStart(16)}        (the same rows sorted by facility and row, as the Worker sends them; ${secs(keyBefore)} before, ${secs(keyAfter)} after)`);
    console.log(`D1 floor         ${secs(d1FloorMs).padStart(8)}  ${rate(ROWS, d1FloorMs).padStart(16)}        (the same raw insert, key order, through this Worker's D1 binding in one batch: the engine the upload writes to)`);
    console.log(`(parse + validate + diff: ${secs(bulk.checkMs)} set-based${naive ? `, ${secs(naive.checkMs)} naive; the same work on both paths` : ""})`);
    console.log("");
    printStoreSplit(bulk);
    console.log("");
    if (naive) {
      const storeRatio = naive.storeMs / bulk.storeMs;
      console.log(`storage ratio: ${storeRatio.toFixed(1)}× faster (target ≥ ${TARGET}×) ${storeRatio >= TARGET ? "OK" : "BELOW TARGET"}`);
      if (storeRatio < TARGET) process.exitCode = 1;
    } else console.log(`storage ratio: not measured (--skip-naive)`);
    console.log(`floor ratio: ${floorRatio.toFixed(2)} (target ≥ ${FLOOR_TARGET}) ${floorRatio >= FLOOR_TARGET ? "OK" : "BELOW TARGET"}`);
    console.log(`floor ratio against the key-order floor: ${(keyFloorMs / bulk.storeMs).toFixed(2)}; against the D1 floor: ${(d1FloorMs / bulk.storeMs).toFixed(2)}`);
    if (naive) console.log(`end-to-end ratio: ${(naive.wallMs / bulk.wallMs).toFixed(1)}×`);
    if (floorRatio < FLOOR_TARGET || stored !== ROWS) process.exitCode = 1;
  } finally {
    await dev.stop();
    if (!process.argv.includes("--keep")) rmSync(persistTo, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
