import { Hono } from "hono";
import { requireRole } from "../auth/guard";
import { configOf } from "../config";
import type { AppEnv } from "../env";
import { writeDb } from "../db/session";
import { ApiError, langOf } from "../http/errors";
import { checkRoster } from "../rosters/check";
import { readRosterBody, rosterRequestOf } from "../rosters/request";
import { NAKES_FIELDS } from "../store/nakes";

/**
 * The naive storage path the upload benchmark (bench/upload.ts) measures the real one against: the
 * same parse and validation, then one INSERT statement per row, each awaited. Mounted only when the
 * BENCH_ROUTES var is "1"; never in the OpenAPI document. Rows go under a throwaway upload id that
 * no pointer names, so no reader ever sees them.
 */
export const benchRoutes = new Hono<AppEnv>();

benchRoutes.use("*", async (c, next) => {
  if (!configOf(c.env).benchRoutes) throw new ApiError(404, "not_found", { id: "Alamat tidak ditemukan.", en: "Not found." });
  await next();
});

benchRoutes.post("/naive-insert", requireRole("admin"), async (c) => {
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
