import { createRoute, z } from "@hono/zod-openapi";
import { coverageQuerySchema, coverageResponseSchema, type CoverageResponse } from "../../shared/api/coverage";
import type { Lang } from "../../shared/schema/issue";
import { writeCsv } from "../../shared/table/csv-write";
import { resolveQuery } from "../../shared/coverage/query";
import { requireRole } from "../auth/guard";
import { asOfAsked } from "../http/dates";
import { regionAsked } from "../http/region";
import { readSessions } from "../http/databases";
import { readCoverage } from "../coverage/read";
import { answeredAhead } from "../coverage/warm";
import { serverTiming, timed } from "../http/timing";
import { configOf } from "../config";
import { ApiError, langOf } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";

/** GET /v1/coverage (SPEC §6, issue #4). Mounted under /v1 by worker/app.ts. */
export const coverageRoutes = routes();

const coverageTableNames = ["wilayah", "profesi", "standar"] as const;
/** The JSON query plus, for CSV, which one of the response's tables to write (default `wilayah`). */
const coverageCsvQuerySchema = coverageQuerySchema.extend({
  table: z.enum(coverageTableNames).optional().openapi({ description: "With `Accept: text/csv`: which table (default wilayah)." }),
});

/**
 * One table of a coverage response as CSV (issue 12: Power Query "From Web"): labels of the request's
 * language as the header, shares as fractions, through the one formula-safe writer.
 */
export function coverageCsv(body: CoverageResponse, table: (typeof coverageTableNames)[number], lang: Lang): string {
  const t = body.tables[table];
  return writeCsv(
    t.columns.map((col) => col.label[lang]),
    t.rows,
  );
}

/** A client that asks for CSV (Accept: text/csv) over JSON. */
const wantsCsv = (accept: string | undefined) => /(^|,)\s*text\/csv\b/i.test(accept ?? "") && !/(^|,)\s*application\/json\b/i.test(accept ?? "");

coverageRoutes.openapi(
  createRoute({
    method: "get",
    path: "/coverage",
    tags: ["Coverage"],
    summary: "Staffing coverage and workforce indicators, from facility to nation, at any past date (analyst)",
    description: [
      "Every indicator of SPEC §6 for the facilities of `region` (default: the token's scope), one row per",
      "`level` unit (default: one level below the region), from the rosters current at the end of `as_of`",
      "(default today; any past date reads upload history; more than a day after today is 400, as for uploads). `tables` are ready for sheets (labels id/en;",
      "shares are fractions 0…1); `figures` holds every figure of the whole region by key, for cells.",
      "Counts only: never a NIK, NIP or name of a person. Density is null where population is unknown.",
    ].join(" "),
    security: bearer,
    middleware: [requireRole("analyst"), serverTiming()] as const,
    request: { query: coverageCsvQuerySchema },
    responses: {
      200: {
        description: "Coverage (JSON), or one of its tables as CSV with `Accept: text/csv` (formula-safe; header in the request's language)",
        content: { "application/json": { schema: coverageResponseSchema }, "text/csv": { schema: z.string() } },
      },
      ...errors(400, 401, 403),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const region = await regionAsked(c, q.region);
    // A future as_of is refused as uploads refuse it; none is today in the region's zone.
    const asOf = asOfAsked(c, q.as_of, region);
    const resolved = resolveQuery({ ...q, region: region ?? undefined, as_of: asOf }, asOf);
    if (!resolved.ok) throw new ApiError(400, "bad_request", resolved.message);
    const nowMs = configOf(c.env).now ?? Date.now();
    const started = Date.now();
    const body = await readCoverage(readSessions(c, resolved.query.region), resolved.query, {
      now: new Date(nowMs).toISOString(),
      pinned: answeredAhead(c.env, resolved.query, nowMs),
      // Server-Timing says whether the answer was remembered (store/coverage-memo.ts) or computed.
      onRead: ({ remembered, databases }) =>
        timed(c, "read", Date.now() - started, remembered === databases ? "remembered" : remembered === 0 ? "computed" : `remembered ${remembered} of ${databases}`),
    });
    c.header("Vary", "Accept, Accept-Language");
    if (wantsCsv(c.req.header("Accept"))) {
      const name = `cakupan-${resolved.query.region ?? "nasional"}-${resolved.query.as_of}-${q.table ?? "wilayah"}.csv`;
      return c.body(coverageCsv(body, q.table ?? "wilayah", langOf(c)), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
      });
    }
    return c.json(body, 200);
  },
);
