import { createRoute } from "@hono/zod-openapi";
import { routes } from "../openapi/app";
import { json } from "../openapi/responses";
import { healthSchema } from "../openapi/schemas";

export const healthRoutes = routes();

healthRoutes.openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["Service"],
    summary: "Liveness (no token needed)",
    responses: { 200: json(healthSchema, "Up") },
  }),
  (c) => c.json({ ok: true as const }, 200),
);
