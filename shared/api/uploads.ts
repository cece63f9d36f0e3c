import { z } from "zod";
import { isoDateSchema } from "../schema/cell";
import { countsSchema, issueSchema } from "../schema/issue";
import { diffEntrySchema } from "./rosters";

/** One upload in the history: who, when, counts, content hash (no personal data). */
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
export type UploadSummary = z.infer<typeof uploadSummarySchema>;

/** 200 of GET /v1/uploads/{id}. */
export const uploadDetailSchema = uploadSummarySchema.extend({
  issues: z.array(issueSchema),
  diff: z.array(diffEntrySchema),
});
export type UploadDetail = z.infer<typeof uploadDetailSchema>;

/** 200 of GET /v1/uploads. */
export const uploadListSchema = z.object({
  uploads: z.array(uploadSummarySchema),
  /** Pass as `before` for the next page; null on the last page. */
  next: z.string().nullable(),
});
export type UploadList = z.infer<typeof uploadListSchema>;
