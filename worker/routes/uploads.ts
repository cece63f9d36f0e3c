import { createRoute } from "@hono/zod-openapi";
import type { z } from "zod";
import type { Issue } from "../../shared/schema/issue";
import { requireRole } from "../auth/guard";
import { readSession } from "../db/session";
import { ApiError } from "../http/errors";
import { routes } from "../openapi/app";
import { bearer, errors, json } from "../openapi/responses";
import { uploadDetailSchema, uploadListSchema, uploadSummarySchema } from "../../shared/api/uploads";
import { uploadIdParamSchema, uploadListQuerySchema } from "../openapi/schemas";
import { getText, uploadIssuesOwner } from "../store/text-parts";
import { getUpload, listUploads, type UploadRow } from "../store/uploads";
import { versionsOfUpload } from "../store/versions";

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

/** Page cursor: committed_at and id of the last row, base64url. */
const encodeCursor = (r: UploadRow) => btoa(`${r.committed_at}|${r.id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

function decodeCursor(s: string): { committed_at: string; id: string } {
  try {
    const [committed_at, id] = atob(s.replace(/-/g, "+").replace(/_/g, "/")).split("|");
    if (committed_at && id) return { committed_at, id };
  } catch {
    // fall through
  }
  throw new ApiError(400, "bad_request", { id: "Parameter before tidak sah.", en: "Invalid before parameter." });
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
    const rows = await listUploads(readSession(c), {
      scope: c.get("token").scope,
      kode_fasyankes: q.kode_fasyankes?.trim().toUpperCase(),
      limit,
      before: q.before ? decodeCursor(q.before) : undefined,
    });
    const last = rows[rows.length - 1];
    return c.json({ uploads: rows.map(summary), next: rows.length === limit && last ? encodeCursor(last) : null }, 200);
  },
);

uploadRoutes.openapi(
  createRoute({
    method: "get",
    path: "/uploads/{id}",
    tags: ["History"],
    summary: "One upload: who, when, counts, content hash, its warnings and what it changed per facility",
    security: bearer,
    middleware: [requireRole("uploader")] as const,
    request: { params: uploadIdParamSchema },
    responses: { 200: json(uploadDetailSchema, "The upload"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const db = readSession(c);
    const { row, exists } = await getUpload(db, id, c.get("token").scope);
    if (!row) {
      if (exists) {
        throw new ApiError(403, "forbidden", { id: "Unggahan ini di luar wilayah token Anda.", en: "This upload lies outside your token's region." });
      }
      throw new ApiError(404, "not_found", { id: `Unggahan ${id} tidak ditemukan.`, en: `Upload ${id} not found.` });
    }
    const [issues, versions] = await Promise.all([getText(db, uploadIssuesOwner(id)), versionsOfUpload(db, id)]);
    return c.json(
      {
        ...summary(row),
        issues: issues ? (JSON.parse(issues) as Issue[]) : [],
        diff: versions.map(({ kode_fasyankes, added, removed, changed, unchanged }) => ({ kode_fasyankes, added, removed, changed, unchanged })),
      },
      200,
    );
  },
);
