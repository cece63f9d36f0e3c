import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { languageDetector } from "hono/language";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { configOf } from "./config";
import { D1LimitError } from "./db/limits";
import type { AppEnv } from "./env";
import { tooLarge } from "./http/body";
import { ApiError, errorResponse, fromHttpException, scrub } from "./http/errors";
import { docsPage } from "./openapi/docs-page";
import { apiDocument } from "./openapi/document";
import { coverageRoutes } from "./routes/coverage";
import { facilityRoutes } from "./routes/facilities";
import { healthRoutes } from "./routes/health";
import { manifestRoutes, publicOrigin } from "./routes/manifest";
import { populationRoutes } from "./routes/population";
import { referenceRoutes } from "./routes/reference";
import { rosterRoutes } from "./routes/rosters";
import { standardsRoutes } from "./routes/standards";
import { tokenRoutes } from "./routes/tokens";
import { uploadRoutes } from "./routes/uploads";
import { penempatanRoutes } from "./routes/penempatan";
import { tindakLanjutRoutes } from "./routes/tindak-lanjut";
import { MESSAGES } from "./http/messages";

const ALLOWED_HEADERS = ["Authorization", "Content-Type", "Content-Encoding", "Accept", "Accept-Language", "Idempotency-Key", "If-Match", "D1-Bookmark", "X-Request-Id"];
const EXPOSED_HEADERS = ["X-Request-Id", "Server-Timing", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "Idempotent-Replayed", "Location", "ETag", "D1-Bookmark"];

export function createApp(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  // The request id is Cloudflare's Ray ID when there is one: the id a user reads in an error message
  // then finds the request's line in Workers Logs (observability in wrangler.jsonc) directly.
  app.use("*", requestId({ generator: (c) => c.req.header("cf-ray") ?? crypto.randomUUID() }));
  app.use("*", secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
  app.use("*", (c, next) => {
    const allowed = configOf(c.env).corsOrigins;
    return cors({
      origin: (origin) => (allowed.includes(origin) || allowed.includes("*") ? origin : null),
      allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
      allowHeaders: ALLOWED_HEADERS,
      exposeHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    })(c, next);
  });
  app.use(
    "*",
    languageDetector({
      supportedLanguages: ["id", "en"],
      fallbackLanguage: "id",
      order: ["querystring", "header"],
      lookupQueryString: "lang",
      caches: false,
      convertDetectedLanguage: (l) => l.split("-")[0]!.toLowerCase(),
    }),
  );
  app.use("*", async (c, next) => {
    c.set("lang", c.get("language" as never) === "en" ? "en" : "id");
    await next();
  });
  // Bodies over the limit stop here, before anything reads them (Content-Length or streamed).
  app.use("/v1/*", (c, next) => {
    const max = configOf(c.env).maxBodyBytes;
    return bodyLimit({ maxSize: max, onError: (cc) => errorResponse(cc, tooLarge(max)) })(c, next);
  });

  app.route("/v1", healthRoutes);
  app.route("/v1", referenceRoutes);
  app.route("/v1", rosterRoutes);
  app.route("/v1", uploadRoutes);
  app.route("/v1", facilityRoutes);
  app.route("/v1", populationRoutes);
  app.route("/v1", tokenRoutes);
  app.route("/v1", coverageRoutes);
  app.route("/v1", standardsRoutes);
  app.route("/v1", tindakLanjutRoutes);
  app.route("/v1", penempatanRoutes);
  // The pane's own files are static assets (wrangler.jsonc `assets`); these two are made per origin.
  app.route("/", manifestRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A token from `npm run token -- create` or POST /v1/tokens",
  });
  // The document completed for programs (servers, operationIds, security, licence): openapi/document.ts.
  app.get("/openapi.json", (c) => c.json(apiDocument(app, publicOrigin(c.req.url))));
  // Rendered once per origin (its curl lines name the origin it is served from); one kept.
  let page: { origin: string; html: string } | undefined;
  app.get("/docs", (c) => {
    const origin = publicOrigin(c.req.url);
    if (page?.origin !== origin) page = { origin, html: docsPage(apiDocument(app, origin)) };
    return c.html(page.html);
  });
  app.get("/", (c) => c.redirect("/docs"));

  app.notFound((c) => errorResponse(c, new ApiError(404, "not_found", MESSAGES.notFound)));

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof HTTPException) return errorResponse(c, fromHttpException(err));
    if (err instanceof D1LimitError) {
      // Only client data can make a value outgrow D1's limits (the builder cuts everything else).
      return errorResponse(
        c,
        new ApiError(413, "payload_too_large", MESSAGES.valueTooLarge),
      );
    }
    console.error(JSON.stringify({ level: "error", request_id: c.get("requestId"), path: c.req.path, error: err.name, message: scrub(err.message) }));
    return errorResponse(
      c,
      new ApiError(500, "internal", MESSAGES.serverError),
    );
  });

  return app;
}
