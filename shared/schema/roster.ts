import { z } from "zod";
import { isoDateSchema, tableSchema } from "./cell";

/** Body of POST /v1/rosters and /v1/rosters/validate (SPEC §7). */
export const rosterRequestSchema = z.object({
  as_of: isoDateSchema.optional(),
  nakes: tableSchema,
  pelatihan: tableSchema.optional(),
});
export type RosterRequest = z.infer<typeof rosterRequestSchema>;
