import { z } from "zod";
import { scopeSchema } from "../../shared/api/tokens";
import { isoDateSchema } from "../../shared/schema/cell";
import { jenisFasyankesSchema } from "../../shared/reference/codes";

/**
 * Query and path parameters of the routes: routing concerns of the Worker. The bodies and responses
 * are API contract and live in shared/api, where the add-in uses the same types.
 */

export const facilityQuerySchema = z.object({
  region: scopeSchema.optional().describe("Region-code prefix (2, 4 or 6 digits) or a facility code"),
  jenis: jenisFasyankesSchema.optional(),
  aktif: z.enum(["Y", "N"]).optional(),
});

export const kodeParamSchema = z.object({
  kode_fasyankes: z.string().min(1).max(40),
});

export const uploadListQuerySchema = z.object({
  kode_fasyankes: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.string().max(200).optional(),
});

export const uploadIdParamSchema = z.object({ id: z.string().min(1).max(100) });

export const tokenIdParamSchema = z.object({ id: z.string().min(1).max(100) });

export const healthSchema = z.object({ ok: z.literal(true) });

export const rosterQuerySchema = z.object({
  as_of: isoDateSchema.optional().describe("Roster date for a CSV body (JSON carries as_of in the body)"),
});
