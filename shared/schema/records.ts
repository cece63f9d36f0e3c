import { z } from "zod";
import { isoDateSchema } from "./cell";
import {
  jenisFasyankesSchema,
  jenisTenagaSchema,
  kategoriPuskesmasSchema,
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

/** The Nakes columns in canonical order (SPEC §3.1): the generator's, the template's and storage's. */
export const NAKES_KEYS = [
  "nik",
  "nip",
  "nama",
  "jenis_kelamin",
  "tanggal_lahir",
  "jenis_tenaga",
  "pendidikan",
  "status_kepegawaian",
  "kode_fasyankes",
  "no_str",
  "str_berlaku_sampai",
  "no_sip",
  "sip_berlaku_sampai",
  "tmt_penugasan",
  "keterangan",
] as const satisfies readonly Exclude<keyof NakesRecord, "row">[];

export const pelatihanRecordSchema = z.object({
  row: z.number().int().nonnegative(),
  nik: z.string().regex(/^\d{16}$/),
  kode_pelatihan: kodePelatihanSchema,
  tahun: z.number().int(),
  penyelenggara: z.string().nullable(),
});
export type PelatihanRecord = z.infer<typeof pelatihanRecordSchema>;

/** A row of the facility master (SPEC §3.3) after PUT /v1/facilities has read it. */
export const fasyankesRecordSchema = z.object({
  row: z.number().int().nonnegative(),
  kode: z.string().regex(/^(P\d{10}|\d{7}|[A-Z0-9]{3,20})$/),
  nama: z.string(),
  jenis: jenisFasyankesSchema,
  /** 4-digit regency code. */
  kode_wilayah: z.string().regex(/^\d{4}$/),
  /** 6-digit kecamatan code; for a puskesmas the first six digits of its code. */
  kecamatan: z.string().regex(/^\d{6}$/).nullable(),
  /** Puskesmas only. */
  kategori: kategoriPuskesmasSchema.nullable(),
  rawat_inap: z.boolean(),
  poned: z.boolean(),
  aktif: z.boolean(),
});
export type FasyankesRecord = z.infer<typeof fasyankesRecordSchema>;

/** A row of the population table (SPEC §3.4). */
export const pendudukRecordSchema = z.object({
  row: z.number().int().nonnegative(),
  /** Province (2), regency (4) or kecamatan (6 digits). */
  kode_wilayah: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/),
  tahun: z.number().int(),
  jumlah: z.number().int().nonnegative(),
});
export type PendudukRecord = z.infer<typeof pendudukRecordSchema>;
