import { createHash, createHmac } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { packageBin } from "../lib/bin";
import { rawWorkerConfig } from "../lib/worker-config";

/**
 * Local D1 files for one database per province (SPEC §7): DB (tokens, region codes) and DB_<xx>
 * per province, as `wrangler dev` opens them from a persist directory, plus the wrangler config that
 * binds them all. Each file is a copy of one migrated by `wrangler d1 migrations apply`, named as
 * miniflare names a D1 database's Durable Object: workerd's idFromName(database_id) under the unique
 * key "miniflare-D1DatabaseObject" (HMAC-SHA256 of the name, then of that half; 32 bytes in hex).
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const OBJECT_DIR = join("v3", "d1", "miniflare-D1DatabaseObject");

/** database_id of a binding: DB keeps worker/wrangler.jsonc's, DB_xx ends in its province code. */
export function databaseId(binding: string): string {
  const code = /^DB_(\d{2})$/.exec(binding)?.[1];
  return `00000000-0000-0000-0000-0000000000${code ?? "00"}`;
}

/** The file name of a local D1 database in a persist directory (miniflare's Durable Object id). */
export function d1FileName(id: string): string {
  const key = createHash("sha256").update("miniflare-D1DatabaseObject").digest();
  const first = createHmac("sha256", key).update(id).digest().subarray(0, 16);
  const second = createHmac("sha256", key).update(first).digest().subarray(0, 16);
  return `${Buffer.concat([first, second]).toString("hex")}.sqlite`;
}

export function d1File(persistDir: string, binding: string): string {
  return join(persistDir, OBJECT_DIR, d1FileName(databaseId(binding)));
}

/**
 * Creates the migrated, empty database files of `bindings` under persistDir (one migration run, then
 * copies), and returns their paths by binding.
 */
export function createDatabases(persistDir: string, bindings: readonly string[]): Map<string, string> {
  const template = join(persistDir, "template");
  execFileSync(process.execPath, [packageBin("wrangler"), "d1", "migrations", "apply", "DB", "--local", "--persist-to", template, "-c", "worker/wrangler.jsonc"], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "1" },
  });
  const made = join(template, OBJECT_DIR);
  const file = readdirSync(made).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database under ${made}`);
  // wrangler leaves the migrations in the write-ahead log: fold it into the file before copying.
  const t = new DatabaseSync(join(made, file));
  t.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  t.close();
  mkdirSync(join(persistDir, OBJECT_DIR), { recursive: true });
  const out = new Map<string, string>();
  for (const b of bindings) {
    const to = d1File(persistDir, b);
    copyFileSync(join(made, file), to);
    out.set(b, to);
  }
  return out;
}

/**
 * worker/wrangler.jsonc with every binding's database (paths made absolute, no rate limit), written
 * into persistDir for `wrangler dev -c`. Returns its path.
 */
export function writeWranglerConfig(persistDir: string, bindings: readonly string[]): string {
  const base = rawWorkerConfig() as Record<string, unknown> & { vars?: Record<string, string>; assets?: Record<string, unknown> };
  const config = {
    ...base,
    main: join(root, "worker", "index.ts"),
    assets: base.assets ? { ...base.assets, directory: join(root, "dist", "addin") } : undefined,
    d1_databases: bindings.map((b) => ({
      binding: b,
      database_name: `nakes-roster-${b.toLowerCase()}`,
      database_id: databaseId(b),
      migrations_dir: join(root, "worker", "migrations"),
    })),
    vars: { ...(base.vars ?? {}), RATE_LIMIT_PER_MINUTE: "0" },
  };
  const path = join(persistDir, "wrangler.json");
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}
