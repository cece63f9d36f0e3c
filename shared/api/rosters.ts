import { z } from "zod";
import { cellSchema } from "../schema/cell";
import { countsSchema, issueSchema } from "../schema/issue";

/** What an upload changes at one facility, counted in persons (by NIK). */
export const diffEntrySchema = z.object({
  kode_fasyankes: z.string(),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type DiffEntry = z.infer<typeof diffEntrySchema>;

/**
 * An upload kept by a dry run asked to stage (`?stage=1`, only when ok): POST /v1/rosters/commit with
 * its id commits it without sending the roster again (issue 13, SPEC §7). Expires after 24 h.
 */
export const stagedUploadSchema = z.object({
  id: z.uuid(),
  /** ISO-8601 UTC instant after which the staging is gone (commit then answers 404). */
  expires_at: z.iso.datetime(),
});
export type StagedUpload = z.infer<typeof stagedUploadSchema>;

/** 200 of POST /v1/rosters/validate. `base` goes back in If-Match on the real upload. */
export const validateResponseSchema = z.object({
  ok: z.boolean(),
  counts: countsSchema,
  issues: z.array(issueSchema),
  diff: z.array(diffEntrySchema),
  base: z.string(),
  /** Present only when staging was asked (`?stage=1`) and the roster has no error. */
  staged: stagedUploadSchema.optional(),
});
export type ValidateResponse = z.infer<typeof validateResponseSchema>;

/** Body of POST /v1/rosters/commit: the id a staging dry run returned. */
export const commitStagedRequestSchema = z.object({ staged_id: z.uuid() });

/** 201 of POST /v1/rosters (and of POST /v1/rosters/commit). `issues` holds warnings and info only (errors give 422). */
export const uploadResponseSchema = z.object({
  upload_id: z.string(),
  stored: z.object({ nakes: z.number().int().nonnegative(), pelatihan: z.number().int().nonnegative() }),
  counts: countsSchema,
  issues: z.array(issueSchema),
  diff: z.array(diffEntrySchema),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

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
export type CurrentRoster = z.infer<typeof currentRosterSchema>;
