import { createRoute } from "@hono/zod-openapi";
import { placementRequestSchema, placementResponseSchema } from "../../shared/api/tindak-lanjut";
import { addMonthsIso } from "../../shared/normalize/calendar";
import type { JenisTenaga, StatusKepegawaian } from "../../shared/reference/codes";
import { planPlacement, type PlacementFacility } from "../../shared/tindak-lanjut/penempatan";
import { PLACEMENT_HORIZON_MONTHS, TERM_STATUSES } from "../../shared/tindak-lanjut/rules";
import { latestTmtEndingBy } from "../../shared/tindak-lanjut/selection";
import { termEnd } from "../../shared/tindak-lanjut/lists";
import { requireRole } from "../auth/guard";
import { asOfAsked } from "../http/dates";
import { regionAsked } from "../http/region";
import { readSession } from "../http/databases";
import { readJson } from "../http/body";
import { langOf } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { readPlacementFacts } from "../store/tindak-lanjut";

/**
 * POST /v1/penempatan (SPEC §9, issue 16): where N new staff of one profession should go in a region.
 * The route gathers the facts as of `as_of` (the region's puskesmas with their attributes of then,
 * staff per profession and the terms that end, from each puskesmas's roster of that date; the
 * province's staffing standard active then: SPEC §6, as coverage reads them); the ranking is
 * shared/tindak-lanjut/penempatan.ts. Counts only, so analysts may ask. Mounted under /v1.
 */
export const penempatanRoutes = routes();

penempatanRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "post",
    path: "/penempatan",
    tags: ["Tindak lanjut"],
    summary: "Placement plan: which puskesmas should receive N new staff of one profession (analyst)",
    description: [
      "Ranks the active puskesmas of `region` (a region code in the token's scope) for `jumlah` new staff of",
      "`jenis_tenaga` (a profession, or KEFARMASIAN), one person at a time: puskesmas with none of that profession first,",
      "then the largest gap against the staffing standard, counting staff whose term (e.g. Penugasan Khusus) ends within",
      "12 months of `as_of` as already gone, then SANGAT_TERPENCIL and TERPENCIL before the others, then the facility",
      "code. Each row gives the gap before and after and the reason in the request's language; `indikator` gives the",
      "region's puskesmas without a doctor, with all 9 jenis and the profession's gap, before and after. Counts only. Read as",
      "of `as_of` (default today; more than a day after today is 400, as for uploads): each puskesmas's roster with the",
      "latest as_of on or before it, its attributes and the standard of that date (SPEC §6).",
    ].join(" "),
    security: bearer,
    request: { body: { required: true, content: { "application/json": { schema: placementRequestSchema } } } },
    responses: { 200: json(placementResponseSchema, "The plan"), ...errors(400, 401, 403, 413, 415) },
  }),
);
penempatanRoutes.post("/penempatan", requireRole("analyst"), async (c) => {
  const body = await readJson(c, placementRequestSchema);
  // The schema requires a region code, so regionAsked answers it (or refuses it: 403).
  const region = (await regionAsked(c, body.region))!;
  const asOf = asOfAsked(c, body.as_of, region);
  const horizon = addMonthsIso(asOf, PLACEMENT_HORIZON_MONTHS);
  const db = readSession(c, region);
  const facts = await readPlacementFacts(db, region, asOf, {
    statuses: [...TERM_STATUSES.keys()] as StatusKepegawaian[],
    tmtUntil: latestTmtEndingBy(horizon),
  });
  const byKode = new Map<string, PlacementFacility>(
    facts.puskesmas.map((f) => [f.kode, { ...f, staff: {} as Partial<Record<JenisTenaga, number>>, terms: [] as PlacementFacility["terms"][number][] }]),
  );
  for (const s of facts.staff) {
    const f = byKode.get(s.kode_fasyankes);
    if (f) f.staff[s.jenis_tenaga] = s.n;
  }
  for (const t of facts.terms) {
    const f = byKode.get(t.kode_fasyankes);
    const end = termEnd(t);
    if (f && end !== null) (f.terms as PlacementFacility["terms"][number][]).push({ jenis: t.jenis_tenaga, status: t.status_kepegawaian, end });
  }
  const plan = planPlacement(
    { region, jenis: body.jenis_tenaga, jumlah: body.jumlah, asOf, facilities: [...byKode.values()], rules: facts.rules },
    langOf(c),
  );
  return c.json(plan, 200);
});
