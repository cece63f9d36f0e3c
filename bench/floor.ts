/**
 * The storage floor of SPEC §8 (issue 15 item 5): the same rows through a raw SQLite
 * `INSERT … SELECT FROM json_each(?)` into the same schema (every migration of worker/migrations
 * applied, so the same table, keys and indexes) on the same machine, in one transaction, in chunks of
 * the size Cloudflare advises for bulk writes (10,000 rows; bench/floor-rows.ts). No Worker, no D1
 * layer, no validation: what the disk and SQLite alone cost, for bench/upload.ts to divide by.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { RosterRequest } from "../shared/schema/roster";
import { FLOOR_INSERT_SQL, floorChunks, floorDate } from "./floor-rows";

/**
 * Milliseconds to insert the roster's Nakes rows as one upload's current rows (bench/floor-rows.ts),
 * their JSON built beforehand (the Worker's "store" includes building its own: the floor is the stricter).
 * @param migrationsDir worker/migrations
 * @param opts.keyOrder rows in the table's key order (see floorChunks)
 */
export function sqliteFloorMs(roster: RosterRequest, migrationsDir: string, opts: { keyOrder?: boolean } = {}): number {
  const dir = mkdtempSync(join(tmpdir(), "nakes-bench-floor-"));
  const db = new DatabaseSync(join(dir, "floor.sqlite"));
  try {
    // The pragmas of a local D1 database file (miniflare's defaults): WAL journal.
    db.exec("PRAGMA journal_mode = WAL;");
    for (const f of readdirSync(migrationsDir).filter((x) => x.endsWith(".sql")).sort()) db.exec(readFileSync(join(migrationsDir, f), "utf8"));
    const insert = db.prepare(FLOOR_INSERT_SQL);
    const chunks = floorChunks(roster, opts);
    const t0 = performance.now();
    db.exec("BEGIN");
    for (const chunk of chunks) insert.run("floor-upload", chunk, floorDate(roster));
    db.exec("COMMIT");
    return performance.now() - t0;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
