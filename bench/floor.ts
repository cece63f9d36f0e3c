/**
 * The storage floor of SPEC §8 (issue 15 item 5): the same rows through a raw SQLite
 * `INSERT … SELECT FROM json_each(?)` into the same schema (every migration of worker/migrations
 * applied, so the same table, keys and indexes) on the same machine, in one transaction, in chunks of
 * the size Cloudflare advises for bulk writes (10,000 rows). No Worker, no D1 layer, no validation:
 * what the disk and SQLite alone cost, for bench/upload.ts to divide by.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { NAKES_KEYS } from "../shared/schema/records";
import type { RosterRequest } from "../shared/schema/roster";

const CHUNK = 10_000;

/**
 * Milliseconds to insert the roster's Nakes rows (as sent: the cells of its canonical columns, a
 * placeholder fingerprint) as one upload's current rows.
 * @param migrationsDir worker/migrations
 * @param opts.keyOrder rows sorted by (facility, row), the table's key order, as the Worker sends them
 *   (store/nakes.ts insertNakesSql); by default in the order of the sheet
 */
export function sqliteFloorMs(roster: RosterRequest, migrationsDir: string, opts: { keyOrder?: boolean } = {}): number {
  const dir = mkdtempSync(join(tmpdir(), "nakes-bench-floor-"));
  const db = new DatabaseSync(join(dir, "floor.sqlite"));
  try {
    // The pragmas of a local D1 database file (miniflare's defaults): WAL journal.
    db.exec("PRAGMA journal_mode = WAL;");
    for (const f of readdirSync(migrationsDir).filter((x) => x.endsWith(".sql")).sort()) db.exec(readFileSync(join(migrationsDir, f), "utf8"));
    const at = new Map(roster.nakes.columns.map((c, i) => [String(c), i]));
    const tuples = roster.nakes.rows.map((row, i) => [i, ...NAKES_KEYS.map((k) => (at.has(k) ? (row[at.get(k)!] ?? null) : null)), `fp${i}`]);
    if (opts.keyOrder) {
      const kode = 1 + NAKES_KEYS.indexOf("kode_fasyankes");
      tuples.sort((a, b) => String(a[kode]).localeCompare(String(b[kode])) || Number(a[0]) - Number(b[0]));
    }
    const select = Array.from({ length: NAKES_KEYS.length + 2 }, (_, i) => `value->>${i}`).join(", ");
    // The rows as a committed upload leaves them: valid from the roster's date, current (valid_to NULL).
    const insert = db.prepare(`INSERT INTO nakes (upload_id, valid_from, row_no, ${NAKES_KEYS.join(", ")}, fp) SELECT ?1, ?3, ${select} FROM json_each(?2)`);
    const t0 = performance.now();
    db.exec("BEGIN");
    for (let i = 0; i < tuples.length; i += CHUNK) insert.run("floor-upload", JSON.stringify(tuples.slice(i, i + CHUNK)), roster.as_of ?? "2026-11-01");
    db.exec("COMMIT");
    return performance.now() - t0;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
