import type { RequestIdVariables } from "hono/request-id";
import type { Lang } from "../shared/schema/issue";
import type { TokenInfo } from "./auth/token-info";

/**
 * The bindings and vars of wrangler.jsonc. Vars arrive as strings; worker/config.ts reads them with
 * their defaults. Per-province databases (DB_17, DB_36, …) may be bound later: see db/region.ts.
 */
export interface Bindings {
  DB: D1Database;
  /** Comma-separated origins allowed by CORS (the add-in's). */
  CORS_ORIGINS?: string;
  /** Requests per token per minute before 429; "0" turns the limiter off. */
  RATE_LIMIT_PER_MINUTE?: string;
  /** Largest request body in bytes (default 50 MB). */
  MAX_BODY_BYTES?: string;
  /** Most rows per table of an upload (default 200,000). */
  MAX_ROWS?: string;
  /** Rows an upload may write in one batch with its commit; above it, rows are staged first. */
  BATCH_ROWS?: string;
  /** "1" enables /bench/naive-insert, the one-INSERT-per-row path the upload benchmark compares with. */
  BENCH_ROUTES?: string;
  [binding: string]: unknown;
}

export interface Variables extends RequestIdVariables {
  token: TokenInfo;
  lang: Lang;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
