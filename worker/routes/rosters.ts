import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { commitStagedRequestSchema, uploadResponseSchema, validateResponseSchema } from "../../shared/api/rosters";
import { rosterRequestSchema } from "../../shared/schema/roster";
import { requireRole } from "../auth/guard";
import { inScope, isNational, withinScope } from "../auth/scope";
import { configOf } from "../config";
import { primaryOf, sessionAt } from "../db/session";
import { bookmarkOf, readSession, writeDb } from "../http/databases";
import { allDatabases, dbFor, provinceOf, provincesWithOwnDatabase } from "../db/region";
import { ApiError, langOf } from "../http/errors";
import { idempotencyKeyOf, idempotent, keyDatabase, requestFingerprint, type IdempotencyClaim } from "../http/idempotency";
import { serverTiming, timed } from "../http/timing";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { currentRosterSchema } from "../../shared/api/rosters";
import { kodeParamSchema, rosterQuerySchema } from "../openapi/schemas";
import { ifMatchTags } from "../rosters/base";
import type { TokenInfo } from "../auth/token-info";
import type { Reader } from "../db/types";
import type { AppEnv } from "../env";
import { readJson } from "../http/body";
import { compareWithStored, validateWithFacts, type Checked } from "../rosters/check";
import { StaleBaseError, stageUpload, storeUpload, type UploadToStore } from "../rosters/commit";
import { readRosterBody, rosterRequestOf, type RosterBody } from "../rosters/request";
import type { RosterRequest } from "../../shared/schema/roster";
import { facilityCodeByRow } from "../rosters/identifiers";
import { indexAfterCommit } from "../rosters/identifier-index";
import { checkPlaces } from "../rosters/places";
import { uploadProvince } from "../rosters/provinces";
import { commitStagedUpload } from "../rosters/staged";
import { storedIssues, storedUploadResponse, uploadResponse, validateResponse } from "../rosters/response";
import { getFacility } from "../store/facilities";
import { currentNakesOf, NAKES_FIELDS } from "../store/nakes";
import { currentPelatihanOf, PELATIHAN_FIELDS } from "../store/pelatihan";
import { getUpload, hasUpload, uploadVisibility } from "../store/uploads";
import { uploadAnswerInScope } from "../rosters/scope-filter";
import { currentPointer } from "../store/versions";
import { MESSAGES } from "../http/messages";

export const rosterRoutes = routes();

const rosterBody = {
  required: true,
  description:
    "JSON: the roster request of SPEC §7. CSV (text/csv): one Nakes table with the headers of SPEC §3 (aliases allowed, ';' or ',' separated); as_of in the query string.",
  content: {
    "application/json": { schema: rosterRequestSchema },
    "text/csv": { schema: z.string() },
  },
};

/**
 * The 201 of a stored upload, rebuilt from storage: an idempotent replay, or a staged commit's answer.
 * The key is the token's own, so its scope covered the upload; the scope filter keeps that true
 * should scopes ever change (rosters/scope-filter.ts).
 */
async function replayUpload(c: Context<AppEnv>, db: Reader, uploadId: string): Promise<Response> {
  const scope = c.get("token").scope;
  const row = await getUpload(db, uploadId, scope);
  if (!row) throw new ApiError(404, "not_found", MESSAGES.uploadNotFound);
  const whole = await storedUploadResponse(db, row);
  const { view } = await uploadVisibility(db, uploadId, withinScope(scope), whole.issues);
  return c.json(uploadAnswerInScope(whole, view, langOf(c)), 201);
}

const stale = () =>
  new ApiError(412, "precondition_failed", MESSAGES.rosterChanged);

const validateQuerySchema = rosterQuerySchema.extend({
  stage: z
    .enum(["0", "1"])
    .optional()
    .describe("1: when the roster has no error, keep it staged and answer `staged` (commit it with POST /v1/rosters/commit)"),
});

rosterRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "post",
    path: "/rosters/validate",
    tags: ["Roster"],
    summary: "Dry run: issues, and what the upload would change per facility",
    description:
      "Runs every rule of SPEC §5 with the facility master, the token's scope and the stored rosters, exactly as the upload would, and compares with the stored rosters (persons added, removed, changed, unchanged). `base` goes back in If-Match on the upload. With `?stage=1` and no error, the upload is also kept staged for 24 h (invisible to every reader) and `staged.id` commits it through POST /v1/rosters/commit, so the roster crosses the network once. Bodies may be gzip-compressed (Content-Encoding: gzip). Role: uploader.",
    security: bearer,
    request: { query: validateQuerySchema, body: rosterBody },
    responses: { 200: json(validateResponseSchema, "Issues, diff per facility, base, and the staged upload when asked"), ...errors(400, 401, 403, 413, 415) },
  }),
);
rosterRoutes.post("/rosters/validate", requireRole("uploader"), async (c) => {
  const stage = c.req.query("stage");
  if (stage !== undefined && stage !== "0" && stage !== "1") {
    throw new ApiError(400, "bad_request", MESSAGES.stageParameter);
  }
  const token = c.get("token");
  const cfg = configOf(c.env);
  const body = await readRosterBody(c);
  let req: RosterRequest | undefined = rosterRequestOf(body);
  // The upload's province database: its rows, diff and staging (SPEC §7: an upload is one province).
  const own = writeDb(c, uploadProvince(token.scope, facilityCodeByRow(req)));
  const bookmark = bookmarkOf(c);
  const places = checkPlaces(c.env, own, (db) => sessionAt(db, bookmark));
  const validated = await validateWithFacts(places.own, req, token, { lang: langOf(c), maxRows: cfg.maxRows, now: cfg.now }, places);
  // The rows are not needed past validation (a large upload's memory).
  req = undefined;
  const checked = await compareWithStored(places.own, validated, places);
  const answer = validateResponse(checked);
  // Never staged with errors (SPEC §7).
  if (stage === "1" && checked.result.ok) {
    const id = crypto.randomUUID();
    const { expiresAt } = await stageUpload(own, toStore(id, token, body, checked), { batchRows: cfg.batchRows });
    answer.staged = { id, expires_at: expiresAt };
  }
  return c.json(answer, 200);
});

/** An error-free checked upload as storage takes it. */
function toStore(id: string, token: TokenInfo, body: RosterBody, checked: Checked): UploadToStore {
  return {
    id,
    token,
    createdAt: new Date().toISOString(),
    asOf: checked.asOf,
    contentType: body.raw.mediaType,
    contentHash: body.contentHash,
    persons: checked.persons,
    pelatihan: checked.result.pelatihan,
    counts: checked.result.counts,
    issues: storedIssues(checked.result.issues),
    diff: checked.diff,
  };
}

rosterRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "post",
    path: "/rosters/commit",
    tags: ["Roster"],
    summary: "Commits an upload staged by a dry run (POST /v1/rosters/validate?stage=1)",
    description:
      "Makes the staged upload current with every guarantee of POST /v1/rosters: atomic; Idempotency-Key (a retry returns the first result); If-Match with the dry run's base (412 when another upload to these facilities landed since). Only the token that staged it may commit it; an unknown, expired (24 h) or already committed staging is 404 (then send the whole roster to POST /v1/rosters). Role: uploader.",
    security: bearer,
    request: {
      headers: z.object({
        "idempotency-key": z.string().optional().describe("One key per push, the same on every retry (a UUID)"),
        "if-match": z.string().optional().describe("The `base` of the dry run"),
      }),
      body: { required: true, content: { "application/json": { schema: commitStagedRequestSchema } } },
    },
    responses: { 201: json(uploadResponseSchema, "Committed"), ...errors(400, 401, 403, 404, 409, 412, 413, 415, 422) },
  }),
);
rosterRoutes.post("/rosters/commit", requireRole("uploader"), async (c) => {
  const token = c.get("token");
  const { staged_id } = await readJson(c, commitStagedRequestSchema);
  const key = idempotencyKeyOf(c);
  const fingerprint = await requestFingerprint(["POST /v1/rosters/commit", staged_id]);
  // A national token's key is routed through DB (http/idempotency.ts keyDatabase), as on POST /v1/rosters.
  const db = await keyDatabase(c, key, fingerprint, provinceOfDatabase(c.env, await stagingDatabase(c, staged_id)));
  const replay = (uploadId: string) => replayUpload(c, db, uploadId);
  return idempotent(
    c,
    db,
    key,
    fingerprint,
    async (claim) => {
      try {
        const kodes = await commitStagedUpload(db, primaryOf(db), checkPlaces(c.env, db, primaryOf), { id: staged_id, token, ifMatch: ifMatchTags(c.req.header("If-Match")), idempotency: claim });
        await indexAfterCommit(c.env, provinceOf(kodes[0]), kodes);
      } catch (e) {
        if (e instanceof StaleBaseError) throw stale();
        throw e;
      }
      c.header("Location", `/v1/uploads/${staged_id}`);
      return replay(staged_id);
    },
    replay,
  );
});

rosterRoutes.openAPIRegistry.registerPath(
  createRoute({
    method: "post",
    path: "/rosters",
    tags: ["Roster"],
    summary: "Atomic upload: replaces the current roster of each facility in it",
    description:
      "All rows are stored or none. Each facility present gets this upload as its current roster; history keeps who, when, counts, warnings and the content hash. Idempotency-Key: a retry returns the first result (same key, other body: 422; first still running: 409). If-Match with the dry run's base: 412 when another upload to these facilities landed in between. Role: uploader.",
    security: bearer,
    request: {
      query: rosterQuerySchema,
      headers: z.object({
        "idempotency-key": z.string().optional().describe("One key per push, the same on every retry (a UUID)"),
        "if-match": z.string().optional().describe("The `base` of the dry run"),
      }),
      body: rosterBody,
    },
    responses: {
      201: json(uploadResponseSchema, "Stored"),
      ...errors(400, 401, 403, 409, 412, 413, 415, 422),
    },
  }),
);
rosterRoutes.post("/rosters", requireRole("uploader"), serverTiming(), async (c) => {
  const upload = await receiveUpload(c);
  return idempotent(
    c,
    upload.db,
    upload.key,
    upload.fingerprint,
    (claim) => checkAndStore(c, upload, claim),
    (uploadId) => replayUpload(c, upload.db, uploadId),
  );
});

/** An upload as received, before its check: the body, its Idempotency-Key and fingerprint, and where it goes. */
interface ReceivedUpload {
  body: RosterBody;
  key: string | undefined;
  fingerprint: string;
  /** The rows, when they were parsed to find the province (a national token's upload). */
  req: RosterRequest | undefined;
  /** ms spent parsing them here (Server-Timing's check counts the parse wherever it ran). */
  parseMs: number;
  province: string | null;
  /** The upload's province database: it takes the claim, the rows and the commit. */
  db: D1Database;
}

/**
 * Step 1 of POST /v1/rosters: reads the body (415, 413, 400) and the Idempotency-Key, and picks the
 * upload's province database (SPEC §7: an upload is one province, so it commits in one database;
 * tokens stay in DB). A province token's is its scope's, and its body is parsed inside the claim (a
 * replay never parses it); a national token's upload goes where its rows' facilities are, so its body
 * is parsed first.
 */
async function receiveUpload(c: Context<AppEnv>): Promise<ReceivedUpload> {
  const token = c.get("token");
  const body = await readRosterBody(c);
  const key = idempotencyKeyOf(c);
  const fingerprint = await requestFingerprint(["POST /v1/rosters", body.raw.kind, body.queryAsOf ?? "", body.contentHash]);
  let req: RosterRequest | undefined;
  let parseMs = 0;
  if (isNational(token.scope)) {
    const t0 = Date.now();
    req = rosterRequestOf(body);
    parseMs = Date.now() - t0;
  }
  const province = uploadProvince(token.scope, req ? facilityCodeByRow(req) : []);
  // A national token's key is routed through DB first (http/idempotency.ts keyDatabase): a reuse with another body is 422 before any province database sees it.
  return { body, key, fingerprint, req, parseMs, province, db: await keyDatabase(c, key, fingerprint, province) };
}

/**
 * Step 2, inside the Idempotency-Key's claim: checks the roster against the primary (the base compared
 * with If-Match must be the latest), refuses it whole with its issues (422) or a stale base (412),
 * stores it atomically, then indexes it (never failing the upload: the scheduled job repairs the
 * index) and answers 201 with Server-Timing's "check" (parse, validate, diff) and "store".
 */
async function checkAndStore(c: Context<AppEnv>, upload: ReceivedUpload, claim: IdempotencyClaim | undefined): Promise<Response> {
  const token = c.get("token");
  const cfg = configOf(c.env);
  const started = Date.now() - upload.parseMs;
  const places = checkPlaces(c.env, upload.db, primaryOf);
  const validated = await validateWithFacts(places.own, upload.req ?? rosterRequestOf(upload.body), token, { lang: langOf(c), maxRows: cfg.maxRows, now: cfg.now }, places);
  // The rows are not needed past validation (a large upload's memory).
  upload.req = undefined;
  const checked = await compareWithStored(places.own, validated, places);
  const checkedAt = Date.now();
  if (!checked.result.ok) throw new ApiError(422, "validation_failed", MESSAGES.rosterHasErrors(checked.result.counts.error), checked.result.issues);
  const tags = ifMatchTags(c.req.header("If-Match"));
  if (tags && !tags.includes(checked.base)) throw stale();
  const id = crypto.randomUUID();
  try {
    await storeUpload(
      upload.db,
      { ...toStore(id, token, upload.body, checked), expected: tags ? checked.pointers : undefined, notBefore: checked.latestSince, idempotency: claim },
      { batchRows: cfg.batchRows },
    );
  } catch (e) {
    if (e instanceof StaleBaseError) throw stale();
    throw e;
  }
  await indexAfterCommit(c.env, upload.province, checked.kodes);
  c.header("Location", `/v1/uploads/${id}`);
  timed(c, "check", checkedAt - started);
  timed(c, "store", Date.now() - checkedAt);
  return c.json(uploadResponse(id, checked), 201);
}

rosterRoutes.openapi(
  createRoute({
    method: "get",
    path: "/rosters/{kode_fasyankes}",
    tags: ["Roster"],
    summary: "The facility's current roster (personal data: uploader in scope)",
    security: bearer,
    middleware: [requireRole("uploader")] as const,
    request: { params: kodeParamSchema },
    responses: { 200: json(currentRosterSchema, "Current roster; upload_id null when none is stored yet"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const kode = c.req.valid("param").kode_fasyankes.trim().toUpperCase();
    const token = c.get("token");
    const db = readSession(c, kode);
    const facility = await getFacility(db, kode);
    if (!facility) {
      throw new ApiError(404, "not_found", MESSAGES.facilityNotInMaster(kode));
    }
    if (inScope(kode, token.scope, facility) !== true) {
      throw new ApiError(403, "forbidden", MESSAGES.facilityOutsideScope(kode, token.scope));
    }
    const pointer = await currentPointer(db, kode);
    if (!pointer) {
      const empty = { nakes: { columns: [...NAKES_FIELDS], rows: [] }, pelatihan: { columns: [...PELATIHAN_FIELDS], rows: [] } };
      return c.json({ kode_fasyankes: kode, upload_id: null, since: null, ...empty }, 200);
    }
    const [nakes, pelatihan] = await Promise.all([currentNakesOf(db, kode), currentPelatihanOf(db, kode)]);
    return c.json({ kode_fasyankes: kode, upload_id: pointer.upload_id, since: pointer.since, nakes, pelatihan }, 200);
  },
);

/** A province whose data `db` holds (the first in code order), null for DB: what names `db` to dbFor. */
function provinceOfDatabase(env: AppEnv["Bindings"], db: D1Database): string | null {
  return db === env.DB ? null : (provincesWithOwnDatabase(env).find((p) => dbFor(env, p) === db) ?? null);
}

/**
 * The database holding an upload staged by a dry run: the token's province's; for a national token
 * (whose stagings may lie in any province database) the one that holds the id, else DB. Committed
 * uploads count too, so an idempotent replay finds the database of its first answer.
 */
async function stagingDatabase(c: Context<AppEnv>, id: string): Promise<D1Database> {
  const dbs = allDatabases(c.env);
  if (!isNational(c.get("token").scope) || dbs.length === 1) return writeDb(c);
  const found = await Promise.all(dbs.map((db) => hasUpload(primaryOf(db), id)));
  return dbs[found.indexOf(true)] ?? c.env.DB;
}
