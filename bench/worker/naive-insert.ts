import { Hono } from "hono";
import { requireRole } from "../../worker/auth/guard";
import { configOf } from "../../worker/config";
import type { AppEnv } from "../../worker/env";
import { writeDb } from "../../worker/http/databases";
import { langOf } from "../../worker/http/errors";
import { checkRoster } from "../../worker/rosters/check";
import { readRosterBody, rosterRequestOf } from "../../worker/rosters/request";
import { NAKES_FIELDS } from "../../worker/store/nakes";

/**
 * The naive storage path the upload benchmark (bench/upload.ts) measures the real one against: the
 * same parse and validation, then one INSERT statement per row, each awaited. Never part of the
 * deployed Worker (issue 10 item 9): only bench/worker/index.ts mounts it. Rows go under a throwaway
 * upload id that no pointer names, so no reader ever sees them.
 */
export const naiveInsertRoutes = new Hono<AppEnv>();

naiveInsertRoutes.post("/naive-insert", requireRole("admin"), async (c) => {
  const started = Date.now();
  const req = rosterRequestOf(await readRosterBody(c));
  const checked = await checkRoster(writeDb(c), req, c.get("token"), { lang: langOf(c), maxRows: configOf(c.env).maxRows });
  const db = writeDb(c);
  const uploadId = `bench-naive-${crypto.randomUUID()}`;
  const columns = ["upload_id", "row_no", ...NAKES_FIELDS, "fp"];
  const sql = `INSERT INTO nakes (${columns.join(", ")}) VALUES (${columns.map((_, i) => `?${i + 1}`).join(", ")})`;
  const validated = Date.now();
  for (const { record, fp } of checked.persons) {
    await db
      .prepare(sql)
      .bind(uploadId, record.row, ...NAKES_FIELDS.map((f) => record[f]), fp)
      .run();
  }
  const stored = Date.now();
  await db.prepare("DELETE FROM nakes WHERE upload_id = ?1").bind(uploadId).run();
  c.header("Server-Timing", `check;dur=${validated - started}, store;dur=${stored - validated}`);
  return c.json({ rows: checked.persons.length }, 200);
});
