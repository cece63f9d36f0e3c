import { z } from "zod";
import { isoDateSchema, tableSchema } from "../schema/cell";
import { countsSchema, issueSchema } from "../schema/issue";
import { fasyankesRecordSchema } from "../schema/records";

export const facilitySchema = fasyankesRecordSchema.omit({ row: true });
export type Facility = z.infer<typeof facilitySchema>;

/** 200 of GET /v1/facilities. */
export const facilityListSchema = z.object({ fasyankes: z.array(facilitySchema) });

/** Bodies of PUT /v1/facilities and PUT /v1/population: the upload table shape (SPEC §7). */
export const facilitiesPutSchema = z.object({
  fasyankes: tableSchema,
  /** The date from which these rows hold (SPEC §6; default today): a past date's coverage uses the values of then. */
  berlaku_mulai: isoDateSchema.optional(),
});
export const populationPutSchema = z.object({
  penduduk: tableSchema,
  /** The date from which these figures hold (SPEC §6; default today). */
  berlaku_mulai: isoDateSchema.optional(),
});

/** 200 of PUT /v1/facilities and PUT /v1/population (errors give 422 with the issues). */
export const masterPutResponseSchema = z.object({
  stored: z.number().int().nonnegative(),
  counts: countsSchema,
  issues: z.array(issueSchema),
});
export type MasterPutResponse = z.infer<typeof masterPutResponseSchema>;
