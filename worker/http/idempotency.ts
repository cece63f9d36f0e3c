import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { errorCodeSchema, type ErrorCode } from "../../shared/api/errors";
import type { Counts, Issue, Lang } from "../../shared/schema/issue";
import type { AppEnv } from "../env";
import { sha256Hex } from "../auth/secret";
import { isoAfter, LEASES } from "../config";
import { prepare } from "../db/limits";
import type { Writer } from "../db/types";
import { claimKey, finishWithBody, releaseKey, renewLeaseSql, routeKey, storedBody } from "../store/idempotency";
import { isNational } from "../auth/scope";
import { dbFor, provincesWithOwnDatabase } from "../db/region";
import { ApiError, errorResponse, langOf, scrub } from "./errors";
import { countIssues } from "../../shared/rules/count";
import { MESSAGES } from "./messages";

export interface IdempotencyClaim {
  tokenId: string;
  key: string;
}

/** The Idempotency-Key header: absent, or 1–255 visible ASCII characters (400 otherwise). */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined) return undefined;
  const k = key.trim().replace(/^"(.*)"$/, "$1");
  if (!/^[\x21-\x7e]{1,255}$/.test(k)) {
    throw new ApiError(400, "bad_request", MESSAGES.idempotencyKeyFormat);
  }
  return k;
}

export const requestFingerprint = (parts: readonly string[]): Promise<string> => sha256Hex(parts.join("\n"));

/**
 * What is kept of a refusal for replays: status (in the key's row), error code, message with digit
 * runs and quoted values blanked (http/errors scrub), counts, and per issue only where and which rule
 * — never a value or a message that could name a person (SPEC §7 Access: "nothing personal is kept
 * from a rejected upload").
 */
interface RefusalRecord {
  code: ErrorCode;
  message: { id: string; en: string };
  counts?: Counts;
  issues?: Pick<Issue, "severity" | "code" | "table" | "row" | "column">[];
}

export function refusalRecord(e: ApiError): RefusalRecord {
  const record: RefusalRecord = { code: e.code, message: { id: scrub(e.text.id), en: scrub(e.text.en) } };
  if (e.issues) {
    record.counts = countIssues(e.issues);
    record.issues = e.issues.map(({ severity, code, table, row, column }) => ({ severity, code, table, row, column }));
  }
  return record;
}

const where = (i: { row: number | null; column: string | null }, lang: Lang) =>
  [i.row === null ? "" : lang === "id" ? `baris ${i.row}` : `row ${i.row}`, i.column === null ? "" : lang === "id" ? `kolom ${i.column}` : `column ${i.column}`].filter(Boolean).join(", ");

/** The refusal a replay answers, rebuilt from its record in the replaying request's language. */
function replayed(status: number, stored: string | null, lang: Lang): ApiError {
  let r: Partial<RefusalRecord> = {};
  try {
    r = JSON.parse(stored ?? "{}") as Partial<RefusalRecord>;
  } catch {
    // An answer stored before records (or a damaged one): the status and a generic sentence remain.
  }
  const code = errorCodeSchema.safeParse(r.code).data ?? "bad_request";
  const text = r.message ?? MESSAGES.refusedBefore(status);
  const issues = r.issues?.map((i) => {
    const at = where(i, lang);
    // The message named values; only the rule and the place were kept.
    const detail = lang === "id" ? "rincian tidak disimpan; validasi ulang untuk pesan lengkap." : "details not kept; validate again for the full message.";
    return { ...i, message: `${i.code}${at ? ` (${at})` : ""}: ${detail}` } satisfies Issue;
  });
  return new ApiError(status as ContentfulStatusCode, code, text, issues);
}

/**
 * The database in which a request claims its Idempotency-Key (SPEC §7 Access; issue 15). A key is
 * claimed and settled in the database of the upload it guards, `province`'s (null: DB). A token scoped
 * within a province always writes to one database, and with no DB_xx bound there is only DB: both claim
 * there directly, as before. A national token's keys, whose uploads may go to any province database, get
 * one home first: DB records (token, key) → (province, fingerprint) for 24 h (store/idempotency.ts
 * routeKey), so the same key with another body is 422 idempotency_key_reused whichever province that
 * body names, and a retry with the same body goes to the recorded database (replay, or 409 while the
 * first runs). A record outlives a released claim: a retry after an unexpected failure must bring the
 * same body (a new body needs a new key).
 * @throws ApiError 422 when the key was first used with another body
 */
export async function keyDatabase(c: Context<AppEnv>, key: string | undefined, requestHash: string, province: string | null): Promise<D1Database> {
  const own = dbFor(c.env, province);
  const token = c.get("token");
  if (key === undefined || !isNational(token.scope) || provincesWithOwnDatabase(c.env).length === 0) return own;
  const now = Date.now();
  const route = await routeKey(c.env.DB, token.id, key, { provinsi: province ?? "", requestHash }, { now: new Date(now).toISOString(), expiresAt: isoAfter(now, LEASES.keyTtlMs) });
  if (route.requestHash !== requestHash) throw new ApiError(422, "idempotency_key_reused", MESSAGES.idempotencyKeyReused);
  return dbFor(c.env, route.provinsi === "" ? null : route.provinsi);
}

/** Renews the claim's lease every `LEASES.heartbeatMs` until the returned function is called. */
function heartbeat(db: Writer, claim: IdempotencyClaim): () => void {
  const timer = setInterval(() => {
    const sql = renewLeaseSql(claim.tokenId, claim.key, isoAfter(Date.now(), LEASES.leaseMs));
    void prepare(db, sql)
      .run()
      .catch(() => undefined);
  }, LEASES.heartbeatMs);
  return () => clearInterval(timer);
}

/**
 * Idempotency-Key semantics of SPEC §7 around `work`: the first request with a key runs; a retry with
 * the same key and body gets the first result (the 201 rebuilt from the stored upload, or the refusal
 * rebuilt from its record: status, counts and codes); while the first still runs (its lease renewed
 * by a heartbeat), 409; the same key with another body, 422; a key older than 24 h counts as new.
 * `work` receives the claim so the upload can settle it inside its own commit batch.
 */
export async function idempotent(
  c: Context<AppEnv>,
  db: Writer,
  key: string | undefined,
  requestHash: string,
  work: (claim: IdempotencyClaim | undefined) => Promise<Response>,
  replayUpload: (uploadId: string) => Promise<Response>,
): Promise<Response> {
  if (key === undefined) return work(undefined);
  const tokenId = c.get("token").id;
  const now = Date.now();
  const claim = await claimKey(db, tokenId, key, requestHash, {
    now: new Date(now).toISOString(),
    leaseUntil: isoAfter(now, LEASES.leaseMs),
    expiresAt: isoAfter(now, LEASES.keyTtlMs),
  });
  if (claim.kind === "mismatch") {
    throw new ApiError(422, "idempotency_key_reused", MESSAGES.idempotencyKeyReused);
  }
  if (claim.kind === "running") {
    throw new ApiError(
      409,
      "conflict",
      MESSAGES.idempotencyKeyRunning,
      undefined,
      { "Retry-After": "2" },
    );
  }
  if (claim.kind === "done") {
    c.header("Idempotent-Replayed", "true");
    if (claim.uploadId !== null) return replayUpload(claim.uploadId);
    return errorResponse(c, replayed(claim.status, await storedBody(db, tokenId, key), langOf(c)));
  }

  const settled = { tokenId, key };
  const stop = heartbeat(db, settled);
  try {
    const res = await work(settled);
    // A 201 settled its claim inside the upload's commit batch; work answers nothing else.
    if (res.status !== 201) await finishWithBody(db, tokenId, key, res.status, "{}");
    return res;
  } catch (e) {
    if (e instanceof ApiError) {
      await finishWithBody(db, tokenId, key, e.status, JSON.stringify(refusalRecord(e)));
      return errorResponse(c, e);
    }
    await releaseKey(db, tokenId, key).catch(() => undefined);
    throw e;
  } finally {
    stop();
  }
}
