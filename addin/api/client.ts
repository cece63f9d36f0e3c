import type { z } from "zod";
import { coverageResponseSchema, type CoverageQuery, type CoverageResponse } from "../../shared/api/coverage";
import { errorBodySchema } from "../../shared/api/errors";
import { uploadResponseSchema, validateResponseSchema, type UploadResponse, type ValidateResponse } from "../../shared/api/rosters";
import { referenceSchema, type Reference } from "../../shared/reference";
import type { Lang } from "../../shared/schema/issue";
import type { RosterRequest } from "../../shared/schema/roster";
import type { Settings } from "../settings/store";
import { ApiError, codeForStatus } from "./errors";
import { PUSH_RETRY, withRetry, type RetryHooks, type RetryPolicy } from "./retry";

export type { Reference };

export interface ClientOptions extends Settings {
  lang: Lang;
  fetch?: typeof fetch;
  /** Per try. Reads are small; a roster of tens of thousands of rows on a slow line takes longer. */
  timeouts?: { read: number; roster: number };
  retry?: RetryPolicy;
  hooks?: Pick<RetryHooks, "sleep" | "random">;
}

export interface PushOptions {
  /** The `base` of the dry run: the server answers 412 if another upload landed since. */
  base: string;
  /** One key per push, the same on every retry, so the server stores the roster once. */
  idempotencyKey: string;
  onRetry?: RetryHooks["onRetry"];
}

export interface ApiClient {
  reference(): Promise<Reference>;
  validate(req: RosterRequest): Promise<ValidateResponse>;
  push(req: RosterRequest, opts: PushOptions): Promise<UploadResponse>;
  coverage(query: CoverageQuery): Promise<CoverageResponse>;
}

const DEFAULT_TIMEOUTS = { read: 20_000, roster: 120_000 };

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function createApiClient(opts: ClientOptions): ApiClient {
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeouts = opts.timeouts ?? DEFAULT_TIMEOUTS;
  const base = opts.apiUrl.trim().replace(/\/+$/, "");

  async function call<S extends z.ZodType>(
    schema: S,
    method: "GET" | "POST",
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; query?: Record<string, string | undefined>; timeoutMs: number },
  ): Promise<z.infer<S>> {
    if (!base || !opts.token.trim()) throw new ApiError("not_configured", "API address or token missing");
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, v);
    const headers: Record<string, string> = {
      Accept: "application/json",
      "Accept-Language": opts.lang,
      Authorization: `Bearer ${opts.token.trim()}`,
      ...init.headers,
    };
    if (init.body !== undefined) headers["Content-Type"] = "application/json";

    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, init.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url.toString(), {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: abort.signal,
      });
      text = await res.text();
    } catch (e) {
      throw new ApiError(timedOut ? "timeout" : "network", e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }

    let json: unknown = undefined;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: a proxy's error page or a wrong address. Handled below by status.
    }
    if (!res.ok) {
      const retryAfter = Number(res.headers.get("Retry-After"));
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

  return {
    reference: () => call(referenceSchema, "GET", "/v1/reference", { timeoutMs: timeouts.read }),
    validate: (req) => call(validateResponseSchema, "POST", "/v1/rosters/validate", { body: req, timeoutMs: timeouts.roster }),
    push: (req, { base: ifMatch, idempotencyKey, onRetry }) =>
      withRetry(
        () =>
          call(uploadResponseSchema, "POST", "/v1/rosters", {
            body: req,
            headers: { "Idempotency-Key": idempotencyKey, "If-Match": ifMatch },
            timeoutMs: timeouts.roster,
          }),
        opts.retry ?? PUSH_RETRY,
        { ...opts.hooks, onRetry },
      ),
    coverage: (query) =>
      call(coverageResponseSchema, "GET", "/v1/coverage", {
        query: { level: query.level, region: query.region, as_of: query.as_of, jenis_tenaga: query.jenis_tenaga },
        timeoutMs: timeouts.roster,
      }),
  };
}
