import type { DiffEntry } from "../../shared/api/rosters";
import type { Counts, Issue } from "../../shared/schema/issue";
import type { PelatihanRecord } from "../../shared/schema/records";
import type { TokenInfo } from "../auth/token-info";
import { coverageRefreshStatements } from "../coverage/refresh";
import { assertBatch, prepare } from "../db/limits";
import type { BulkSql } from "../db/bulk";
import type { Sql, Writer } from "../db/types";
import { finishWithUploadSql } from "../store/idempotency";
import { insertNakesSql, personVersionsSql, type StoredNakes } from "../store/nakes";
import { insertPelatihanSql, unchangedTrainingSql } from "../store/pelatihan";
import { putTextSql, uploadIssuesOwner } from "../store/text-parts";
import { commitUploadSql, discardStagedSql, insertUploadSql } from "../store/uploads";
import { leaseUploadSql } from "../store/upload-leases";
import { isoAfter, LEASES } from "../config";
import { commitVersionsSql, guardPointersSql, guardUncommittedSql, GUARD_FAILED } from "../store/versions";

export interface UploadToStore {
  id: string;
  token: TokenInfo;
  createdAt: string;
  asOf: string;
  contentType: string;
  contentHash: string;
  persons: readonly StoredNakes[];
  pelatihan: readonly PelatihanRecord[];
  counts: Counts;
  /** Warnings and info, stored with the upload. */
  issues: readonly Issue[];
  diff: readonly DiffEntry[];
  /** If-Match: where each facility must still point at commit time, else the commit fails (412). */
  expected?: ReadonlyMap<string, string | null>;
  /** The commit must come after this instant (the latest version it replaces). */
  notBefore?: string | null;
  /** The Idempotency-Key claim to settle in the same commit. */
  idempotency?: { tokenId: string; key: string };
}

export interface StoreOptions {
  /** Rows written with the commit in one batch; a bigger upload is staged in batches of this many rows first. */
  batchRows: number;
}

export class StaleBaseError extends Error {
  constructor() {
    super("another upload changed these facilities since the dry run");
    this.name = "StaleBaseError";
  }
}

/** The upload's row, its stored issues and its rows, as statements built lazily (see storeUpload). */
function uploadSql(u: UploadToStore, lease: () => Sql, batchRows: number): { head: Sql[]; chunks: Generator<BulkSql> } {
  const head: Sql[] = [
    insertUploadSql({
      id: u.id,
      token_id: u.token.id,
      token_name: u.token.name,
      token_scope: u.token.scope,
      created_at: u.createdAt,
      as_of: u.asOf,
      content_type: u.contentType,
      content_hash: u.contentHash,
      nakes_rows: u.persons.length,
      pelatihan_rows: u.pelatihan.length,
      facilities: u.diff.length,
      counts: u.counts,
    }),
    lease(),
    ...putTextSql(uploadIssuesOwner(u.id), JSON.stringify(u.issues)),
  ];
  // Chunks never exceed a batch's share, so batches can be cut at any size. They are built as the
  // batches go, so the upload's JSON never sits in memory whole.
  const chunking = { maxRows: Math.max(1, batchRows) };
  const chunks = (function* () {
    yield* insertNakesSql(u.id, u.persons, chunking);
    yield* insertPelatihanSql(u.id, u.pelatihan, chunking);
  })();
  return { head, chunks };
}

/** Writes the head and the rows in batches of about batchRows rows, each renewing the lease. */
async function writeStaged(db: Writer, head: Sql[], chunks: Iterable<BulkSql>, lease: () => Sql, batchRows: number): Promise<void> {
  let batch: Sql[] = [...head];
  let rows = 0;
  for (const c of chunks) {
    if (rows > 0 && rows + c.rows > batchRows) {
      await runPlain(db, batch);
      batch = [lease()];
      rows = 0;
    }
    batch.push(c);
    rows += c.rows;
  }
  if (batch.length > 0) await runPlain(db, batch);
}

/**
 * Stores an upload all-or-nothing. Rows go in set-based chunks (db/bulk.ts). If they fit in one batch
 * with the commit, that batch is the whole upload (one transaction). Otherwise the rows are staged
 * under the upload's id in batches first — into nakes_staged (migration 0100), which no roster, duplicate check or coverage
 * answer reads — and one small final batch makes them current: copies the changed persons into nakes (store/nakes.ts
 * personVersionsSql), closes the versions they end, empties the staging,
 * flips the pointers, marks the upload committed, refreshes coverage, settles the Idempotency-Key.
 * If anything fails before the commit, the staged rows are removed; the commit itself is atomic.
 */
export async function storeUpload(db: Writer, u: UploadToStore, opts: StoreOptions): Promise<{ committedAt: string }> {
  // Staged rows are kept while their lease runs; each staging batch renews it. If this Worker dies,
  // the scheduled job (worker/sweep.ts) removes them once it ends: never another user's request.
  const lease = (): Sql => leaseUploadSql(u.id, isoAfter(Date.now(), LEASES.leaseMs));
  const { head, chunks } = uploadSql(u, lease, opts.batchRows);
  const plan = commitPlan(u);
  try {
    if (u.persons.length + u.pelatihan.length <= opts.batchRows) {
      const at = commitInstant(u.notBefore);
      await runCommit(db, [...head, ...chunks], commitSql(plan, at), plan, at);
      return { committedAt: at };
    }
    await writeStaged(db, head, chunks, lease, opts.batchRows);
    const at = commitInstant(u.notBefore);
    await runCommit(db, [], commitSql(plan, at), plan, at);
    return { committedAt: at };
  } catch (e) {
    await discard(db, u.id);
    throw e;
  }
}

/**
 * Stages a checked, error-free upload for a later commit (issue 13: the dry run asked to stage, SPEC
 * §7): its row and rows are written uncommitted — invisible to diffs, duplicate checks and coverage,
 * which follow committed uploads only — held 24 h for the token that staged it, then swept. Returns
 * the instant the staging expires. If writing fails, what was written is removed.
 */
export async function stageUpload(db: Writer, u: UploadToStore, opts: StoreOptions): Promise<{ expiresAt: string }> {
  const expiresAt = isoAfter(Date.now(), LEASES.stagedTtlMs);
  const lease = (): Sql => leaseUploadSql(u.id, expiresAt, u.token.id);
  const { head, chunks } = uploadSql(u, lease, opts.batchRows);
  try {
    await writeStaged(db, head, chunks, lease, opts.batchRows);
  } catch (e) {
    await discard(db, u.id);
    throw e;
  }
  return { expiresAt };
}

/** What the final batch of a commit needs: the diff per facility, persons per facility, guards. */
export interface CommitPlan {
  id: string;
  /** The roster's own date: its versions hold from it (SPEC §6). */
  asOf: string;
  diff: readonly DiffEntry[];
  nakesPerFacility: ReadonlyMap<string, number>;
  /** Where each facility must still point at commit time, else the commit fails (412). */
  expected?: ReadonlyMap<string, string | null>;
  idempotency?: { tokenId: string; key: string };
}

function commitPlan(u: UploadToStore): CommitPlan {
  const perFacility = new Map<string, number>();
  for (const p of u.persons) perFacility.set(p.record.kode_fasyankes, (perFacility.get(p.record.kode_fasyankes) ?? 0) + 1);
  return { id: u.id, asOf: u.asOf, diff: u.diff, nakesPerFacility: perFacility, expected: u.expected, idempotency: u.idempotency };
}

/**
 * Commits an upload staged by stageUpload: the one small final batch of storeUpload. The plan's
 * `expected` pointers guard it (a concurrent upload or a second commit of the same staging fails with
 * StaleBaseError, nothing changed).
 */
export async function commitStaged(db: Writer, plan: CommitPlan, notBefore: string | null): Promise<{ committedAt: string }> {
  const at = commitInstant(notBefore);
  await runCommit(db, [], commitSql(plan, at), plan, at);
  return { committedAt: at };
}

/** The final batch's statements, in order (see storeUpload); coverage's go between `versions` and `persons`. */
function commitSql(plan: CommitPlan, at: string): { versions: Sql[]; persons: Sql[] } {
  const versions: Sql[] = [...guardUncommittedSql(plan.id)];
  // Loops, not push(...list): a spread of an unbounded list overflows the stack (issue 10, attack finding 4).
  if (plan.expected) for (const s of guardPointersSql(plan.id, [...plan.expected.entries()])) versions.push(s);
  for (const s of commitVersionsSql(plan.id, at, plan.asOf, plan.diff.map((d) => ({ ...d, nakes: plan.nakesPerFacility.get(d.kode_fasyankes) ?? 0 })))) versions.push(s);
  // Person versions (SPEC §6: history per change) once coverage has counted the staged rows.
  const persons = personVersionsSql(plan.id, plan.asOf);
  const after: Sql[] = [...persons.close, unchangedTrainingSql(plan.id, plan.asOf), ...persons.open, commitUploadSql(plan.id, at)];
  if (plan.idempotency) after.push(finishWithUploadSql(plan.idempotency.tokenId, plan.idempotency.key, plan.id));
  return { versions, persons: after };
}

/**
 * Runs the commit batch: `head` (rows of an upload that fits one batch), the roster versions, then
 * coverage's statements (worker/coverage/refresh.ts, which count the upload's staged rows), then the
 * person versions and the upload's commit, so per-facility counts and rows change in one transaction.
 */
async function runCommit(db: Writer, head: Sql[], sql: { versions: Sql[]; persons: Sql[] }, plan: CommitPlan, at: string): Promise<void> {
  const prep = (list: Sql[]) => list.map((s) => prepare(db, s));
  const coverage = coverageRefreshStatements(db as D1Database, { uploadId: plan.id, at, asOf: plan.asOf });
  const all = [...prep(head), ...prep(sql.versions), ...coverage, ...prep(sql.persons)];
  assertBatch(all);
  try {
    await db.batch(all);
  } catch (e) {
    if (e instanceof Error && GUARD_FAILED.test(e.message)) throw new StaleBaseError();
    throw e;
  }
}

async function runPlain(db: Writer, sql: Sql[]): Promise<void> {
  const statements = sql.map((s) => prepare(db, s));
  assertBatch(statements);
  await db.batch(statements);
}

/** Removes an uncommitted upload and its staged rows; a committed one is never touched. */
export async function discardUpload(db: Writer, id: string): Promise<void> {
  await db.batch(discardStagedSql(id).map((s) => prepare(db, s)));
}

async function discard(db: Writer, id: string): Promise<void> {
  try {
    await discardUpload(db, id);
  } catch {
    // Left for the scheduled sweep: staged rows are invisible to every reader meanwhile.
  }
}

/** Now, or just after the latest version being replaced, so intervals never run backwards. */
function commitInstant(notBefore: string | null | undefined): string {
  const now = Date.now();
  const floor = notBefore ? Date.parse(notBefore) + 1 : 0;
  return new Date(Math.max(now, Number.isFinite(floor) ? floor : 0)).toISOString();
}
