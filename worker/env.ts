import type { RequestIdVariables } from "hono/request-id";
import type { TimingVariables } from "hono/timing";
import type { Lang } from "../shared/schema/issue";
import type { TokenInfo } from "./auth/token-info";

/**
 * The bindings and vars of wrangler.jsonc. Vars arrive as strings; worker/config.ts reads them with
 * their defaults. Per-province databases (DB_17, DB_36, …) may be bound besides DB: see db/region.ts
 * and worker/README.md "Where data lives".
 */
/** What the API uses of a Workers Rate Limiting binding (workers-types' RateLimit, named here so node-side code compiles too). */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface Bindings {
  DB: D1Database;
  /**
   * An ISO instant that fixes the Worker's clock for "today" (default as_of; SPEC §4.5), for tests and
   * `wrangler dev --var NOW:2026-11-29T18:30:00Z`. Absent in the deployed configuration: the real clock.
   */
  NOW?: string;
  /**
   * Comma-separated origins allowed by CORS besides the Worker's own; empty in production (the pane is
   * served by the Worker). `npm start` sets https://localhost:3000 for its separately served pane.
   */
  CORS_ORIGINS?: string;
  /** The Workers Rate Limiting binding (`ratelimits` in wrangler.jsonc): auth/rate-limit.ts. */
  RATE_LIMITER?: RateLimiter;
  /** Requests per minute before 429 as told to clients (equal to RATE_LIMITER's limit); "0" turns the limiter off. */
  RATE_LIMIT_PER_MINUTE?: string;
  /** Largest request body in bytes (default 50 MB). */
  MAX_BODY_BYTES?: string;
  /** Most rows per table of an upload (default 200,000). */
  MAX_ROWS?: string;
  /** Rows an upload may write in one batch with its commit; above it, rows are staged first. */
  BATCH_ROWS?: string;
  /** Who publishes the add-in: the manifest's ProviderName (GET /manifest.xml), e.g. the dinkes's name. */
  PUBLISHER_NAME?: string;
  /** The deployment's add-in id (a GUID; the manifest's <Id>), written by `npm run deploy` on its first run. */
  ADDIN_ID?: string;
  [binding: string]: unknown;
}

export interface Variables extends RequestIdVariables, TimingVariables {
  token: TokenInfo;
  lang: Lang;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
