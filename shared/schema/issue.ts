import { z } from "zod";
import { ISSUE_CODES } from "../rules/codes";
import { cellSchema } from "./cell";

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

/** Every rule of SPEC §5 (and the masters' checks), by code: declared in shared/rules/registry.ts. */
export const issueCodeSchema = z.enum(ISSUE_CODES);
export type IssueCode = z.infer<typeof issueCodeSchema>;

/** The tables an issue can point into (roster tables, and the masters kept by the province). */
export const tableNameSchema = z.enum(["nakes", "pelatihan", "fasyankes", "penduduk", "standar"]);
export type TableName = z.infer<typeof tableNameSchema>;

/**
 * One finding, exactly as SPEC §5 shows it. `row` is the 0-based index into the submitted rows,
 * null for findings about the table as a whole (headers, empty upload). `column` is the canonical
 * key, or for header findings the header text as the user wrote it.
 */
export const issueSchema = z.object({
  severity: severitySchema,
  code: issueCodeSchema,
  table: tableNameSchema,
  row: z.number().int().nonnegative().nullable(),
  column: z.string().nullable(),
  value: cellSchema.optional(),
  message: z.string(),
  related: z
    .array(z.object({ row: z.number().int().nonnegative().nullable(), column: z.string().nullable(), kode_fasyankes: z.string().optional() }))
    .optional(),
});
export type Issue = z.infer<typeof issueSchema>;

export const countsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type Counts = z.infer<typeof countsSchema>;

export const langSchema = z.enum(["id", "en"]);
export type Lang = z.infer<typeof langSchema>;
