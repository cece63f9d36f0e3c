import type { UploadResponse } from "../../../shared/api/rosters";
import type { Issue } from "../../../shared/schema/issue";
import type { ApiClient, PushOptions } from "../../api/client";
import { isApiError, isTransient } from "../../api/errors";
import type { Check } from "../flow";

/** The Idempotency-Key of one push: the request and base it was made for. */
export interface PushKey {
  fingerprint: string;
  base: string;
  key: string;
}

/**
 * The key for sending `check` against `base`: the held one when it was made for the same request
 * and base (a retry of a push that may have landed, so the server stores it once, SPEC §7), else
 * a fresh one.
 */
export function pushKeyFor(held: PushKey | null, check: Pick<Check, "fingerprint">, base: string, fresh: () => string = () => crypto.randomUUID()): PushKey {
  if (held && held.fingerprint === check.fingerprint && held.base === base) return held;
  return { fingerprint: check.fingerprint, base, key: fresh() };
}

/**
 * POST /v1/rosters with If-Match `key.base` and `key.key`, committing the dry run's staged upload
 * when there is one. Rejects with the client's ApiError (see `pushFailure`).
 */
export function sendPush(
  client: Pick<ApiClient, "push">,
  check: Pick<Check, "mapped" | "staged">,
  key: PushKey,
  hooks: Pick<PushOptions, "signal" | "onProgress" | "onRetry"> = {},
): Promise<UploadResponse> {
  return client.push(check.mapped.request, { base: key.base, idempotencyKey: key.key, stagedId: check.staged?.id ?? null, ...hooks });
}

/** Why a push did not store the roster, as the flow tells it. */
export type PushFailure =
  | { kind: "cancelled" }
  /** 412: another upload landed for these facilities since the dry run. */
  | { kind: "conflict" }
  /** 422 with issues: the server's validator refused the roster. */
  | { kind: "rejected"; issues: Issue[] }
  | { kind: "failed"; error: unknown; retryable: boolean };

export function pushFailure(e: unknown): PushFailure {
  if (isApiError(e) && e.kind === "cancelled") return { kind: "cancelled" };
  if (isApiError(e) && e.status === 412) return { kind: "conflict" };
  if (isApiError(e) && e.status === 422 && e.issues.length) return { kind: "rejected", issues: e.issues };
  return { kind: "failed", error: e, retryable: isTransient(e) };
}

/**
 * Whether the next send of the same roster reuses the key: after a cancel or a failure in transit
 * the server may have stored it after all, and the same key returns that result instead of a
 * second upload. After an answer (412, 422, another refusal) the key is spent.
 */
export function keepsKey(failure: PushFailure): boolean {
  return failure.kind === "cancelled" || (failure.kind === "failed" && failure.retryable);
}
