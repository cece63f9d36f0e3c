/**
 * /openapi.json for programs (issue 12 item 7): the document @hono/zod-openapi builds from the routes,
 * completed here in one place rather than in every route file:
 * - `servers`: the origin the document was fetched from (a deployment describes itself);
 * - `operationId` on every operation that has none: method + path (`GET /v1/uploads/{id}` →
 *   `getUploadsById`), stable as long as the path is, unique because method + path is;
 * - `security: []` on every operation that declares none (public routes say so explicitly);
 * - `info.license` and `info.version` from package.json (one place for both).
 * Linted with Redocly's recommended rules by tests/scripts/openapi-lint.test.ts.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import packageJson from "../../package.json";
import type { AppEnv } from "../env";

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Nakes Roster API",
    version: packageJson.version,
    description:
      "Roster tenaga kesehatan untuk Dinas Kesehatan: validasi, unggah atomik, riwayat, master fasyankes dan penduduk, token akses. / The health-worker roster of Indonesia's health offices: validation, atomic uploads, history, facility and population masters, access tokens.",
    license: { name: packageJson.license, identifier: packageJson.license },
  },
};

const camel = (word: string) => word.replace(/[-_]+([a-z0-9])/gi, (_, ch: string) => ch.toUpperCase()).replace(/^./, (ch) => ch.toUpperCase());

/** `get` + `/v1/uploads/{id}` → `getUploadsById` (the /v1 prefix is every operation's, so left out). */
export function operationIdFor(method: string, path: string): string {
  const parts = path
    .split("/")
    .filter((p) => p !== "" && p !== "v1")
    .map((p) => (/^\{.+\}$/.test(p) ? `By${camel(p.slice(1, -1))}` : camel(p)));
  return `${method.toLowerCase()}${parts.join("")}`;
}

/** The API's OpenAPI 3.1 document as served from `origin` (e.g. https://nakes-roster.dinkes.workers.dev). */
export function apiDocument(app: OpenAPIHono<AppEnv>, origin: string): Json {
  const doc = app.getOpenAPI31Document(OPENAPI_CONFIG) as unknown as Json;
  doc["servers"] = [{ url: origin, description: "Deployment ini / this deployment" }];
  for (const [path, item] of Object.entries((doc["paths"] ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      op["operationId"] ??= operationIdFor(method, path);
      op["security"] ??= [];
    }
  }
  return doc;
}
