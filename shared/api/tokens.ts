import { z } from "zod";
import { roleSchema } from "../reference/codes";

/** Scope: a region-code prefix (2, 4 or 6 digits) or a facility code. */
export const scopeSchema = z.string().regex(/^(\d{2}|\d{4}|\d{6}|P\d{10}|\d{7}|[A-Z0-9]{3,20})$/);

export const tokenCreateRequestSchema = z.object({
  role: roleSchema,
  scope: scopeSchema,
  name: z.string().min(1).max(100),
});
export type TokenCreateRequest = z.infer<typeof tokenCreateRequestSchema>;

/** The token is shown once, here; only its hash is stored. */
export const tokenCreateResponseSchema = z.object({ id: z.string(), token: z.string() });
export type TokenCreateResponse = z.infer<typeof tokenCreateResponseSchema>;

/** A token as GET /v1/tokens lists it: never the secret, never its hash. */
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
export const tokenRevokeResponseSchema = z.object({ id: z.string(), revoked_at: z.string() });
