import { createRoute } from "@hono/zod-openapi";
import { etag } from "hono/etag";
import { referenceData, referenceSchema } from "../../shared/reference";
import { requireRole } from "../auth/guard";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";

export const referenceRoutes = routes();

referenceRoutes.openapi(
  createRoute({
    method: "get",
    path: "/reference",
    tags: ["Reference"],
    summary: "Professions, statuses, trainings, facility kinds, regions, the staffing standard and the sheet headers",
    description: "One source for the add-in's dropdowns and the server's checks (SPEC §4). Any role. Sends an ETag: a client that has it gets 304.",
    security: bearer,
    middleware: [requireRole("analyst"), etag()] as const,
    responses: { 200: json(referenceSchema, "Reference data"), ...errors(401) },
  }),
  (c) => {
    c.header("Cache-Control", "private, max-age=300");
    return c.json(referenceData, 200);
  },
);
