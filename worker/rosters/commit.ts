import type { DiffEntry } from "../../shared/api/rosters";
import type { Counts, Issue } from "../../shared/schema/issue";
import type { PelatihanRecord } from "../../shared/schema/records";
import type { TokenInfo } from "../auth/token-info";
import { coverageRefreshStatements } from "../coverage/refresh";
import { assertBatch, prepare } from "../db/limits";
import type { Sql, Writer } from "../db/types";
import { finishWithUploadSql } from "../store/idempotency";
import { insertNakesSql, type StoredNakes } from "../store/nakes";
import { insertPelatihanSql } from "../store/pelatihan";
import { putTextSql, uploadIssuesOwner } from "../store/text-parts";
import { commitUploadSql, discardStagedSql, insertUploadSql, staleStagedUploads } from "../store/uploads";
import { commitVersionsSql, guardPointersSql, GUARD_FAILED } from "../store/versions";

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
  /** Staged uploads older than this are swept (their Worker died). */
  staleAfterMs?: number;
}

export class StaleBaseError extends Error {
  constructor() {
    super("another upload changed these facilities since the dry run");
    this.name = "StaleBaseError";
  }
}

/**
 * Stores an upload all-or-nothing. Rows go in set-based chunks (db/bulk.ts). If they fit in one batch
 * with the commit, that batch is the whole upload (one transaction). Otherwise the rows are staged
 * under the upload's id in batches first — invisible, since readers follow roster_current and
 * committed uploads only — and one small final batch makes them current: opens and closes versions,
 * flips the pointers, marks the upload committed, refreshes coverage, settles the Idempotency-Key.
 * If anything fails before the commit, the staged rows are removed; the commit itself is atomic.
 */
export async function storeUpload(db: Writer, u: UploadToStore, opts: StoreOptions): Promise<{ committedAt: string }> {
  await sweepStaleStaging(db, opts.staleAfterMs ?? 15 * 60_000);

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
    ...putTextSql(uploadIssuesOwner(u.id), JSON.stringify(u.issues)),
  ];
  // Chunks never exceed a batch's share, so batches can be cut at any size. They are built as the
  // batches go, so the upload's JSON never sits in memory whole.
  const chunking = { maxRows: Math.max(1, opts.batchRows) };
  const chunks = (function* () {
    yield* insertNakesSql(u.id, u.persons, chunking);
    yield* insertPelatihanSql(u.id, u.pelatihan, chunking);
  })();
  const totalRows = u.persons.length + u.pelatihan.length;

  try {
    if (totalRows <= opts.batchRows) {
      const at = commitInstant(u.notBefore);
      await runCommit(db, [...head, ...chunks, ...commitSql(u, at)], u.id, at);
      return { committedAt: at };
    }
    // Staging: the upload row and its rows, in batches of about batchRows rows.
    let batch: Sql[] = [...head];
    let rows = 0;
    for (const c of chunks) {
      if (rows > 0 && rows + c.rows > opts.batchRows) {
        await runPlain(db, batch);
        batch = [];
        rows = 0;
      }
      batch.push(c);
      rows += c.rows;
    }
    if (batch.length > 0) await runPlain(db, batch);
    const at = commitInstant(u.notBefore);
    await runCommit(db, commitSql(u, at), u.id, at);
    return { committedAt: at };
  } catch (e) {
    await discard(db, u.id);
    throw e;
  }
}

/** The final batch's statements, in order (see storeUpload). */
function commitSql(u: UploadToStore, at: string): Sql[] {
  const sql: Sql[] = [];
  if (u.expected) sql.push(...guardPointersSql(u.id, [...u.expected.entries()]));
  const perFacility = new Map<string, number>();
  for (const p of u.persons) perFacility.set(p.record.kode_fasyankes, (perFacility.get(p.record.kode_fasyankes) ?? 0) + 1);
  sql.push(...commitVersionsSql(u.id, at, u.diff.map((d) => ({ ...d, nakes: perFacility.get(d.kode_fasyankes) ?? 0 }))));
  sql.push(commitUploadSql(u.id, at));
  if (u.idempotency) sql.push(finishWithUploadSql(u.idempotency.tokenId, u.idempotency.key, u.id));
  return sql;
}

/**
 * Runs the commit batch: our statements, then coverage's (worker/coverage/refresh.ts), so per-facility
 * counts change in the same transaction that makes the upload current.
 */
async function runCommit(db: Writer, sql: Sql[], uploadId: string, at: string): Promise<void> {
  const statements = sql.map((s) => prepare(db, s));
  const coverage = coverageRefreshStatements(db as D1Database, { uploadId, at });
  const all = [...statements, ...coverage];
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

async function discard(db: Writer, id: string): Promise<void> {
  try {
    await db.batch(discardStagedSql(id).map((s) => prepare(db, s)));
  } catch {
    // Left for the sweep: staged rows are invisible to every reader meanwhile.
  }
}

async function sweepStaleStaging(db: Writer, staleAfterMs: number): Promise<void> {
  const before = new Date(Date.now() - staleAfterMs).toISOString();
  for (const id of await staleStagedUploads(db, before)) await discard(db, id);
}

/** Now, or just after the latest version being replaced, so intervals never run backwards. */
function commitInstant(notBefore: string | null | undefined): string {
  const now = Date.now();
  const floor = notBefore ? Date.parse(notBefore) + 1 : 0;
  return new Date(Math.max(now, Number.isFinite(floor) ? floor : 0)).toISOString();
}
