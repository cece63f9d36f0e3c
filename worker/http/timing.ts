import type { Context, MiddlewareHandler } from "hono";
import { setMetric, timing } from "hono/timing";
import type { AppEnv } from "../env";

/**
 * Server-Timing by Hono's own middleware (hono/timing): a route that reports where its time went adds
 * this before its handler and names each part with `timed`. The header is sent only when a part was
 * named (an error or an idempotent replay answers without it); no "total" (the client measures that).
 * The benchmarks read the names: "check" and "store" (bench/upload.ts), "read" (bench/tindak-lanjut.ts;
 * GET /v1/coverage describes it as "remembered" or "computed", per database: store/coverage-memo.ts).
 * Durations are ms as Workers' clock gives them (it moves only on I/O).
 */
export const serverTiming = (): MiddlewareHandler<AppEnv> =>
  timing({ total: false, autoEnd: false, enabled: (c) => ((c as Context<AppEnv>).get("metric")?.headers.length ?? 0) > 0 });

/** One named part of the answer's Server-Timing, `ms` long, with `description` if given. */
export function timed(c: Context<AppEnv>, name: "check" | "store" | "read", ms: number, description?: string): void {
  setMetric(c, name, ms, description, 0);
}
