import { createRoute } from "@hono/zod-openapi";
import { todayIn } from "../../shared/normalize/today";
import { notAfterTomorrow } from "../http/dates";
import { configOf } from "../config";
import { standardsPutSchema, standardsResponseSchema } from "../../shared/api/coverage";
import { parseStandardTable } from "../../shared/coverage/standard-table";
import type { Issue } from "../../shared/schema/issue";
import { makeIssue } from "../../shared/validate/issues";
import { requireRole } from "../auth/guard";
import { provinceOf } from "../db/region";
import { NATIONAL_SCOPE } from "../auth/scope";
import { NATIONAL_STANDARD, readStandards, reviseStandard, standardSetExists } from "../store/standards";
import { readJson } from "../http/body";
import { readSessions, writeDbs } from "../http/databases";
import { ApiError, langOf } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { MESSAGES } from "../http/messages";

/**
 * The staffing-standard sets (SPEC §4.3), per province with a national default (SPEC §7 Access).
 * Coverage reads each facility's province's active set from D1 on every request, so a revision or a
 * switch shows in the next coverage answer, with no deploy. Mounted under /v1.
 */
export const standardsRoutes = routes();

standardsRoutes.openapi(
  createRoute({
    method: "get",
    path: "/standards",
    tags: ["Coverage"],
    summary: "The staffing-standard sets the token's province sees, and the rows of its effective set (analyst)",
    description:
      "A province's own sets and the national default's sets it has not revised; `aktif` is the set coverage uses for the province's facilities (its own active set, else the national active set). A national token sees the national default.",
    security: bearer,
    middleware: [requireRole("analyst")] as const,
    responses: { 200: json(standardsResponseSchema, "Standard sets"), ...errors(401, 403) },
  }),
  async (c) => {
    const scope = c.get("token").scope;
    const provinsi = provinceOf(scope) ?? NATIONAL_STANDARD;
    const [db] = readSessions(c, provinsi === NATIONAL_STANDARD ? null : provinsi);
    return c.json(await readStandards(db!, provinsi), 200);
  },
);

standardsRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "put",
    path: "/standards",
    tags: ["Coverage"],
    summary: "Revise a staffing-standard set and/or make it the active one (admin of a province)",
    description: [
      "`standar` (columns kategori, rawat_inap, jenis, minimum) replaces every row of `set` (default",
      "PMK75_2014), creating the set if new; `aktif: true` makes it the set coverage uses. A bad row gives",
      "422 with `issues` (codes standar.*) naming its row and column, and nothing changes. Standards are policy",
      "of a province: a province's admin changes only its province's sets (a set it does not hold yet starts",
      "from the national set of that name), a national admin the national default. `berlaku_mulai` (yyyy-mm-dd,",
      "default today, at most tomorrow) dates an activation: coverage at an earlier date uses the set active then.",
    ].join(" "),
    security: bearer,
    request: { body: { required: true, content: { "application/json": { schema: standardsPutSchema } } } },
    responses: { 200: json(standardsResponseSchema, "The sets after the change"), ...errors(400, 401, 403, 404, 413, 415, 422) },
  }),
);
standardsRoutes.put("/standards", requireRole("admin"), async (c) => {
  const scope = c.get("token").scope;
  if (scope !== NATIONAL_SCOPE && !/^\d{2}$/.test(scope)) {
    throw new ApiError(403, "forbidden", MESSAGES.standardsByProvinceAdmin(scope));
  }
  const body = await readJson(c, standardsPutSchema);
  if (body.aktif === false) {
    throw new ApiError(400, "bad_request", MESSAGES.standardSwitchNeedsAktif);
  }
  let rules;
  if (body.standar) {
    const parsed = parseStandardTable(body.standar);
    if (!parsed.ok) {
      // Every problem, as an issue of the one error shape (row 0-based, as in every table endpoint).
      const lang = langOf(c);
      const issues: Issue[] = parsed.problems.map((p) =>
        makeIssue(p.code, { table: "standar", row: p.row, column: p.column }, { detail: p.message }, lang),
      );
      throw new ApiError(
        422,
        "validation_failed",
        MESSAGES.standardTableHasErrors(issues.length),
        issues,
      );
    }
    rules = parsed.rules;
  }
  const provinsi = scope === NATIONAL_SCOPE ? NATIONAL_STANDARD : scope;
  const targets = writeDbs(c, provinsi === NATIONAL_STANDARD ? null : provinsi);
  if (!rules && !(await standardSetExists(targets[0]!, provinsi, body.set))) {
    throw new ApiError(404, "not_found", MESSAGES.standardSetUnknown(body.set));
  }
  const at = new Date().toISOString();
  const berlakuMulai = notAfterTomorrow(body.berlaku_mulai, todayIn(provinsi === NATIONAL_STANDARD ? null : provinsi, configOf(c.env).now));
  for (const db of targets) {
    await reviseStandard(db, { provinsi, set: body.set, rules, keterangan: body.keterangan, activate: body.aktif === true, at, berlakuMulai });
  }
  return c.json(await readStandards(targets[0]!, provinsi), 200);
});
