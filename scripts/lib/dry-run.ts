/**
 * What a `wrangler deploy --dry-run --outdir DIR` proves without a Cloudflare account, checked in one
 * place for `npm run deploy -- --dry-run` and tests/scripts/deploy.test.ts: the bundle built, its gzip
 * size is under Workers' limit, the D1 binding is listed and the pane's assets were read.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { stripAnsi } from "./wrangler-output";

/**
 * Workers' limit on a Worker's compressed size on the Free plan, 3 MB (Paid allows 10 MB): the
 * stricter one (Cloudflare, Workers › Platform › Limits › Worker size).
 */
export const WORKER_GZIP_LIMIT = 3 * 1024 * 1024;

export interface DryRunReport {
  /** Bundle files (.js, .mjs, .wasm) in the out dir. */
  files: string[];
  /** Their size in bytes, raw and gzip (level 9, as Cloudflare measures roughly). */
  raw: number;
  gzip: number;
  /** What is wrong, one sentence each (Indonesian / English); empty when the dry run proves the deploy. */
  problems: string[];
}

/** Checks a dry run's out dir and its printed `output` (wrangler 4.164's wording). */
export function checkDryRun(outdir: string, output: string): DryRunReport {
  const text = stripAnsi(output);
  let files: string[] = [];
  try {
    files = readdirSync(outdir).filter((f) => f.endsWith(".js") || f.endsWith(".mjs") || f.endsWith(".wasm"));
  } catch {
    files = [];
  }
  const raw = files.reduce((n, f) => n + readFileSync(join(outdir, f)).byteLength, 0);
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(outdir, f)), { level: 9 }).byteLength, 0);
  const problems: string[] = [];
  if (!files.includes("index.js")) problems.push(`Bundel tidak ada / no bundle: index.js missing in ${outdir}`);
  if (gzip >= WORKER_GZIP_LIMIT) problems.push(`Bundel terlalu besar / bundle too large: gzip ${kib(gzip)} ≥ ${kib(WORKER_GZIP_LIMIT)} (Workers Free limit)`);
  if (!/env\.DB \(nakes-roster\)\s+D1 Database/.test(text)) problems.push("Binding D1 `DB` tidak tercantum / the D1 binding DB is not listed by wrangler");
  const assets = /Read (\d+) files? from the assets directory/.exec(text);
  if (!assets || Number(assets[1]) === 0) problems.push("Aset panel tidak terbaca / the pane's assets were not read (is dist/addin built?)");
  return { files, raw, gzip, problems };
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

/** One line with the figures, for the terminal. */
export function dryRunSummary(r: DryRunReport): string {
  return `Worker bundle: ${kib(r.raw)}, gzip ${kib(r.gzip)} (limit ${WORKER_GZIP_LIMIT / 1024 / 1024} MB on Free, 10 MB on Paid)`;
}
