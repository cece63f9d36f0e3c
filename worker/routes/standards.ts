import { createRoute } from "@hono/zod-openapi";
import { standardsPutSchema, standardsResponseSchema } from "../../shared/api/coverage";
import { parseStandardTable } from "../../shared/coverage/standard-table";
import { requireRole } from "../auth/guard";
import { NATIONAL_SCOPE } from "../coverage/access";
import { readSessions, writeDbs } from "../coverage/databases";
import { readStandards, reviseStandard, standardSetExists } from "../coverage/standards-store";
import { readJson } from "../http/body";
import { ApiError } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";

/**
 * The staffing-standard sets (SPEC §4.3). Coverage reads the active set from D1 on every request, so a
 * revision or a switch shows in the next coverage answer, with no deploy. Mounted under /v1.
 */
export const standardsRoutes = routes();

standardsRoutes.openapi(
  createRoute({
    method: "get",
    path: "/standards",
    tags: ["Coverage"],
    summary: "The staffing-standard sets, and the rows of the active one (analyst)",
    security: bearer,
    middleware: [requireRole("analyst")] as const,
    responses: { 200: json(standardsResponseSchema, "Standard sets"), ...errors(401, 403) },
  }),
  async (c) => {
    const [db] = readSessions(c, c.get("token").scope === NATIONAL_SCOPE ? null : c.get("token").scope);
    return c.json(await readStandards(db!), 200);
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
      "422 naming its row and column, and nothing changes. Standards are policy of a province: the admin's",
      "scope must be a province (its database) or the whole country (every database).",
    ].join(" "),
    security: bearer,
    request: { body: { required: true, content: { "application/json": { schema: standardsPutSchema } } } },
    responses: { 200: json(standardsResponseSchema, "The sets after the change"), ...errors(400, 401, 403, 404, 413, 415, 422) },
  }),
);
standardsRoutes.put("/standards", requireRole("admin"), async (c) => {
  const scope = c.get("token").scope;
  if (scope !== NATIONAL_SCOPE && !/^\d{2}$/.test(scope)) {
    throw new ApiError(403, "forbidden", {
      id: `Standar ketenagaan diubah oleh admin provinsi; cakupan token ini ${scope}.`,
      en: `Staffing standards are changed by a province's admin; this token's scope is ${scope}.`,
    });
  }
  const body = await readJson(c, standardsPutSchema);
  if (body.aktif === false) {
    throw new ApiError(400, "bad_request", {
      id: "Untuk berganti set, kirim aktif: true pada set yang ingin dipakai.",
      en: "To switch sets, send aktif: true for the set to use.",
    });
  }
  let rules;
  if (body.standar) {
    const parsed = parseStandardTable(body.standar);
    if (!parsed.ok) {
      // Rows counted from 1 here, as a person reads a sheet; every problem is listed.
      const list = (lang: "id" | "en") =>
        parsed.problems
          .map((p) => `${p.row === null ? "" : `${lang === "en" ? "row" : "baris"} ${p.row + 1}, ${p.column}: `}${p.message[lang]}`)
          .join("; ");
      throw new ApiError(422, "validation_failed", {
        id: `Tabel standar berisi ${parsed.problems.length} kesalahan; tidak ada yang diubah. ${list("id")}`,
        en: `The standard table has ${parsed.problems.length} error(s); nothing was changed. ${list("en")}`,
      });
    }
    rules = parsed.rules;
  }
  const region = scope === NATIONAL_SCOPE ? null : scope;
  const targets = writeDbs(c, region);
  if (!rules && !(await standardSetExists(targets[0]!, body.set))) {
    throw new ApiError(404, "not_found", {
      id: `Set standar ${body.set} belum ada: kirim tabel standar untuk membuatnya.`,
      en: `Standard set ${body.set} does not exist: send its standard table to create it.`,
    });
  }
  const at = new Date().toISOString();
  for (const db of targets) await reviseStandard(db, { set: body.set, rules, keterangan: body.keterangan, activate: body.aktif === true, at });
  return c.json(await readStandards(targets[0]!), 200);
});
