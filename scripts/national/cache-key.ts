import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * What every generated benchmark database depends on: the model, the generator's writes, and the
 * Worker's own storage SQL they go through (an upload's staging, person versions and coverage
 * refresh: worker/rosters/commit.ts storeUpload), with every migration.
 */
const STORAGE_SOURCES = [
  "scripts/national/model.ts",
  "scripts/national/write.ts",
  "worker/rosters/commit.ts",
  "worker/coverage/refresh.ts",
  "worker/store/coverage-versions.ts",
  "worker/store/coverage-facts.ts",
  "worker/store/coverage-pelatihan.ts",
  "worker/store/coverage-staged.ts",
  "worker/store/nakes.ts",
  "worker/store/versions.ts",
  "worker/store/pelatihan.ts",
];

/**
 * A cache key (16 hex) of `seed` (the selection) and the contents of `own` (the generator's files,
 * relative to the repository) beside STORAGE_SOURCES and the migrations: when any of them changes,
 * the cached files are generated again.
 */
export function sourcesKey(seed: string, own: readonly string[]): string {
  const h = createHash("sha256").update(seed);
  const migrations = readdirSync(join(root, "worker/migrations")).sort().map((f) => `worker/migrations/${f}`);
  for (const f of [...own, ...STORAGE_SOURCES, ...migrations]) h.update(f).update(readFileSync(join(root, f)));
  return h.digest("hex").slice(0, 16);
}
