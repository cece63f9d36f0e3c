import { createRoute } from "@hono/zod-openapi";
import { facilityCodesOf, validateFacilities } from "../../shared/validate/masters";
import { requireRole } from "../auth/guard";
import { requireMasterKeeper } from "../auth/master-keeper";
import { validatorScope } from "../auth/scope";
import { prepare } from "../db/limits";
import { sessionAt } from "../db/session";
import { bookmarkOf, primarySession, readSession, writeDb } from "../http/databases";
import { allDatabases, provinceOf } from "../db/region";
import { masterProvince } from "../rosters/provinces";
import { readJson } from "../http/body";
import { ApiError, langOf } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { facilitiesPutSchema, facilityListSchema, masterPutResponseSchema } from "../../shared/api/facilities";
import { facilityQuerySchema } from "../openapi/schemas";
import { facilityFacts, listFacilities, upsertFacilitiesSql } from "../store/facilities";
import { todayIn } from "../../shared/normalize/today";
import { configOf } from "../config";
import { notAfterTomorrow } from "../http/dates";
import { MESSAGES } from "../http/messages";

export const facilityRoutes = routes();

facilityRoutes.openapi(
  createRoute({
    method: "get",
    path: "/facilities",
    tags: ["Master data"],
    summary: "The facility master (any role)",
    security: bearer,
    middleware: [requireRole("analyst")] as const,
    request: { query: facilityQuerySchema },
    responses: { 200: json(facilityListSchema, "Facilities, by code"), ...errors(400, 401) },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const query = { region: q.region, jenis: q.jenis, aktif: q.aktif === undefined ? undefined : q.aktif === "Y" };
    // A region or facility lies in one province's database; the whole country is every database's.
    if (provinceOf(q.region) !== null) return c.json({ fasyankes: await listFacilities(readSession(c, q.region), query) }, 200);
    const bookmark = bookmarkOf(c);
    const lists = await Promise.all(allDatabases(c.env).map((db) => listFacilities(sessionAt(db, bookmark), query)));
    const fasyankes = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
    return c.json({ fasyankes }, 200);
  },
);

facilityRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "put",
    path: "/facilities",
    tags: ["Master data"],
    summary: "Add or replace facilities (admin of a province or regency, within scope)",
    description:
      "`berlaku_mulai` (yyyy-mm-dd, default today, at most tomorrow) is the date from which the rows hold: coverage at an earlier date uses the versions of then (a facility's first version also before its date). Rows are checked like a roster (codes, regions, kinds, flags, duplicates, scope); any error gives 422 and nothing is stored. A code's shape fixes its kind and region (puskesmas P + 10 digits, the first six the kecamatan; hospitals 7 digits, the first four the regency; clinics K and laboratories L + the 4-digit regency + 3–6 digits); names must begin with a letter or digit (no formulas). The new row and the stored row of its code must both lie in the token's scope. Each facility given replaces the stored one with its code; facilities not given stay (set aktif N to retire one). A kecamatan- or facility-scoped admin gets 403: the master is kept by the province and regency offices. One request is one province (each may have a database of its own): codes of two or more provinces give 422 and nothing is stored.",
    security: bearer,
    request: { body: { required: true, content: { "application/json": { schema: facilitiesPutSchema } } } },
    responses: { 200: json(masterPutResponseSchema, "Stored"), ...errors(400, 401, 403, 413, 415, 422) },
  }),
);
facilityRoutes.put("/facilities", requireRole("admin"), requireMasterKeeper(), async (c) => {
  const body = await readJson(c, facilitiesPutSchema);
  const token = c.get("token");
  const scope = validatorScope(token.scope);
  // One province per change, stored in its database (SPEC §7; rosters/provinces.ts says why).
  const province = masterProvince(facilityCodesOf(body.fasyankes), MESSAGES.partFacilityMaster);
  // The stored rows the change touches, from the primary (SPEC §7 Access: old and new row in scope).
  const stored = scope === undefined ? undefined : await facilityFacts(primarySession(c, province), facilityCodesOf(body.fasyankes));
  const checked = validateFacilities(body.fasyankes, { lang: langOf(c), scope, stored });
  if (!checked.ok) {
    throw new ApiError(
      422,
      "validation_failed",
      MESSAGES.facilityMasterHasErrors(checked.counts.error),
      checked.issues,
    );
  }
  const db = writeDb(c, province);
  const records = checked.records.map(({ row: _row, ...f }) => f);
  const berlakuMulai = notAfterTomorrow(body.berlaku_mulai, todayIn(token.scope, configOf(c.env).now));
  const statements = upsertFacilitiesSql(records, token.id, new Date().toISOString(), berlakuMulai).map((s) => prepare(db, s));
  if (statements.length > 0) await db.batch(statements);
  return c.json({ stored: records.length, counts: checked.counts, issues: checked.issues }, 200);
});
