import { NAKES_KEYS } from "../shared/schema/records";
import type { RosterRequest } from "../shared/schema/roster";

/**
 * What both storage floors write (bench/floor.ts in node:sqlite, bench/worker/floor-d1.ts through D1):
 * the roster's Nakes rows as sent (the cells of its canonical columns, a placeholder fingerprint) as
 * one upload's current rows, by a raw `INSERT … SELECT FROM json_each(?)` in chunks of the size
 * Cloudflare advises for bulk writes. Pure, so that the Worker can import it.
 */

/** Rows per statement. */
export const FLOOR_CHUNK = 10_000;

/** ?1 upload id, ?2 a JSON array of tuples, ?3 valid_from (the roster's date; valid_to NULL: current). */
export const FLOOR_INSERT_SQL = `INSERT INTO nakes (upload_id, valid_from, row_no, ${NAKES_KEYS.join(", ")}, fp)
  SELECT ?1, ?3, ${Array.from({ length: NAKES_KEYS.length + 2 }, (_, i) => `value->>${i}`).join(", ")} FROM json_each(?2)`;

/**
 * The roster's rows as tuples (row number, the canonical columns, a fingerprint), cut into chunks of
 * FLOOR_CHUNK as JSON.
 * @param opts.keyOrder rows sorted by (facility, row), the table's key order, as the Worker sends them
 *   (worker/store/nakes.ts insertNakesSql); by default in the order of the sheet
 */
export function floorChunks(roster: RosterRequest, opts: { keyOrder?: boolean } = {}): string[] {
  const at = new Map(roster.nakes.columns.map((c, i) => [String(c), i]));
  const tuples = roster.nakes.rows.map((row, i) => [i, ...NAKES_KEYS.map((k) => (at.has(k) ? (row[at.get(k)!] ?? null) : null)), `fp${i}`]);
  if (opts.keyOrder) {
    const kode = 1 + NAKES_KEYS.indexOf("kode_fasyankes");
    tuples.sort((a, b) => String(a[kode]).localeCompare(String(b[kode])) || Number(a[0]) - Number(b[0]));
  }
  const chunks: string[] = [];
  for (let i = 0; i < tuples.length; i += FLOOR_CHUNK) chunks.push(JSON.stringify(tuples.slice(i, i + FLOOR_CHUNK)));
  return chunks;
}

/** The roster's date, the floors' valid_from. */
export const floorDate = (roster: RosterRequest): string => roster.as_of ?? "2026-11-01";
