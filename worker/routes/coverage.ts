import { createRoute } from "@hono/zod-openapi";
import { coverageQuerySchema, coverageResponseSchema } from "../../shared/api/coverage";
import { resolveQuery } from "../../shared/coverage/query";
import { requireRole } from "../auth/guard";
import { coverageRegion } from "../coverage/access";
import { readSessions } from "../coverage/databases";
import { readCoverage } from "../coverage/read";
import { ApiError } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";

/** GET /v1/coverage (SPEC §6, issue #4). Mounted under /v1 by worker/app.ts. */
export const coverageRoutes = routes();

coverageRoutes.openapi(
  createRoute({
    method: "get",
    path: "/coverage",
    tags: ["Coverage"],
    summary: "Staffing coverage and workforce indicators, from facility to nation, at any past date (analyst)",
    description: [
      "Every indicator of SPEC §6 for the facilities of `region` (default: the token's scope), one row per",
      "`level` unit (default: one level below the region), from the rosters current at the end of `as_of`",
      "(default today; any past date reads upload history). `tables` are ready for sheets (labels id/en;",
      "shares are fractions 0…1); `figures` holds every figure of the whole region by key, for cells.",
      "Counts only: never a NIK, NIP or name of a person. Density is null where population is unknown.",
    ].join(" "),
    security: bearer,
    middleware: [requireRole("analyst")] as const,
    request: { query: coverageQuerySchema },
    responses: { 200: json(coverageResponseSchema, "Coverage"), ...errors(400, 401, 403) },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const region = coverageRegion(c.get("token"), q.region);
    const resolved = resolveQuery({ ...q, region: region ?? undefined }, new Date().toISOString().slice(0, 10));
    if (!resolved.ok) throw new ApiError(400, "bad_request", resolved.message);
    return c.json(await readCoverage(readSessions(c, resolved.query.region), resolved.query), 200);
  },
);
