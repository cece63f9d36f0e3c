import { z } from "zod";
import { coverageResponseSchema, type CoverageQuery, type CoverageResponse } from "../../shared/api/coverage";
import { errorBodySchema } from "../../shared/api/errors";
import { facilityListSchema, type Facility } from "../../shared/api/facilities";
import { uploadResponseSchema, validateResponseSchema, type UploadResponse, type ValidateResponse } from "../../shared/api/rosters";
import { uploadListSchema, type UploadList } from "../../shared/api/uploads";
import { listResponseSchema, placementResponseSchema, type ListQuery, type ListResponse, type PlacementRequest, type PlacementResponse } from "../../shared/api/tindak-lanjut";
import { referenceSchema, type Reference } from "../../shared/reference";
import type { Lang } from "../../shared/schema/issue";
import type { RosterRequest } from "../../shared/schema/roster";
import type { Settings } from "../settings/store";
import { ApiError } from "./errors";
import { codeForStatus } from "../../shared/api/status";
import { gzipText } from "./gzip";
import { PUSH_RETRY, withRetry, type RetryHooks, type RetryPolicy } from "./retry";
import { defaultTransport, type SendResponse, type Transport } from "./transport";

export type { Facility, Reference };

/**
 * The dry run's answer; `staged` (SPEC §7: an error-free dry run asked with `?stage=1`) is optional in
 * the shared schema, so the pane works with servers that do not stage (Kirim then sends the full body).
 */
export type StagedValidateResponse = ValidateResponse;

/** Bytes of a request body sent so far (after compression), and whether the link is slow. */
export interface UploadProgress {
  sent: number;
  total: number;
  /** The body has been on its way for longer than `SLOW_AFTER_MS`: the pane says "koneksi lambat". */
  slow: boolean;
}

/** A body still on its way after this long is a slow link (Slow 3G sends ~50 KB/s). */
export const SLOW_AFTER_MS = 4_000;

export interface ClientOptions extends Settings {
  lang: Lang;
  fetch?: typeof fetch;
  /** How requests go out; default XMLHttpRequest in a browser (upload progress), else fetch. */
  transport?: Transport;
  /**
   * Per try, in ms. `read` bounds a small request; `roster` is the longest a roster request may go
   * without a byte moving or, once sent, without an answer: a slow upload that keeps moving is
   * never cut off.
   */
  timeouts?: { read: number; roster: number };
  retry?: RetryPolicy;
  hooks?: Pick<RetryHooks, "sleep" | "random">;
  now?: () => number;
}

/** What a long roster request may be told: where its bytes are, and when to stop. */
export interface TransferOptions {
  signal?: AbortSignal;
  onProgress?: (p: UploadProgress) => void;
}

export interface PushOptions extends TransferOptions {
  /** The `base` of the dry run: the server answers 412 if another upload landed since. */
  base: string;
  /** One key per push, the same on every retry, so the server stores the roster once. */
  idempotencyKey: string;
  /** The dry run's staged upload: committed by id, so the roster does not cross the network again. */
  stagedId?: string | null;
  onRetry?: RetryHooks["onRetry"];
}

export interface ApiClient {
  reference(): Promise<Reference>;
  /** The dry run; `stage` asks the server to keep an error-free upload for Kirim. */
  validate(req: RosterRequest, opts?: TransferOptions & { stage?: boolean }): Promise<StagedValidateResponse>;
  /** Commits the staged upload when given (falls back to the full body when the server no longer has it). */
  push(req: RosterRequest, opts: PushOptions): Promise<UploadResponse>;
  coverage(query: CoverageQuery): Promise<CoverageResponse>;
  /** GET /v1/facilities: the facility master (every facility, not only the token's), for names beside codes. */
  facilities(): Promise<Facility[]>;
  /** GET /v1/uploads, newest first; the server shows only what is in the token's scope. */
  uploads(query: { kode_fasyankes?: string; limit?: number }): Promise<UploadList>;
  /** GET /v1/tindak-lanjut (SPEC §9): one action list of the token's scope (uploader or admin; 403 for analysts). */
  tindakLanjut(query: ListQuery): Promise<ListResponse>;
  /** POST /v1/penempatan (SPEC §9): the placement plan of `jumlah` new staff in a region (aggregates only). */
  penempatan(body: PlacementRequest): Promise<PlacementResponse>;
}

const DEFAULT_TIMEOUTS = { read: 20_000, roster: 120_000 };


interface CallInit extends TransferOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | undefined>;
  timeoutMs: number;
}

export function createApiClient(opts: ClientOptions): ApiClient {
  const transport = opts.transport ?? defaultTransport(opts.fetch);
  const timeouts = opts.timeouts ?? DEFAULT_TIMEOUTS;
  const base = opts.apiUrl.trim().replace(/\/+$/, "");
  const now = opts.now ?? (() => Date.now());
  /** Set when this server refused a gzip body (an older Worker): later bodies go plain. */
  let plainOnly = false;

  async function exchange(method: "GET" | "POST", url: string, init: CallInit, compress: boolean): Promise<SendResponse> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      "Accept-Language": opts.lang,
      Authorization: `Bearer ${opts.token.trim()}`,
      ...init.headers,
    };
    let body: string | Uint8Array | undefined;
    if (init.body !== undefined) {
      const text = JSON.stringify(init.body);
      headers["Content-Type"] = "application/json";
      const packed = compress ? await gzipText(text) : null;
      if (packed) headers["Content-Encoding"] = "gzip";
      body = packed ?? text;
    }

    // The timer restarts whenever bytes move: only a request that stalls times out.
    const abort = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, init.timeoutMs);
    };
    const outside = init.signal;
    const onOutsideAbort = () => abort.abort();
    outside?.addEventListener("abort", onOutsideAbort, { once: true });
    const started = now();
    arm();
    try {
      if (outside?.aborted) throw new DOMException("Aborted", "AbortError");
      return await transport({
        url,
        method,
        headers,
        body,
        signal: abort.signal,
        onUploadProgress: (sent, total) => {
          arm();
          init.onProgress?.({ sent, total, slow: sent < total && now() - started > SLOW_AFTER_MS });
        },
      });
    } catch (e) {
      if (outside?.aborted) throw new ApiError("cancelled", "Cancelled by the user");
      throw new ApiError(timedOut ? "timeout" : "network", e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
      outside?.removeEventListener("abort", onOutsideAbort);
    }
  }

  async function call<S extends z.ZodType>(schema: S, method: "GET" | "POST", path: string, init: CallInit): Promise<z.infer<S>> {
    if (!base || !opts.token.trim()) throw new ApiError("not_configured", "Server address or token missing");
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, v);

    const compress = init.body !== undefined && !plainOnly;
    let res = await exchange(method, url.toString(), init, compress);
    // A server without gzip support cannot read the body (415, or 400 for unreadable JSON): once plain.
    if (compress && (res.status === 415 || res.status === 400)) {
      const plain = await exchange(method, url.toString(), init, false);
      if (plain.status !== res.status) plainOnly = true;
      res = plain;
    }

    let json: unknown = undefined;
    try {
      json = res.text === "" ? undefined : JSON.parse(res.text);
    } catch {
      // Not JSON: a proxy's error page or a wrong address. Handled below by status.
    }
    if (!res.ok) {
      const retryAfter = Number(res.header("Retry-After"));
      const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null;
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const { code, message, issues, request_id } = parsed.data.error;
        throw new ApiError("http", message, res.status, code, issues ?? [], request_id, retryAfterMs);
      }
      throw new ApiError("http", `HTTP ${res.status}`, res.status, codeForStatus(res.status), [], null, retryAfterMs);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError("unexpected", `Unexpected answer from ${method} ${path}`, res.status);
    return parsed.data;
  }

  const retried = <T,>(run: () => Promise<T>, onRetry?: RetryHooks["onRetry"]) =>
    withRetry(run, opts.retry ?? PUSH_RETRY, { ...opts.hooks, onRetry });

  const pushFull = (req: RosterRequest, o: PushOptions) =>
    retried(
      () =>
        call(uploadResponseSchema, "POST", "/v1/rosters", {
          body: req,
          headers: { "Idempotency-Key": o.idempotencyKey, "If-Match": o.base },
          timeoutMs: timeouts.roster,
          signal: o.signal,
          onProgress: o.onProgress,
        }),
      o.onRetry,
    );

  return {
    reference: () => call(referenceSchema, "GET", "/v1/reference", { timeoutMs: timeouts.read }),
    validate: (req, o = {}) =>
      call(validateResponseSchema, "POST", "/v1/rosters/validate", {
        body: req,
        query: { stage: o.stage ? "1" : undefined },
        timeoutMs: timeouts.roster,
        signal: o.signal,
        onProgress: o.onProgress,
      }),
    push: async (req, o) => {
      if (!o.stagedId) return pushFull(req, o);
      try {
        return await retried(
          () =>
            call(uploadResponseSchema, "POST", "/v1/rosters/commit", {
              body: { staged_id: o.stagedId },
              headers: { "Idempotency-Key": o.idempotencyKey, "If-Match": o.base },
              timeoutMs: timeouts.roster,
              signal: o.signal,
            }),
          o.onRetry,
        );
      } catch (e) {
        // Expired (24 h), swept, or a server without staging: the roster goes once more, in full.
        if (e instanceof ApiError && e.status === 404) return pushFull(req, o);
        throw e;
      }
    },
    coverage: (query) =>
      call(coverageResponseSchema, "GET", "/v1/coverage", {
        query: { level: query.level, region: query.region, as_of: query.as_of, jenis_tenaga: query.jenis_tenaga },
        timeoutMs: timeouts.roster,
      }),
    facilities: async () => (await call(facilityListSchema, "GET", "/v1/facilities", { timeoutMs: timeouts.read })).fasyankes,
    uploads: (query) =>
      call(uploadListSchema, "GET", "/v1/uploads", {
        query: { kode_fasyankes: query.kode_fasyankes, limit: query.limit === undefined ? undefined : String(query.limit) },
        timeoutMs: timeouts.read,
      }),
    tindakLanjut: (query) =>
      call(listResponseSchema, "GET", "/v1/tindak-lanjut", {
        query: { list: query.list, region: query.region, as_of: query.as_of },
        timeoutMs: timeouts.roster,
      }),
    penempatan: (body) => call(placementResponseSchema, "POST", "/v1/penempatan", { body, timeoutMs: timeouts.roster }),
  };
}
