import { createRoute } from "@hono/zod-openapi";
import type { z } from "zod";
import type { Lang } from "../../shared/schema/issue";
import { requireRole } from "../auth/guard";
import { inScope, isNational, withinScope } from "../auth/scope";
import type { Context } from "hono";
import { allDatabases } from "../db/region";
import { sessionAt } from "../db/session";
import { bookmarkOf, readSession } from "../http/databases";
import type { AppEnv } from "../env";
import { ApiError, langOf } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { uploadDetailSchema, uploadListSchema, uploadSummarySchema } from "../../shared/api/uploads";
import { uploadIdParamSchema, uploadListQuerySchema } from "../openapi/schemas";
import { uploadAnswerInScope } from "../rosters/scope-filter";
import { storedUploadResponse } from "../rosters/response";
import { facilitiesOfUploads, getUpload, listUploads, pelatihanRowsOf, uploadVisibility, type UploadFacility, type UploadRow } from "../store/uploads";
import type { Reader } from "../db/types";
import { MESSAGES } from "../http/messages";

export const uploadRoutes = routes();

function summary(r: UploadRow): z.infer<typeof uploadSummarySchema> {
  return {
    id: r.id,
    uploaded_by: { token_id: r.token_id, name: r.token_name, scope: r.token_scope },
    created_at: r.created_at,
    committed_at: r.committed_at ?? "",
    as_of: r.as_of,
    content_type: r.content_type,
    content_hash: r.content_hash,
    stored: { nakes: r.nakes_rows, pelatihan: r.pelatihan_rows },
    facilities: r.facilities,
    counts: { error: r.n_error, warning: r.n_warning, info: r.n_info },
  };
}

type Detail = z.infer<typeof uploadDetailSchema>;

const NOT_FOUND = (id: string) => new ApiError(404, "not_found", MESSAGES.uploadIdNotFound(id));

/**
 * One upload as a caller sees it (SPEC §7 Access: history shows only the facilities, issues and diff
 * entries in the caller's scope). A caller whose scope covers every facility of the upload sees it
 * whole; another sees its facilities' diff entries and the issues of their rows, with counts, facility
 * and row totals recomputed for what it sees (rosters/scope-filter.ts).
 */
async function visibleUpload(db: Reader, row: UploadRow, scope: string, facilities?: UploadFacility[], lang: Lang = "id"): Promise<Detail> {
  const { issues, diff } = await storedUploadResponse(db, row);
  const whole: Detail = { ...summary(row), issues, diff };
  const seen = await uploadVisibility(db, row.id, withinScope(scope), whole.issues, facilities);
  const cut = uploadAnswerInScope(whole, seen.view, lang);
  if (seen.view.coversAll) return cut;
  const kodes = seen.visible.map((f) => f.kode);
  return {
    ...cut,
    facilities: kodes.length,
    stored: { nakes: seen.visible.reduce((n, f) => n + f.nakes, 0), pelatihan: await pelatihanRowsOf(db, row.id, kodes) },
  };
}

/** Page cursor: committed_at and id of the last row, base64url. */
const encodeCursor = (r: UploadRow) => btoa(`${r.committed_at}|${r.id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

function decodeCursor(s: string): { committed_at: string; id: string } {
  try {
    const [committed_at, id] = atob(s.replace(/-/g, "+").replace(/_/g, "/")).split("|");
    if (committed_at && id) return { committed_at, id };
  } catch {
    // fall through
  }
  throw new ApiError(400, "bad_request", MESSAGES.beforeParameter);
}

uploadRoutes.openapi(
  createRoute({
    method: "get",
    path: "/uploads",
    tags: ["History"],
    summary: "Uploads that touched the token's scope, newest first",
    security: bearer,
    middleware: [requireRole("uploader")] as const,
    request: { query: uploadListQuerySchema },
    responses: { 200: json(uploadListSchema, "A page of uploads"), ...errors(400, 401, 403) },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const limit = q.limit ?? 50;
    const kode = q.kode_fasyankes?.trim().toUpperCase();
    const scope = c.get("token").scope;
    const query = { scope, kode_fasyankes: kode, limit, before: q.before ? decodeCursor(q.before) : undefined };
    // Each database's newest page, merged: the keyset (committed_at, id) orders uploads across them.
    const pages = await Promise.all(
      historyReaders(c, kode).map(async (db) => {
        const rows = await listUploads(db, query);
        return { db, rows, facilities: await facilitiesOfUploads(db, rows.map((r) => r.id)) };
      }),
    );
    const rows = pages
      .flatMap((p) => p.rows.map((r) => ({ r, page: p })))
      .sort((a, b) => (a.r.committed_at! < b.r.committed_at! ? 1 : a.r.committed_at! > b.r.committed_at! ? -1 : a.r.id < b.r.id ? -1 : 1))
      .slice(0, limit);
    const last = rows[rows.length - 1]?.r;
    // Uploads that reach beyond the caller's scope are summarised for the part it sees.
    const uploads = await Promise.all(
      rows.map(async ({ r, page }) => {
        const list = page.facilities.get(r.id) ?? [];
        if (list.every((f) => inScope(f.kode, scope, f.fact) === true)) return summary(r);
        const { issues: _issues, diff: _diff, ...part } = await visibleUpload(page.db, r, scope, list);
        return part;
      }),
    );
    return c.json({ uploads, next: rows.length === limit && last ? encodeCursor(last) : null }, 200);
  },
);

uploadRoutes.openapi(
  createRoute({
    method: "get",
    path: "/uploads/{id}",
    tags: ["History"],
    summary: "One upload: who, when, counts, content hash, its warnings and what it changed per facility",
    description:
      "Shows only the facilities in the token's scope: their diff entries and the issues of their rows; issues of no facility (headers) only to a scope covering the whole upload. Counts, facilities and stored rows are recomputed for what is shown. An upload with no facility in scope is 404.",
    security: bearer,
    middleware: [requireRole("uploader")] as const,
    request: { params: uploadIdParamSchema },
    responses: { 200: json(uploadDetailSchema, "The upload (the part in the token's scope)"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("token").scope;
    const readers = historyReaders(c);
    const found = await Promise.all(readers.map((db) => getUpload(db, id, scope)));
    const at = found.findIndex((r) => r !== null);
    const row = found[at];
    const db = readers[at];
    if (!row || !db) throw NOT_FOUND(id);
    const detail = await visibleUpload(db, row, scope, undefined, langOf(c));
    // The SQL pick and the facility-by-facility judgement agree; if ever not, the caller sees nothing.
    if (detail.facilities === 0) throw NOT_FOUND(id);
    return c.json(detail, 200);
  },
);

/**
 * The databases whose upload history a caller sees (SPEC §7: a province's uploads live in its
 * database): a facility's province's when one is asked for; a national token's every database; else
 * the database of the token's scope.
 */
function historyReaders(c: Context<AppEnv>, kode?: string): Reader[] {
  if (kode) return [readSession(c, kode)];
  if (!isNational(c.get("token").scope)) return [readSession(c)];
  const bookmark = bookmarkOf(c);
  return allDatabases(c.env).map((db) => sessionAt(db, bookmark));
}
