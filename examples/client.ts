/**
 * A typed client of the Nakes Roster API for other programs: the paths, parameters and bodies come
 * from the API's own /openapi.json (openapi-typescript → schema.d.ts), requests go through
 * openapi-fetch, so a call that does not match the API is a compile error, not a 400 at run time.
 *
 *   npm run schema -w examples            # schema.d.ts from a running API (NAKES_API, default localhost:8787; examples/generate-schema.ts)
 */
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export type NakesClient = ReturnType<typeof nakesClient>;

/** A client for the API at `baseUrl` (e.g. https://nakes-roster.dinkes.workers.dev) with a bearer token. */
export function nakesClient(baseUrl: string, token: string, lang: "id" | "en" = "id") {
  // JSON answers only (coverage can also answer text/csv; a program wants the JSON).
  return createClient<paths, "application/json">({ baseUrl, headers: { Authorization: `Bearer ${token}`, Accept: "application/json", "Accept-Language": lang } });
}

/** "status code: message (request id)" of an error answer in the one error shape (SPEC §7), for a log line. */
export function describeError(status: number, body: { error: { code: string; message: string; request_id?: string } }): string {
  return `${status} ${body.error.code}: ${body.error.message}${body.error.request_id ? ` (request ${body.error.request_id})` : ""}`;
}
