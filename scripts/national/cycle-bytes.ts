/**
 * Where a history cycle's bytes go (issue 15 "Done when": each later cycle adds ≤ 5 % of the first):
 * a few monthly cycles of one province through the Worker's own upload SQL (write.ts uploadRoster, as
 * bench:history's generator, scripts/national/history.ts), and after each cycle every table and index
 * of the province's database with its bytes (sqlite dbstat: sum(pgsize)), what the cycle added, and
 * its fill (share of those bytes holding data). A table whose fill drops while the cycle adds little
 * change is written and deleted again (pages split, then left half empty).
 *
 *   npx tsx scripts/national/cycle-bytes.ts      CYCLE_PROVINCE (default 34, DIY: small; 35: the largest),
 *                                               CYCLE_COUNT (default 4), CYCLE_CHURN (default 0.03)
 *
 * A fresh database in memory, migrated by applying worker/migrations/*.sql in order; nothing cached.
 * Each cycle also prints its slowest statements (summed over the cycle's batches), where its time goes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { addMonthsIso } from "../../shared/normalize/calendar";
import type { Writer } from "../../worker/db/types";
import { runCycle, type FacilityStaff } from "./cycles";
import { SqliteD1, type SqliteStatement } from "./d1-sqlite";
import { geography, population } from "./model";
import { uploadRoster, writeFacilities, writePopulation } from "./write";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PROVINCE = process.env["CYCLE_PROVINCE"] ?? "34";
const CYCLES = Number(process.env["CYCLE_COUNT"] ?? 4);
const CHURN = Number(process.env["CYCLE_CHURN"] ?? 0.03);

interface TableBytes {
  bytes: number;
  used: number;
}

/** Bytes and used bytes per table and index (dbstat), after folding the journal in. */
function tableBytes(db: DatabaseSync): Map<string, TableBytes> {
  const rows = db.prepare("SELECT name, SUM(pgsize) AS bytes, SUM(pgsize - unused) AS used FROM dbstat GROUP BY name").all() as unknown as {
    name: string;
    bytes: number;
    used: number;
  }[];
  return new Map(rows.map((r) => [r.name, { bytes: r.bytes, used: r.used }]));
}

/** SqliteD1 whose batches sum each statement's time by its SQL's first words. */
class TimedD1 extends SqliteD1 {
  times = new Map<string, number>();
  override async batch(statements: SqliteStatement[]) {
    const out = [];
    this.db.exec("BEGIN");
    try {
      for (const s of statements) {
        const t = performance.now();
        out.push(/^\s*(SELECT|WITH)\b/i.test(s.sql) ? await s.all() : await s.run());
        const key = s.sql.replace(/\s+/g, " ").trim().slice(0, 90);
        this.times.set(key, (this.times.get(key) ?? 0) + performance.now() - t);
      }
      this.db.exec("COMMIT");
      return out;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }
}

function usedBytes(db: DatabaseSync): number {
  const one = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, number>)[0]!;
  return (one("PRAGMA page_count") - one("PRAGMA freelist_count")) * one("PRAGMA page_size");
}

const mb = (n: number) => (n / 1e6).toFixed(2);

async function main(): Promise<void> {
  const sqlite = new DatabaseSync(":memory:");
  for (const f of readdirSync(join(root, "worker/migrations")).filter((f) => f.endsWith(".sql")).sort()) {
    sqlite.exec(readFileSync(join(root, "worker/migrations", f), "utf8"));
  }
  // The adapter has the subset of D1 the storage modules use; its statements are not D1's classes.
  const timed = new TimedD1(sqlite);
  const db = timed as unknown as Writer;
  const regencies = geography().filter((r) => r.kode.startsWith(PROVINCE));
  if (regencies.length === 0) throw new Error(`no regency of province ${PROVINCE} in the model`);
  await writeFacilities(db, regencies.flatMap((r) => r.facilities));
  await writePopulation(db, population(geography()).filter((x) => x.kode_wilayah.startsWith(PROVINCE)));

  let before = tableBytes(sqlite);
  let total = usedBytes(sqlite);
  let first = 0;
  const staff = new Map<string, FacilityStaff>();
  const firstDay = addMonthsIso(`${new Date().toISOString().slice(0, 7)}-01`, -CYCLES);
  console.log(`province ${PROVINCE}: ${regencies.reduce((n, r) => n + r.facilities.length, 0)} facilities, ${CYCLES} cycles at ${CHURN * 100} % churn`);
  for (let c = 0; c < CYCLES; c++) {
    const started = performance.now();
    const day = addMonthsIso(firstDay, c);
    const { rows, changed } = await runCycle(regencies, staff, c, day, CHURN, (_, u) => uploadRoster(db, u));
    const seconds = (performance.now() - started) / 1000;
    const after = tableBytes(sqlite);
    const now = usedBytes(sqlite);
    const grew = now - total;
    if (c === 0) first = grew;
    console.log(
      `\ncycle ${c + 1} (${day}): ${rows} rows, ${changed} changed, +${mb(grew)} MB` +
        (c > 0 ? ` = ${((grew / first) * 100).toFixed(1)} % of the first` : "") +
        ` in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`,
    );
    console.log(`  ${"table / index".padEnd(28)} ${"MB".padStart(8)} ${"+MB".padStart(8)} ${"fill".padStart(6)}`);
    for (const [name, b] of [...after.entries()].sort((x, y) => y[1].bytes - x[1].bytes)) {
      const added = b.bytes - (before.get(name)?.bytes ?? 0);
      if (b.bytes < 20_000 && added === 0) continue;
      console.log(`  ${name.padEnd(28)} ${mb(b.bytes).padStart(8)} ${mb(added).padStart(8)} ${`${Math.round((b.used / b.bytes) * 100)}%`.padStart(6)}`);
    }
    console.log("  slowest statements (s):");
    for (const [sql, ms] of [...timed.times.entries()].sort((x, y) => y[1] - x[1]).slice(0, 6)) console.log(`  ${(ms / 1000).toFixed(2).padStart(7)}  ${sql}`);
    timed.times.clear();
    before = after;
    total = now;
  }
  sqlite.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
