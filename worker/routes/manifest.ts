/**
 * What the pane and Office fetch from the Worker besides the API (issue 12, one origin):
 * - `GET /manifest.xml`: the add-in manifest for the origin this request reached (SPEC §7 "one
 *   origin"), version from package.json, ProviderName from PUBLISHER_NAME; the same XML as
 *   `npm run manifest -- --url <origin>` (both from shared/office/manifest.ts).
 * - `GET /config.json`: `{ "apiUrl": "<this origin>" }`, the default API address the pane reads at
 *   start (addin/main.tsx), so a pane served by the Worker talks to its own origin, no CORS.
 * Neither is part of the API for programs, so neither is in /openapi.json.
 */
import { Hono } from "hono";
import packageJson from "../../package.json";
import { addinManifest } from "../../shared/office/manifest";
import { configOf } from "../config";
import type { AppEnv } from "../env";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The public origin of a request. Cloudflare answers the same host over https, and Office loads add-ins
 * over https only, so a plain-http request outside loopback still gets the https origin.
 */
export function publicOrigin(requestUrl: string): string {
  const u = new URL(requestUrl);
  if (u.protocol === "http:" && !LOOPBACK.has(u.hostname)) u.protocol = "https:";
  return u.origin;
}

export const manifestRoutes = new Hono<AppEnv>();

manifestRoutes.get("/manifest.xml", (c) => {
  const config = configOf(c.env);
  const xml = addinManifest({ origin: publicOrigin(c.req.url), version: packageJson.version, publisher: config.publisherName, id: config.addinId });
  return c.body(xml, 200, { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-cache" });
});

manifestRoutes.get("/config.json", (c) => {
  c.header("Cache-Control", "no-store");
  return c.json({ apiUrl: publicOrigin(c.req.url) });
});
