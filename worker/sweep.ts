import type { Bindings } from "./env";
import { allDatabases } from "./db/region";
import { prepare } from "./db/limits";
import type { Writer } from "./db/types";
import { discardUpload } from "./rosters/commit";
import { reconcileIndex } from "./rosters/identifier-index";
import { warmCoverage } from "./coverage/warm";
import { configOf } from "./config";
import { sweepExpiredKeysSql } from "./store/idempotency";
import { expiredUploads } from "./store/upload-leases";

/** Keys per statement pair, uploads per listing: each step stays far under D1's 30 s per query. */
const KEYS_PER_STEP = 1000;
const UPLOADS_PER_STEP = 20;
/** One run stops after this long and leaves the rest to the next (a Cron Trigger may run 15 min; D1 calls are what cost). */
const RUN_BUDGET_MS = 60_000;

export interface SweepReport {
  keys: number;
  uploads: number;
}

export interface SweepAllReport extends SweepReport {
  /** Facilities whose identifier-index rows were rebuilt (rosters/identifier-index.ts). */
  indexed: number;
  /** Coverage questions answered ahead (coverage/warm.ts). */
  warmed: number;
}

/**
 * The scheduled job of SPEC §7 Access and issue 10 item 5, on one database: deletes Idempotency-Keys
 * past their 24 h expiry with their stored answers and key routes (idempotency_routes, in DB), and uncommitted uploads whose lease ended (a
 * crashed upload's staged rows, a dry run's staging past 24 h) with their rows. Runs from the Cron
 * Trigger only (worker/index.ts `scheduled`), never inside a user's request.
 */
export async function sweepDatabase(db: Writer, now: Date): Promise<SweepReport> {
  const at = now.toISOString();
  const deadline = Date.now() + RUN_BUDGET_MS;
  const report: SweepReport = { keys: 0, uploads: 0 };
  for (;;) {
    const [, keys, routes] = await db.batch(sweepExpiredKeysSql(at, KEYS_PER_STEP).map((s) => prepare(db, s)));
    const n = keys?.meta.changes ?? 0;
    report.keys += n;
    // DB holds a national token's key routes while the keys lie in province databases: go on while either is full.
    if (Math.max(n, routes?.meta.changes ?? 0) < KEYS_PER_STEP || Date.now() > deadline) break;
  }
  for (;;) {
    const ids = await expiredUploads(db, at, UPLOADS_PER_STEP);
    for (const id of ids) await discardUpload(db, id);
    report.uploads += ids.length;
    if (ids.length < UPLOADS_PER_STEP || Date.now() > deadline) break;
  }
  return report;
}

/**
 * The sweep over every database of the deployment (DB and the per-province DB_xx, db/region.ts), then
 * the reconciliation of the national identifier index (SPEC §7): per province with a database of its
 * own, the index rows of the facilities of uploads committed since the last reconciled one are rebuilt
 * from the province's current rosters. So a cross-province duplicate goes unseen at most from a
 * province commit until its index write (the same request, right after the commit), or — when that
 * write failed — until the next run of this job (Cron every 15 minutes, plus the run itself);
 * rosters/identifier-index.ts states the window in full. Last, today's most asked coverage questions
 * are answered ahead where nothing is remembered for them (coverage/warm.ts).
 */
export async function sweepAll(env: Bindings, now: Date): Promise<SweepAllReport> {
  const total: SweepAllReport = { keys: 0, uploads: 0, indexed: 0, warmed: 0 };
  for (const db of allDatabases(env)) {
    const r = await sweepDatabase(db, now);
    total.keys += r.keys;
    total.uploads += r.uploads;
  }
  total.indexed = (await reconcileIndex(env, now, Date.now() + RUN_BUDGET_MS)).facilities;
  try {
    // The Worker's clock, as a request reads it (config NOW under wrangler dev --var), so the answers are for the day asked.
    total.warmed = await warmCoverage(env, configOf(env).now ?? now.getTime(), Date.now() + RUN_BUDGET_MS);
  } catch (e) {
    // Answering ahead only saves an analyst's wait; the sweep's own work above is done.
    console.warn(JSON.stringify({ level: "warn", job: "sweep", warm: e instanceof Error ? e.message : String(e) }));
  }
  console.log(JSON.stringify({ level: "info", job: "sweep", at: now.toISOString(), ...total }));
  return total;
}
