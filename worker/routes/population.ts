import { createRoute } from "@hono/zod-openapi";
import { todayIn } from "../../shared/normalize/today";
import { configOf } from "../config";
import { notAfterTomorrow } from "../http/dates";
import { validatePopulation } from "../../shared/validate/masters";
import { requireRole } from "../auth/guard";
import { validatorScope } from "../auth/scope";
import { prepare } from "../db/limits";
import { writeDb } from "../db/session";
import { readJson } from "../http/body";
import { ApiError, langOf } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { masterPutResponseSchema, populationPutSchema } from "../../shared/api/facilities";
import { upsertPopulationSql } from "../store/population";

export const populationRoutes = routes();

populationRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "put",
    path: "/population",
    tags: ["Master data"],
    summary: "Add or replace population figures (admin, within scope)",
    description: "Rows (kode_wilayah, tahun, jumlah) are checked; any error gives 422 and nothing is stored. Each (region, year) given replaces the stored figure from `berlaku_mulai` (yyyy-mm-dd, default today, at most tomorrow): coverage at an earlier date uses the figure as it stood then (a figure's first revision also before its date).",
    security: bearer,
    request: { body: { required: true, content: { "application/json": { schema: populationPutSchema } } } },
    responses: { 200: json(masterPutResponseSchema, "Stored"), ...errors(400, 401, 403, 413, 415, 422) },
  }),
);
populationRoutes.put("/population", requireRole("admin"), async (c) => {
  const body = await readJson(c, populationPutSchema);
  const checked = validatePopulation(body.penduduk, { lang: langOf(c), scope: validatorScope(c.get("token").scope) });
  if (!checked.ok) {
    throw new ApiError(
      422,
      "validation_failed",
      { id: `Data penduduk berisi ${checked.counts.error} kesalahan; tidak ada yang disimpan.`, en: `The population table has ${checked.counts.error} error(s); nothing was stored.` },
      checked.issues,
    );
  }
  const db = writeDb(c);
  const records = checked.records.map(({ row: _row, ...p }) => p);
  const berlakuMulai = notAfterTomorrow(body.berlaku_mulai, todayIn(c.get("token").scope, configOf(c.env).now));
  const statements = upsertPopulationSql(records, new Date().toISOString(), berlakuMulai).map((s) => prepare(db, s));
  if (statements.length > 0) await db.batch(statements);
  return c.json({ stored: records.length, counts: checked.counts, issues: checked.issues }, 200);
});
