import type { Bindings } from "./env";

/** Limits and switches of one deployment, from wrangler vars with the defaults the README states. */
export interface Config {
  corsOrigins: string[];
  rateLimitPerMinute: number;
  maxBodyBytes: number;
  maxRows: number;
  batchRows: number;
  benchRoutes: boolean;
}

export const DEFAULTS = {
  corsOrigins: ["https://localhost:3000"],
  rateLimitPerMinute: 600,
  maxBodyBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  batchRows: 50_000,
} as const;

function positive(v: unknown, fallback: number, allowZero = false): number {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : typeof v === "number" ? v : NaN;
  return Number.isInteger(n) && (n > 0 || (allowZero && n === 0)) ? n : fallback;
}

export function configOf(env: Bindings): Config {
  const origins = typeof env.CORS_ORIGINS === "string" ? env.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean) : [];
  return {
    corsOrigins: origins.length > 0 ? origins : [...DEFAULTS.corsOrigins],
    rateLimitPerMinute: positive(env.RATE_LIMIT_PER_MINUTE, DEFAULTS.rateLimitPerMinute, true),
    maxBodyBytes: positive(env.MAX_BODY_BYTES, DEFAULTS.maxBodyBytes),
    maxRows: positive(env.MAX_ROWS, DEFAULTS.maxRows),
    batchRows: positive(env.BATCH_ROWS, DEFAULTS.batchRows),
    benchRoutes: env.BENCH_ROUTES === "1",
  };
}

/** "50 MB" for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}
