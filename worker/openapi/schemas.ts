import { z } from "zod";
import { diffEntrySchema } from "../../shared/api/rosters";
import { scopeSchema } from "../../shared/api/tokens";
import { cellSchema, isoDateSchema, tableSchema } from "../../shared/schema/cell";
import { countsSchema, issueSchema } from "../../shared/schema/issue";
import { fasyankesRecordSchema } from "../../shared/schema/records";
import { jenisFasyankesSchema, roleSchema } from "../../shared/reference/codes";

/**
 * Response and request schemas of the endpoints whose shapes shared/api does not define yet (the
 * add-in does not call them). Built only from shared pieces; candidates to move into shared/api.
 */

export const facilitySchema = fasyankesRecordSchema.omit({ row: true });

export const facilityListSchema = z.object({ fasyankes: z.array(facilitySchema) });

export const facilityQuerySchema = z.object({
  region: scopeSchema.optional().describe("Region-code prefix (2, 4 or 6 digits) or a facility code"),
  jenis: jenisFasyankesSchema.optional(),
  aktif: z.enum(["Y", "N"]).optional(),
});

export const facilitiesPutSchema = z.object({ fasyankes: tableSchema });
export const populationPutSchema = z.object({ penduduk: tableSchema });

/** 200 of PUT /v1/facilities and PUT /v1/population (errors give 422 with the issues). */
export const masterPutResponseSchema = z.object({
  stored: z.number().int().nonnegative(),
  counts: countsSchema,
  issues: z.array(issueSchema),
});

const storedTableSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(cellSchema)),
});

/** 200 of GET /v1/rosters/{kode_fasyankes}: the current roster, in the table shape of uploads. */
export const currentRosterSchema = z.object({
  kode_fasyankes: z.string(),
  upload_id: z.string().nullable(),
  since: z.string().nullable(),
  nakes: storedTableSchema,
  pelatihan: storedTableSchema,
});

export const kodeParamSchema = z.object({
  kode_fasyankes: z.string().min(1).max(40),
});

export const uploadSummarySchema = z.object({
  id: z.string(),
  uploaded_by: z.object({ token_id: z.string(), name: z.string(), scope: z.string() }),
  created_at: z.string(),
  committed_at: z.string(),
  as_of: isoDateSchema,
  content_type: z.string(),
  content_hash: z.string(),
  stored: z.object({ nakes: z.number().int().nonnegative(), pelatihan: z.number().int().nonnegative() }),
  facilities: z.number().int().nonnegative(),
  counts: countsSchema,
});

export const uploadDetailSchema = uploadSummarySchema.extend({
  issues: z.array(issueSchema),
  diff: z.array(diffEntrySchema),
});

export const uploadListSchema = z.object({
  uploads: z.array(uploadSummarySchema),
  /** Pass as `before` for the next page; null on the last page. */
  next: z.string().nullable(),
});

export const uploadListQuerySchema = z.object({
  kode_fasyankes: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.string().max(200).optional(),
});

export const uploadIdParamSchema = z.object({ id: z.string().min(1).max(100) });

export const tokenSchema = z.object({
  id: z.string(),
  role: roleSchema,
  scope: z.string(),
  name: z.string(),
  created_at: z.string(),
  created_by: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export const tokenListSchema = z.object({ tokens: z.array(tokenSchema) });
export const tokenIdParamSchema = z.object({ id: z.string().min(1).max(100) });
export const tokenRevokeResponseSchema = z.object({ id: z.string(), revoked_at: z.string() });

export const healthSchema = z.object({ ok: z.literal(true) });

export const rosterQuerySchema = z.object({
  as_of: isoDateSchema.optional().describe("Roster date for a CSV body (JSON carries as_of in the body)"),
});
