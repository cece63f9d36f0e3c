import type { ErrorCode } from "../../shared/api/errors";
import type { Issue } from "../../shared/schema/issue";

/**
 * Why a call to the API failed. `network` and `timeout` never reached an answer; `http` carries
 * the API's error shape (SPEC §7); `unexpected` is an answer that is not what the contract says;
 * `cancelled` is the user stopping a request (never retried).
 */
export type ApiErrorKind = "not_configured" | "network" | "timeout" | "http" | "unexpected" | "cancelled";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: ErrorCode | null = null,
    readonly issues: Issue[] = [],
    readonly requestId: string | null = null,
    /** From Retry-After, when the server sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/**
 * Worth sending again unchanged: the request may never have arrived (network, timeout), the server
 * failed (5xx), is still running the same idempotent request (409) or asks us to slow down (429).
 */
export function isTransient(e: unknown): boolean {
  if (!isApiError(e)) return false;
  if (e.kind === "network" || e.kind === "timeout") return true;
  if (e.kind !== "http" || e.status === null) return false;
  return e.status >= 500 || e.status === 429 || (e.status === 409 && e.code === "conflict");
}
