import { createRoute } from "@hono/zod-openapi";
import { todayIn } from "../../shared/normalize/today";
import { configOf } from "../config";
import { notAfterTomorrow } from "../http/dates";
import { validatePopulation } from "../../shared/validate/masters";
import { requireRole } from "../auth/guard";
import { requireMasterKeeper } from "../auth/master-keeper";
import { validatorScope } from "../auth/scope";
import { prepare } from "../db/limits";
import { primaryOf } from "../db/session";
import { nationalDb, writeDb } from "../http/databases";
import { masterProvince } from "../rosters/provinces";
import { readJson } from "../http/body";
import { ApiError, langOf } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { masterPutResponseSchema, populationPutSchema } from "../../shared/api/facilities";
import { upsertPopulationSql } from "../store/population";
import { knownRegions } from "../store/wilayah";
import type { Issue, Lang } from "../../shared/schema/issue";
import { countIssues } from "../../shared/rules/count";
import { makeIssue } from "../../shared/validate/issues";
import { columnRef } from "../../shared/validate/labels";
import { MESSAGES } from "../http/messages";

export const populationRoutes = routes();

populationRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "put",
    path: "/population",
    tags: ["Master data"],
    summary: "Add or replace population figures (admin of a province or regency, within scope)",
    description:
      "Rows (kode_wilayah, tahun, jumlah) are checked, region codes against the region list and the facility master; any error gives 422 and nothing is stored. Each (region, year) given replaces the stored figure from `berlaku_mulai` (yyyy-mm-dd, default today, at most tomorrow): coverage at an earlier date uses the figure as it stood then (a figure's first revision also before its date). A kecamatan- or facility-scoped admin gets 403. One request is one province (each may have a database of its own): regions of two or more provinces give 422 and nothing is stored.",
    security: bearer,
    request: { body: { required: true, content: { "application/json": { schema: populationPutSchema } } } },
    responses: { 200: json(masterPutResponseSchema, "Stored"), ...errors(400, 401, 403, 413, 415, 422) },
  }),
);
populationRoutes.put("/population", requireRole("admin"), requireMasterKeeper(), async (c) => {
  const body = await readJson(c, populationPutSchema);
  const lang = langOf(c);
  const checked = validatePopulation(body.penduduk, { lang, scope: validatorScope(c.get("token").scope) });
  // One province per change, stored in its database (SPEC §7; rosters/provinces.ts says why).
  const province = masterProvince(checked.records.map((r) => r.kode_wilayah), MESSAGES.partPopulation);
  const db = writeDb(c, province);
  // The shared check knows provinces and regencies; kecamatan are known to the Worker only (attack
  // finding 9c): from the region codes (DB) and the province's facility master (its database).
  const codes = checked.records.map((r) => r.kode_wilayah);
  const national = nationalDb(c);
  const [known, inProvince] = await Promise.all([knownRegions(primaryOf(national), codes), db === national ? null : knownRegions(primaryOf(db), codes)]);
  for (const k of inProvince ?? []) known.add(k);
  const unknown = checked.records.filter((r) => !known.has(r.kode_wilayah)).map((r) => unknownRegion(r.row, r.kode_wilayah, lang));
  const issues = unknown.length === 0 ? checked.issues : [...checked.issues, ...unknown].sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  const counts = countIssues(issues);
  if (counts.error > 0) {
    throw new ApiError(
      422,
      "validation_failed",
      MESSAGES.populationHasErrors(counts.error),
      issues,
    );
  }
  const records = checked.records.map(({ row: _row, ...p }) => p);
  const berlakuMulai = notAfterTomorrow(body.berlaku_mulai, todayIn(c.get("token").scope, configOf(c.env).now));
  const statements = upsertPopulationSql(records, new Date().toISOString(), berlakuMulai).map((s) => prepare(db, s));
  if (statements.length > 0) await db.batch(statements);
  return c.json({ stored: records.length, counts, issues }, 200);
});

/** penduduk.invalid for a region code no list knows (store/wilayah.ts knownRegions). */
function unknownRegion(row: number, kode: string, lang: Lang): Issue {
  return makeIssue(
    "penduduk.invalid",
    { table: "penduduk", row, column: "kode_wilayah", value: kode },
    {
      ...columnRef("penduduk", "kode_wilayah"),
      value: kode,
      expected: "kode wilayah yang terdaftar (kecamatan ini tidak ada di daftar wilayah maupun di master fasyankes)",
      expected_en: "a known region code (this kecamatan is neither in the region list nor in the facility master)",
    },
    lang,
  );
}
