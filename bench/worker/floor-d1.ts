import { Hono } from "hono";
import { requireRole } from "../../worker/auth/guard";
import type { AppEnv } from "../../worker/env";
import { writeDb } from "../../worker/http/databases";
import type { RosterRequest } from "../../shared/schema/roster";
import { FLOOR_INSERT_SQL, floorChunks, floorDate } from "../floor-rows";

/**
 * The storage floor on the Worker's own engine (issue 15 item 5), for bench/upload.ts: the roster's
 * rows through the same raw `INSERT … SELECT FROM json_each` as bench/floor.ts (bench/floor-rows.ts),
 * but sent through this Worker's D1 binding into the local D1 database the upload goes to: one batch
 * (one transaction), no validation, no versions, no coverage. Its rows go under a throwaway upload id
 * that no pointer names, and are deleted after the timing. Chunks of 10,000 rows exceed the deployed
 * D1's 1 MB per value (local D1 takes them): a floor, not a path the Worker could take. Only
 * bench/worker/index.ts mounts it.
 */
export const floorD1Routes = new Hono<AppEnv>();

floorD1Routes.post("/floor-d1", requireRole("admin"), async (c) => {
  const roster = await c.req.json<RosterRequest>();
  const db = writeDb(c);
  const id = `bench-floor-${crypto.randomUUID()}`;
  const chunks = floorChunks(roster, { keyOrder: c.req.query("order") === "key" });
  const statements = chunks.map((chunk) => db.prepare(FLOOR_INSERT_SQL).bind(id, chunk, floorDate(roster)));
  const started = Date.now();
  await db.batch(statements);
  const stored = Date.now();
  await db.prepare("DELETE FROM nakes WHERE upload_id = ?1").bind(id).run();
  c.header("Server-Timing", `floor;dur=${stored - started}`);
  return c.json({ rows: roster.nakes.rows.length }, 200);
});
