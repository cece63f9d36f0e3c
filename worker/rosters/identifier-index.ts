import type { Bindings } from "../env";
import { D1_LIMITS, prepare } from "../db/limits";
import { dbFor, hasOwnDatabase, provinceOf, provincesWithOwnDatabase } from "../db/region";
import type { Reader } from "../db/types";
import { findIndexed, indexMark, replaceIndexedSql, setIndexMarkSql, type IndexMark } from "../store/identifier-index";
import { currentIdentitiesOf, findIdentities, type StoredIdentity } from "../store/nakes";
import { facilitiesOfUploads, uploadsCommittedAfter } from "../store/uploads";

/**
 * The national identifier index (SPEC §7, issue 15 item 3): the identifiers of the current rosters of
 * provinces with a database of their own, kept in the national database (DB) so that the cross-province
 * rules of SPEC §5 (nik.multi_facility, nip.duplicate, str.duplicate, nip.elsewhere) need not read every
 * province's database.
 *
 * The window in which a cross-province duplicate can go unseen: a roster committed in province A is
 * seen by checks of province B once its index rows are written — right after A's commit, in the same
 * request (`indexAfterCommit`; milliseconds). If that write fails (it never fails the upload), the
 * scheduled job (`reconcileIndex`, every 15 minutes by the Cron Trigger) copies it at its next run: within 15 minutes plus the
 * run. Two uploads in different provinces whose checks both run before either's index write do not see
 * each other; the duplicate is then found by the next dry run or upload of either facility.
 */

type Ids = { niks: Iterable<string>; nips: Iterable<string>; strs: Iterable<string> };

/**
 * Current-roster identities held outside database `own` (the upload's province database, whose own
 * rows the caller reads directly): from the index for provinces with a database of their own, and
 * read directly from DB for the provinces still kept there. `national` reads DB (a session on it).
 * [] when every province lives in one database (then `own` holds everything).
 */
export async function identitiesElsewhere(env: Bindings, national: Reader, own: D1Database, ids: Ids): Promise<StoredIdentity[]> {
  const split = provincesWithOwnDatabase(env);
  if (split.length === 0) return [];
  const list = { niks: [...ids.niks], nips: [...ids.nips], strs: [...ids.strs] };
  const [indexed, inNational] = await Promise.all([findIndexed(national, list), own === env.DB ? [] : findIdentities(national, list)]);
  const elsewhere: StoredIdentity[] = indexed.filter((r) => dbFor(env, r.provinsi) !== own).map(({ provinsi: _p, ...s }) => s);
  for (const s of inNational) elsewhere.push(s);
  return elsewhere;
}

/**
 * Copies the current identities of a province's facilities into the index, replacing their rows: one
 * batch (one transaction) when it fits D1_LIMITS.maxStatementsPerBatch, else several in order — a
 * reader may then briefly miss those facilities' rows, which only widens the window above by the
 * batches' time.
 */
async function copyToIndex(env: Bindings, province: string, kodes: readonly string[], at: string): Promise<void> {
  if (kodes.length === 0) return;
  const identities = await currentIdentitiesOf(dbFor(env, province), kodes);
  const statements = replaceIndexedSql(province, kodes, identities, at).map((s) => prepare(env.DB, s));
  for (let i = 0; i < statements.length; i += D1_LIMITS.maxStatementsPerBatch) await env.DB.batch(statements.slice(i, i + D1_LIMITS.maxStatementsPerBatch));
}

/**
 * Writes the index rows of the facilities an upload just committed in `province` (after the commit,
 * in the same request). Nothing to do for a province kept in DB (its rosters are read directly).
 * Never throws: a failure is logged (no identifier in the line) and left to the scheduled job.
 * @returns whether the index holds the facilities' rosters now
 */
export async function indexAfterCommit(env: Bindings, province: string | null, kodes: readonly string[]): Promise<boolean> {
  if (province === null || !hasOwnDatabase(env, province)) return true;
  try {
    await copyToIndex(env, province, kodes, new Date().toISOString());
    return true;
  } catch (e) {
    console.log(JSON.stringify({ level: "warn", job: "identifier-index", provinsi: province, facilities: kodes.length, error: e instanceof Error ? e.name : "unknown" }));
    return false;
  }
}

/** Uploads read per step of the reconciliation. */
const UPLOADS_PER_STEP = 50;
/**
 * A commit's instant is taken just before its batch runs (at most D1's 30 s): an upload committed less
 * than this long before a run may still be followed by one with an earlier instant, so the mark stays
 * before it and the next run copies those facilities again (copying is idempotent).
 */
const SETTLE_MS = 120_000;

export interface ReconcileReport {
  provinces: number;
  facilities: number;
}

/**
 * The scheduled job's part of the index (worker/sweep.ts): per province with a database of its own,
 * the facilities of the uploads committed after the province's mark (identifier_index_sync) get their
 * index rows rebuilt from the province's current rosters, and the mark moves to the last settled one.
 * Only facilities whose code names the province (db/region.ts provinceOf) are copied under its label,
 * so provinces sharing one database keep their own labels; the per-province mark stays right since
 * each province's run reads all uploads of that database and skips the others' facilities.
 * Incremental: a run reads only uploads since the last reconciled one; a province's first run starts
 * from its first upload. Stops at `deadline` (ms since epoch) and leaves the rest to the next run.
 */
export async function reconcileIndex(env: Bindings, now: Date, deadline: number): Promise<ReconcileReport> {
  const report: ReconcileReport = { provinces: 0, facilities: 0 };
  const at = now.toISOString();
  const settledBefore = now.getTime() - SETTLE_MS;
  for (const province of provincesWithOwnDatabase(env)) {
    const db = dbFor(env, province);
    let mark: IndexMark | null = await indexMark(env.DB, province);
    report.provinces++;
    for (;;) {
      const uploads = await uploadsCommittedAfter(db, mark, UPLOADS_PER_STEP);
      if (uploads.length === 0) break;
      const facilities = await facilitiesOfUploads(db, uploads.map((u) => u.id));
      // A database may serve several provinces (DB_17 and DB_36 bound to one D1): each province's run
      // reads every upload there, but labels and copies only the facilities of its own province.
      const kodes = [...new Set([...facilities.values()].flatMap((list) => list.map((f) => f.kode)))].filter((k) => provinceOf(k) === province).sort();
      await copyToIndex(env, province, kodes, at);
      report.facilities += kodes.length;
      const settled = uploads.filter((u) => Date.parse(u.committed_at) <= settledBefore);
      const last = settled[settled.length - 1];
      if (last) {
        mark = { committed_at: last.committed_at, upload_id: last.id };
        await prepare(env.DB, setIndexMarkSql(province, mark)).run();
      }
      if (uploads.length < UPLOADS_PER_STEP || settled.length < uploads.length || Date.now() > deadline) break;
    }
    if (Date.now() > deadline) break;
  }
  return report;
}
