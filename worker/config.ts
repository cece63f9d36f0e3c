import { ADDIN_ID_PATTERN, DEV_ADDIN_ID } from "../shared/office/manifest";
import type { Bindings } from "./env";

/** Limits and switches of one deployment, from wrangler vars with the defaults the README states. */
export interface Config {
  corsOrigins: string[];
  rateLimitPerMinute: number;
  maxBodyBytes: number;
  maxRows: number;
  batchRows: number;
  /** The NOW var as ms since the epoch (a fixed clock for tests), or undefined: the real clock. */
  now: number | undefined;
  /** The add-in manifest's ProviderName. */
  publisherName: string;
  /** The deployment's add-in id (the manifest's <Id> outside loopback): ADDIN_ID, a GUID. */
  addinId: string;
}

export const DEFAULTS = {
  // None: the pane is served by the Worker itself (one origin). `npm start` allows its https://localhost:3000 pane with --var.
  corsOrigins: [] as string[],
  rateLimitPerMinute: 600,
  maxBodyBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  batchRows: 50_000,
  publisherName: "Nakes Roster",
  addinId: DEV_ADDIN_ID,
} as const;

/**
 * Lifetimes of claims and staged data (SPEC §7 Access, issue 10 item 5): a running Idempotency-Key
 * claim or upload holds a lease renewed every `heartbeatMs` while its request runs, so a crashed
 * request frees its key `leaseMs` after its last heartbeat; keys and staged uploads are kept 24 h,
 * then swept by the scheduled job (worker/sweep.ts).
 */
export const LEASES = {
  leaseMs: 20_000,
  heartbeatMs: 5_000,
  keyTtlMs: 24 * 60 * 60_000,
  stagedTtlMs: 24 * 60 * 60_000,
} as const;

/** `ms` after `from`, as the ISO-8601 UTC text every instant of the database is. */
export const isoAfter = (from: Date | number, ms: number): string => new Date((typeof from === "number" ? from : from.getTime()) + ms).toISOString();

function positive(v: unknown, fallback: number, allowZero = false): number {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : typeof v === "number" ? v : NaN;
  return Number.isInteger(n) && (n > 0 || (allowZero && n === 0)) ? n : fallback;
}

export function configOf(env: Bindings): Config {
  const origins = typeof env.CORS_ORIGINS === "string" ? env.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean) : [];
  return {
    corsOrigins: origins,
    rateLimitPerMinute: positive(env.RATE_LIMIT_PER_MINUTE, DEFAULTS.rateLimitPerMinute, true),
    maxBodyBytes: positive(env.MAX_BODY_BYTES, DEFAULTS.maxBodyBytes),
    maxRows: positive(env.MAX_ROWS, DEFAULTS.maxRows),
    batchRows: positive(env.BATCH_ROWS, DEFAULTS.batchRows),
    now: instantOf(env.NOW),
    publisherName: typeof env.PUBLISHER_NAME === "string" && env.PUBLISHER_NAME.trim() !== "" ? env.PUBLISHER_NAME.trim() : DEFAULTS.publisherName,
    addinId: typeof env.ADDIN_ID === "string" && ADDIN_ID_PATTERN.test(env.ADDIN_ID.trim()) ? env.ADDIN_ID.trim().toLowerCase() : DEFAULTS.addinId,
  };
}

/** An ISO instant with its zone ("2026-11-29T18:30:00Z") → ms since the epoch; anything else → undefined. */
function instantOf(v: unknown): number | undefined {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(v.trim())) return undefined;
  const ms = Date.parse(v.trim());
  return Number.isFinite(ms) ? ms : undefined;
}
