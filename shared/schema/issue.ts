import { z } from "zod";
import { cellSchema } from "./cell";

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

/** Every rule of SPEC §5, by code. The severity of each is fixed by the rule, see shared/validate. */
export const issueCodeSchema = z.enum([
  "header.missing",
  "header.duplicate",
  "header.unknown",
  "header.too_many",
  "required",
  "nik.format",
  "nik.precision_lost",
  "nip.precision_lost",
  "str.precision_lost",
  "row.skipped",
  "pelatihan.duplicate",
  "nik.region",
  "nik.birthdate_mismatch",
  "nik.sex_mismatch",
  "nik.duplicate",
  "nik.multi_facility",
  "nip.format",
  "nip.required",
  "nip.birthdate_mismatch",
  "nip.sex_mismatch",
  "nip.duplicate",
  "nip.elsewhere",
  "nama.format",
  "jenis_kelamin.invalid",
  "tanggal_lahir.invalid",
  "jenis_tenaga.unknown",
  "jenis_tenaga.normalized",
  "status_kepegawaian.unknown",
  "kode_fasyankes.unknown",
  "kode_fasyankes.out_of_scope",
  "str.required",
  "str.format",
  "str.expired",
  "str.duplicate",
  "sip.required",
  "sip.format",
  "sip.expired",
  "sip.expiring",
  "penugasan.tmt_required",
  "penugasan.ended",
  "date.invalid",
  "pelatihan.nik_unknown",
  "pelatihan.kode_unknown",
  "pelatihan.tahun",
  "upload.multi_province",
  "upload.empty",
  "upload.too_large",
  // Beyond SPEC §5: an optional column with a value no list knows, and the checks of the masters the
  // province keeps (SPEC §3.3, §3.4), which PUT /v1/facilities and PUT /v1/population run.
  "pendidikan.unknown",
  "fasyankes.kode_format",
  "fasyankes.wilayah_mismatch",
  "fasyankes.invalid",
  "fasyankes.duplicate",
  "penduduk.invalid",
  "penduduk.duplicate",
  "penduduk.out_of_scope",
  // PUT /v1/standards (SPEC §4.3): the staffing-standard table's findings.
  "standar.header",
  "standar.empty",
  "standar.invalid",
  "standar.duplicate",
]);
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
