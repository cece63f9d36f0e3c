import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { LIST_COLUMNS, listQuerySchema, listResponseSchema } from "../../shared/api/tindak-lanjut";
import { csvOf } from "../../shared/tindak-lanjut/csv";
import { buildList, factsOf, listWindows, type ListRows } from "../../shared/tindak-lanjut/lists";
import { listNeeds } from "../../shared/tindak-lanjut/selection";
import { requireRole } from "../auth/guard";
import { serverTiming, timed } from "../http/timing";
import { readSessions } from "../http/databases";
import type { AppEnv } from "../env";
import { parseWith } from "../http/body";
import { langOf } from "../http/errors";
import { asOfAsked } from "../http/dates";
import { regionAsked } from "../http/region";
import { routes } from "../openapi/app";
import { bearer, errors } from "../openapi/responses";
import { readListFacts, rulesAt, type ProvinceStandards } from "../store/tindak-lanjut";
import { MESSAGES } from "../http/messages";

/**
 * GET /v1/tindak-lanjut (SPEC §9, issue 16): the action lists, people by name, for uploaders and
 * admins; analysts never (the lists name people). The region asked for must lie in the token's scope,
 * as for coverage and the plan (http/region.ts: a wider or other region is 403, never an answer narrowed
 * to the scope); the data is read within the scope as well (store/scope-sql), so a facility-scoped
 * uploader sees its facility only. A future `as_of` is refused as uploads refuse it. Mounted under /v1.
 */
export const tindakLanjutRoutes = routes();

const wantsCsv = (c: Context<AppEnv>) => /\btext\/csv\b/i.test(c.req.header("Accept") ?? "");

tindakLanjutRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "get",
    path: "/tindak-lanjut",
    tags: ["Tindak lanjut"],
    summary: "Action lists: who needs what done, by when (uploader or admin, in scope)",
    description: [
      "One list of SPEC §9 for the facilities of `region` (default: the token's scope; a region wider than or outside the",
      "scope is 403, as on coverage), as of `as_of` (default today in the region's province; more than a day after today is",
      "400, as for uploads): each facility's roster with the latest as_of on or before it, its",
      "attributes and the staffing standard of that date, as coverage reads them (SPEC §6). `sip` (SIP ended, or ending within 90",
      "days), `str` (STR missing where the profession needs one, or dated), `penugasan` (a status with a term, e.g.",
      "Penugasan Khusus 5 years, whose term has ended or ends within 6 months, with the gap left behind), `poned` (PONED",
      "puskesmas whose team lacks a PONED-trained dokter, bidan or perawat, and who could be trained), `pelatihan`",
      "(who has not had PENGELOLAAN_LIMBAH among sanitarians, PPI among clinical staff; and, as a row without a person, each",
      "puskesmas where nobody holds K3_FASYANKES).",
      "Rows are sorted by urgency (earliest `batas` first). `Accept: text/csv` gives the same columns as CSV (UTF-8 with",
      "BOM, comma-separated; text that would read as a formula is prefixed with an apostrophe; digits Excel would change,",
      'more than 15 or with a leading 0 such as a NIK or NIP, are written `="…"`). Personal data: never for analysts.',
    ].join(" "),
    security: bearer,
    request: { query: listQuerySchema },
    responses: {
      200: {
        description: "The list",
        content: { "application/json": { schema: listResponseSchema }, "text/csv": { schema: z.string() } },
      },
      ...errors(400, 401, 403),
    },
  }),
);
tindakLanjutRoutes.get("/tindak-lanjut", requireRole("uploader"), serverTiming(), async (c) => {
  const q = parseWith(listQuerySchema, c.req.query(), MESSAGES.partQuery);
  const token = c.get("token");
  // The region asked for, or the token's scope (null: national); wider than the scope is 403.
  const place = await regionAsked(c, q.region);
  const region = q.region ?? null;
  const asOf = asOfAsked(c, q.as_of, place);
  const lang = langOf(c);
  const needs = listNeeds(q.list, listWindows(asOf));

  // Each database of the place (one per province once bound; the whole country for a national token).
  const started = Date.now();
  const dbs = readSessions(c, place);
  const parts = await Promise.all(dbs.map((db) => readListFacts(db, { region, scope: token.scope, asOf, ...needs })));
  // Each facility is held to its own province's standard (else the national one): every database
  // holds the national set and its provinces' own sets, so the union of their answers has them all.
  const standards: ProvinceStandards = new Map(parts.flatMap((p) => [...p.standards]));
  const rules = (kodeFasyankes: string) => rulesAt(standards, kodeFasyankes);
  const rows: ListRows = {
    facilities: parts.flatMap((p) => p.facilities),
    persons: parts.flatMap((p) => p.persons),
    trainings: parts.flatMap((p) => p.trainings),
    staff: parts.flatMap((p) => p.staff),
    facilitiesWithout: parts.flatMap((p) => p.facilitiesWithout),
  };
  // Time spent reading storage (bench:tindak-lanjut prints it; Workers' clock moves only on I/O).
  timed(c, "read", Date.now() - started);
  const answer = buildList(q.list, factsOf(rows, rules), asOf, lang);

  if (wantsCsv(c)) {
    const name = `tindak-lanjut-${q.list}-${(place ?? "ID").replace(/[^A-Z0-9]/gi, "")}-${asOf}.csv`;
    return c.body(csvOf(LIST_COLUMNS[q.list], answer.rows), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
    });
  }
  return c.json(answer, 200);
});
