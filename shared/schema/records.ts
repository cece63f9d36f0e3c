import { z } from "zod";
import { isoDateSchema } from "./cell";
import {
  jenisTenagaSchema,
  kodePelatihanSchema,
  pendidikanSchema,
  statusKepegawaianSchema,
} from "../reference/codes";

/**
 * A Nakes row after normalisation: what the Worker stores and what coverage counts.
 * Produced by the validator for every row without an error; values are canonical
 * (digits only for IDs, ISO dates, codes).
 */
export const nakesRecordSchema = z.object({
  row: z.number().int().nonnegative(),
  nik: z.string().regex(/^\d{16}$/),
  nip: z.string().regex(/^\d{18}$/).nullable(),
  nama: z.string(),
  jenis_kelamin: z.enum(["L", "P"]),
  tanggal_lahir: isoDateSchema,
  jenis_tenaga: jenisTenagaSchema,
  pendidikan: pendidikanSchema.nullable(),
  status_kepegawaian: statusKepegawaianSchema,
  kode_fasyankes: z.string(),
  no_str: z.string().nullable(),
  /** null: lifetime (empty or SEUMUR HIDUP). */
  str_berlaku_sampai: isoDateSchema.nullable(),
  no_sip: z.string().nullable(),
  sip_berlaku_sampai: isoDateSchema.nullable(),
  tmt_penugasan: isoDateSchema.nullable(),
  keterangan: z.string().nullable(),
});
export type NakesRecord = z.infer<typeof nakesRecordSchema>;

export const pelatihanRecordSchema = z.object({
  row: z.number().int().nonnegative(),
  nik: z.string().regex(/^\d{16}$/),
  kode_pelatihan: kodePelatihanSchema,
  tahun: z.number().int(),
  penyelenggara: z.string().nullable(),
});
export type PelatihanRecord = z.infer<typeof pelatihanRecordSchema>;
