import { z } from "zod";
import { isoDateSchema, tableSchema } from "../schema/cell";
import { jenisStandarSchema, kategoriPuskesmasSchema } from "../reference/codes";
import { facilityCodeShapes } from "../reference/facilities";

/** Granularity of the rows: one row per facility, kecamatan, regency, province, or the nation. */
export const coverageLevelSchema = z.enum(["facility", "kecamatan", "regency", "province", "national"]);
export type CoverageLevel = z.infer<typeof coverageLevelSchema>;

/**
 * A region code only (province 2, regency 4, kecamatan 6 digits): what a placement plan is made for
 * (POST /v1/penempatan). Its message is written Indonesian / English, as every schema's own message
 * (worker/http/body.ts shows the request's language).
 */
export const regionCodeSchema = z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, {
  message: "region harus kode wilayah (2, 4 atau 6 digit) / region must be a region code (2, 4 or 6 digits)",
});

/**
 * A region-code prefix (province 2, regency 4, kecamatan 6 digits) or one facility's code of any kind
 * (puskesmas P + 10 digits, hospital 7 digits, clinic K / laboratory L + 7–10 digits): the facility
 * alternatives come from shared/reference/facilities.ts's code shapes (SPEC §3.3), the one definition.
 */
export const coverageRegionSchema = z
  .string()
  .regex(new RegExp(`^(\\d{2}|\\d{4}|\\d{6}|${facilityCodeShapes.map((s) => `${s.letter}\\d{${s.digits.min === s.digits.max ? s.digits.min : `${s.digits.min},${s.digits.max}`}}`).join("|")})$`), {
    message:
      "region harus kode wilayah (2, 4 atau 6 digit) atau kode fasyankes (P1706010101, 1706015, K1706001, L1706001) / region must be a region code (2, 4 or 6 digits) or a facility code (P1706010101, 1706015, K1706001, L1706001)",
  });

/**
 * Query of GET /v1/coverage. `level` defaults to one level below `region` (provinces for the whole
 * country). `as_of` (default today) picks, per facility, the roster that was current on that date.
 * `jenis_tenaga` limits the per-profession rows and figures; facility indicators (9 jenis, tanpa
 * dokter, standard fully met, PONED) are defined across professions and stay as they are.
 */
export const coverageQuerySchema = z.object({
  level: coverageLevelSchema.optional(),
  region: coverageRegionSchema.optional(),
  as_of: isoDateSchema.optional(),
  jenis_tenaga: jenisStandarSchema.optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

export const labelSchema = z.object({ id: z.string(), en: z.string() });
export type Label = z.infer<typeof labelSchema>;

/** How a column's values read: `share` is a fraction 0…1 (format as %), densities are `number`. */
export const columnTypeSchema = z.enum(["text", "integer", "number", "share"]);

export const coverageColumnSchema = z.object({
  key: z.string(),
  label: labelSchema,
  type: columnTypeSchema,
});
export type CoverageColumn = z.infer<typeof coverageColumnSchema>;

/** Counts only: no column ever holds a NIK, NIP or a person's name. */
export const coverageTableSchema = z.object({
  label: labelSchema,
  columns: z.array(coverageColumnSchema),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});
export type CoverageTable = z.infer<typeof coverageTableSchema>;

/**
 * 200 of GET /v1/coverage. Two readers: `tables` for writing into sheets (one row per unit, per unit and
 * profession, per unit and standard jenis), `figures` for single cells: every figure of the whole
 * selected region by key (e.g. `puskesmas_tanpa_dokter`, `kekurangan.BIDAN`, `kepadatan_10k.DOKTER`);
 * null where it cannot be computed (no population, no puskesmas to take a share of).
 */
export const coverageResponseSchema = z.object({
  query: z.object({
    level: coverageLevelSchema,
    region: z.string().nullable(),
    as_of: isoDateSchema,
    jenis_tenaga: jenisStandarSchema.nullable(),
  }),
  standard_set: z.string(),
  tables: z.object({
    wilayah: coverageTableSchema,
    profesi: coverageTableSchema,
    standar: coverageTableSchema,
  }),
  figures: z.record(z.string(), z.number().nullable()),
});
export type CoverageResponse = z.infer<typeof coverageResponseSchema>;

/** A standard set's name: upper-case letters, digits and underscores (e.g. PMK75_2014, RPJMN_2025). */
export const standardSetNameSchema = z
  .string()
  .regex(/^[A-Z0-9_]{2,40}$/, { message: "nama set: huruf besar, angka, garis bawah / set name: capitals, digits, underscores" });

/**
 * Body of PUT /v1/standards (admin). `standar` (columns kategori, rawat_inap, jenis, minimum; the table
 * shape of every upload) replaces all rows of the set, creating it if new; `aktif: true` makes the set
 * the one coverage uses. At least one of the two.
 */
export const standardsPutSchema = z
  .object({
    set: standardSetNameSchema.default("PMK75_2014"),
    aktif: z.boolean().optional(),
    keterangan: z.string().max(500).optional(),
    standar: tableSchema.optional(),
    /** With `aktif: true`: the date from which the set is the active one (SPEC §6; default today). */
    berlaku_mulai: isoDateSchema.optional(),
  })
  .refine((b) => b.standar !== undefined || b.aktif === true, {
    message: "kirim tabel `standar` dan/atau `aktif: true` / send a `standar` table and/or `aktif: true`",
  });
export type StandardsPut = z.infer<typeof standardsPutSchema>;

export const standardSetSummarySchema = z.object({
  nama: z.string(),
  /** Whose set: a 2-digit province code, or "ID" for the national default (SPEC §7 Access). */
  provinsi: z.string(),
  aktif: z.boolean(),
  keterangan: z.string().nullable(),
  baris: z.number().int().nonnegative(),
  diubah_pada: z.string(),
});

export const standardRuleSchema = z.object({
  kategori: kategoriPuskesmasSchema,
  rawat_inap: z.boolean(),
  jenis: jenisStandarSchema,
  minimum: z.number().int().nonnegative(),
});

/** 200 of GET and PUT /v1/standards: every set, and the rows of the active one. */
export const standardsResponseSchema = z.object({
  aktif: z.string(),
  sets: z.array(standardSetSummarySchema),
  standar: z.array(standardRuleSchema),
});
export type StandardsResponse = z.infer<typeof standardsResponseSchema>;
