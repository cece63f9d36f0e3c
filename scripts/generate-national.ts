/**
 * npm run bench:coverage generates, once, a national-scale database on local D1:
 *   tsx scripts/generate-national.ts [--force]
 *
 * 38 provinces, 514 regencies, ~7,200 kecamatan, 10,000 puskesmas, 3,000 hospitals, population, and
 * rosters uploaded per regency in three rounds (~1.5 million staff rows with history). Rows go
 * through the same SQL as a real upload (staging, the final batch that makes them current, and the
 * coverage refresh in it), run over node:sqlite on the D1 file that `wrangler d1 migrations apply
 * --local` created. Cached in the temp dir under a key of the generator's sources and the migrations,
 * so a rerun (and the benchmark) reuses it until either changes.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { execFileSync } from "node:child_process";
import { packageBin } from "./lib/bin";
import { fileURLToPath } from "node:url";
import { sourcesKey } from "./national/cache-key";
import { geography, population, rng, ROUNDS, roster } from "./national/model";
import { SqliteD1 } from "./national/d1-sqlite";
import type { Writer } from "../worker/db/types";
import { createAnalystToken, uploadRoster, writeFacilities, writePopulation } from "./national/write";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface NationalDatabase {
  persistDir: string;
  /** An analyst token scoped to the whole country. */
  token: string;
  stats: { facilities: number; puskesmas: number; staffRows: number; trainingRows: number; uploads: number; seconds: number };
}

/** Everything the database depends on: when any of it changes, the cache key changes. */
const cacheKey = (): string => sourcesKey("", ["scripts/generate-national.ts"]);

function d1File(persistDir: string): string {
  const dir = join(persistDir, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database under ${dir}`);
  return join(dir, file);
}

export async function ensureNationalDatabase(opts: { force?: boolean; log?: (line: string) => void } = {}): Promise<NationalDatabase> {
  const log = opts.log ?? (() => {});
  const persistDir = join(tmpdir(), `nakes-roster-national-${cacheKey()}`);
  const done = join(persistDir, "generated.json");
  if (!opts.force && existsSync(done)) {
    log(`national database: cached at ${persistDir}`);
    return { persistDir, ...(JSON.parse(readFileSync(done, "utf8")) as Omit<NationalDatabase, "persistDir">) };
  }
  const started = performance.now();
  // Databases of earlier generator versions or migrations are 600 MB each: keep only this one.
  for (const old of readdirSync(tmpdir()).filter((d) => d.startsWith("nakes-roster-national-"))) {
    rmSync(join(tmpdir(), old), { recursive: true, force: true });
  }
  mkdirSync(persistDir, { recursive: true });
  log(`national database: applying migrations into ${persistDir}`);
  execFileSync(process.execPath, [packageBin("wrangler"), "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir, "-c", "worker/wrangler.jsonc"], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "1" },
  });

  const sqlite = new DatabaseSync(d1File(persistDir));
  sqlite.exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
  // The adapter has the subset of D1 the storage modules use; its statements are not D1's classes.
  const db = new SqliteD1(sqlite) as unknown as Writer;

  const regencies = geography();
  const facilities = regencies.flatMap((r) => r.facilities);
  await writeFacilities(db, facilities);
  await writePopulation(db, population(regencies));
  log(`national database: ${facilities.length.toLocaleString("en")} facilities in ${regencies.length} regencies`);

  const pick = rng(3);
  let staffRows = 0;
  let trainingRows = 0;
  let uploads = 0;
  for (const [round, r] of ROUNDS.entries()) {
    for (const reg of regencies) {
      if (round > 0 && pick() > r.share) continue;
      const nakes = [];
      const pelatihan = [];
      for (const f of reg.facilities) {
        const x = roster(f, round, r.at);
        // Row numbers run over the whole upload, as in one request.
        for (const r of x.nakes) nakes.push({ ...r, row: nakes.length });
        for (const p of x.pelatihan) pelatihan.push({ ...p, row: pelatihan.length });
      }
      await uploadRoster(db, { id: `national-${round}-${reg.kode}`, at: r.at, nakes, pelatihan });
      staffRows += nakes.length;
      trainingRows += pelatihan.length;
      uploads++;
    }
    log(`national database: round ${round + 1} (${r.at.slice(0, 10)}) stored, ${staffRows.toLocaleString("en")} staff rows so far`);
  }
  const token = await createAnalystToken(db);
  sqlite.exec("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
  sqlite.close();

  const stats = {
    facilities: facilities.length,
    puskesmas: facilities.filter((f) => f.jenis === "PUSKESMAS").length,
    staffRows,
    trainingRows,
    uploads,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(done, JSON.stringify({ token, stats }, null, 2));
  log(`national database: done in ${stats.seconds} s`);
  return { persistDir, token, stats };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureNationalDatabase({ force: process.argv.includes("--force"), log: console.log }).then(
    (db) => console.log(JSON.stringify({ persistDir: db.persistDir, ...db.stats })),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
