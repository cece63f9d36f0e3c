import type { Context } from "hono";
import { isoDateSchema } from "../../shared/schema/cell";
import { rosterRequestSchema, type RosterRequest } from "../../shared/schema/roster";
import { csvTable } from "../../shared/table/csv";
import type { AppEnv } from "../env";
import { sha256Hex } from "../auth/secret";
import { parseJson, parseWith, readRawBody, type RawBody } from "../http/body";
import { ApiError } from "../http/errors";
import { MESSAGES } from "../http/messages";

export interface RosterBody {
  raw: RawBody;
  /** SHA-256 of the body as sent (stored with the upload). */
  contentHash: string;
  /** The as_of of the query string (CSV), if any. */
  queryAsOf: string | undefined;
}

/** The body of a roster request as sent: JSON or CSV (415, 413, 400 otherwise). */
export async function readRosterBody(c: Context<AppEnv>): Promise<RosterBody> {
  const raw = await readRawBody(c, ["json", "csv"]);
  const q = c.req.query("as_of");
  if (q !== undefined && !isoDateSchema.safeParse(q).success) {
    throw new ApiError(400, "bad_request", MESSAGES.notIsoDate("as_of", q.slice(0, 40)));
  }
  return { raw, contentHash: await sha256Hex(raw.bytes), queryAsOf: q };
}

/**
 * The roster request of a body. A CSV body is one Nakes table with the headers of SPEC §3 (aliases
 * allowed) and as_of from the query string, and goes the same path as JSON from here on. A JSON body
 * that does not have the request's shape is malformed (400); what its cells say is the validator's.
 * Consumes the body's text and bytes: a 50 MB body need not stay alive beside its parsed rows.
 */
export function rosterRequestOf(body: RosterBody): RosterRequest {
  // A CSV body was decoded by the one CSV decoder in readRawBody (UTF-16 with BOM included).
  const text = body.raw.text;
  body.raw.text = "";
  body.raw.bytes = new Uint8Array(0);
  if (body.raw.kind === "csv") {
    const req: RosterRequest = { nakes: csvTable(text) };
    if (body.queryAsOf !== undefined) req.as_of = body.queryAsOf;
    return req;
  }
  const req = parseWith(rosterRequestSchema, parseJson(text), MESSAGES.partRoster);
  if (req.as_of === undefined && body.queryAsOf !== undefined) req.as_of = body.queryAsOf;
  return req;
}
