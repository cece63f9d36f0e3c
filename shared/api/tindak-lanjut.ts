import { z } from "zod";
import { isoDateSchema } from "../schema/cell";
import { jenisStandarSchema, jenisTenagaSchema, kategoriPuskesmasSchema, kodePelatihanSchema, statusKepegawaianSchema } from "../reference/codes";
import { coverageRegionSchema, regionCodeSchema } from "./coverage";

/**
 * The API contract of SPEC §9 (issue 16): the action lists of GET /v1/tindak-lanjut (people: uploaders
 * and admins in scope) and the placement plan of POST /v1/penempatan (aggregates: analysts and above).
 */

export const listKindSchema = z.enum(["sip", "str", "penugasan", "poned", "pelatihan"]);
export type ListKind = z.infer<typeof listKindSchema>;

/**
 * Query of GET /v1/tindak-lanjut. `region`: a region-code prefix (2/4/6 digits) or one facility code;
 * default the token's scope. `as_of` (default today in the region's province, SPEC §4.5): the date the
 * windows count from.
 */
export const listQuerySchema = z.object({
  list: listKindSchema,
  region: coverageRegionSchema.optional().describe("Region-code prefix (2, 4 or 6 digits) or a facility code; default the token's scope"),
  as_of: isoDateSchema.optional().describe("Date the windows count from (default today in the province's zone)"),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** Columns every row has (SPEC §9): where, who, what to do and by when (`batas`, ISO date). */
const baseRow = {
  kode_fasyankes: z.string(),
  nama_fasyankes: z.string(),
  /** null on a row that names a facility, not a person (`poned`: a missing profession with nobody to train; `pelatihan`: a facility-wide need). */
  nik: z.string().nullable(),
  nama: z.string().nullable(),
  jenis_tenaga: jenisTenagaSchema,
  /** What to do, in the request's language (Indonesian by default). */
  tindakan: z.string(),
  batas: isoDateSchema,
};

export const sipRowSchema = z.object({
  ...baseRow,
  no_sip: z.string().nullable(),
  sip_berlaku_sampai: isoDateSchema,
  /** Days from as_of to the SIP's end; negative once it has ended. */
  sisa_hari: z.number().int(),
  keadaan: z.enum(["berakhir", "segera_berakhir"]),
});

export const strRowSchema = z.object({
  ...baseRow,
  no_str: z.string().nullable(),
  str_berlaku_sampai: isoDateSchema.nullable(),
  /** `tidak_ada`: a profession that needs an STR has none; `bertanggal`: a dated STR, to be updated to lifetime (UU 17/2023). */
  keadaan: z.enum(["tidak_ada", "bertanggal"]),
});

export const penugasanRowSchema = z.object({
  ...baseRow,
  status_kepegawaian: statusKepegawaianSchema,
  tmt_penugasan: isoDateSchema,
  /** The end of the term (TMT + the status's term years; 29 February → 28 February, as validation). */
  akhir_masa: isoDateSchema,
  sisa_hari: z.number().int(),
  keadaan: z.enum(["berakhir", "segera_berakhir"]),
  /** The facility's gap in this profession against the staffing standard once they (and those leaving before them) are gone; null where no standard applies. */
  kekurangan_setelah_pergi: z.number().int().nonnegative().nullable(),
});

export const ponedRowSchema = z.object({
  ...baseRow,
  /** The professions of the PONED team (dokter, bidan, perawat) with no PONED-trained person at this puskesmas. */
  tim_kurang: z.array(jenisTenagaSchema),
});

export const pelatihanRowSchema = z.object({
  ...baseRow,
  /** null with `nik` and `nama` on a row for a whole facility: a training each facility needs someone to hold (K3_FASYANKES). */
  jenis_tenaga: jenisTenagaSchema.nullable(),
  kode_pelatihan: kodePelatihanSchema,
});

export type SipRow = z.infer<typeof sipRowSchema>;
export type StrRow = z.infer<typeof strRowSchema>;
export type PenugasanRow = z.infer<typeof penugasanRowSchema>;
export type PonedRow = z.infer<typeof ponedRowSchema>;
export type PelatihanRow = z.infer<typeof pelatihanRowSchema>;

/** 200 of GET /v1/tindak-lanjut (JSON), rows sorted by urgency (earliest `batas` first). */
export const listResponseSchema = z.discriminatedUnion("list", [
  z.object({ list: z.literal("sip"), as_of: isoDateSchema, rows: z.array(sipRowSchema) }),
  z.object({ list: z.literal("str"), as_of: isoDateSchema, rows: z.array(strRowSchema) }),
  z.object({ list: z.literal("penugasan"), as_of: isoDateSchema, rows: z.array(penugasanRowSchema) }),
  z.object({ list: z.literal("poned"), as_of: isoDateSchema, rows: z.array(ponedRowSchema) }),
  z.object({ list: z.literal("pelatihan"), as_of: isoDateSchema, rows: z.array(pelatihanRowSchema) }),
]);
export type ListResponse = z.infer<typeof listResponseSchema>;
export type ListRow = ListResponse["rows"][number];

const BASE_COLUMNS = ["kode_fasyankes", "nama_fasyankes", "nik", "nama", "jenis_tenaga", "tindakan", "batas"] as const;

/** The columns of each list in order: the JSON keys and the CSV header (SPEC §9: CSV has the same columns). */
export const LIST_COLUMNS: Readonly<Record<ListKind, readonly string[]>> = {
  sip: [...BASE_COLUMNS, "no_sip", "sip_berlaku_sampai", "sisa_hari", "keadaan"],
  str: [...BASE_COLUMNS, "no_str", "str_berlaku_sampai", "keadaan"],
  penugasan: [...BASE_COLUMNS, "status_kepegawaian", "tmt_penugasan", "akhir_masa", "sisa_hari", "keadaan", "kekurangan_setelah_pergi"],
  poned: [...BASE_COLUMNS, "tim_kurang"],
  pelatihan: [...BASE_COLUMNS, "kode_pelatihan"],
};

/** The most persons one plan places (a year's batch of a province is a few hundred). */
const MAX_PLACEMENT = 10_000;
/** Indonesian / English, as every schema's own message (worker/http/body.ts splits it). */
const JUMLAH_MESSAGE = `harus bilangan bulat ≥ 1 (paling banyak ${MAX_PLACEMENT}) / must be a whole number ≥ 1 (at most ${MAX_PLACEMENT})`;

/** Body of POST /v1/penempatan: `jumlah` new staff of one profession (or KEFARMASIAN) into `region`. */
export const placementRequestSchema = z.object({
  region: regionCodeSchema,
  jenis_tenaga: jenisStandarSchema,
  jumlah: z
    .number({ error: JUMLAH_MESSAGE })
    .int({ error: JUMLAH_MESSAGE })
    .min(1, { error: JUMLAH_MESSAGE })
    .max(MAX_PLACEMENT, { error: JUMLAH_MESSAGE }),
  as_of: isoDateSchema.optional(),
});
export type PlacementRequest = z.infer<typeof placementRequestSchema>;

/** A region's puskesmas indicators (SPEC §6) in the plan's horizon: staff whose term ends within it count as gone. */
export const placementIndicatorsSchema = z.object({
  puskesmas: z.number().int().nonnegative(),
  tanpa_dokter: z.number().int().nonnegative(),
  sembilan_jenis_lengkap: z.number().int().nonnegative(),
  /** Gap of the planned profession against the standard, summed over the region's puskesmas. */
  kekurangan: z.number().int().nonnegative(),
});
export type PlacementIndicators = z.infer<typeof placementIndicatorsSchema>;

export const placementRowSchema = z.object({
  /** 1 for the puskesmas that receives the first person, and so on (SPEC §9 placement order). */
  urutan: z.number().int().positive(),
  kode_fasyankes: z.string(),
  nama_fasyankes: z.string(),
  kategori: kategoriPuskesmasSchema.nullable(),
  /** Persons placed here. */
  tambahan: z.number().int().positive(),
  /** Gap against the standard before and after, counting staff whose term ends within the horizon as gone. */
  sebelum: z.number().int().nonnegative(),
  sesudah: z.number().int().nonnegative(),
  /** Why here, in the request's language ("tanpa dokter; kurang 2 bidan dari standar; …"). */
  alasan: z.string(),
});
export type PlacementRow = z.infer<typeof placementRowSchema>;

/** 200 of POST /v1/penempatan: counts only, never a person. */
export const placementResponseSchema = z.object({
  region: z.string(),
  jenis_tenaga: jenisStandarSchema,
  jumlah: z.number().int(),
  as_of: isoDateSchema,
  /** as_of + 12 months: terms ending on or before it count as gone (SPEC §9). */
  cakrawala: isoDateSchema,
  rows: z.array(placementRowSchema),
  indikator: z.object({ sebelum: placementIndicatorsSchema, sesudah: placementIndicatorsSchema }),
});
export type PlacementResponse = z.infer<typeof placementResponseSchema>;
