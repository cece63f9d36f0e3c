import { z } from "zod";

/** Code lists of SPEC §3–§4. Labels, groups and flags live beside them in shared/reference. */
export const jenisTenagaSchema = z.enum([
  "DOKTER",
  "DOKTER_SPESIALIS",
  "DOKTER_GIGI",
  "DOKTER_GIGI_SPESIALIS",
  "PERAWAT",
  "BIDAN",
  "APOTEKER",
  "TTK",
  "PROMKES",
  "EPIDEMIOLOG",
  "SANITARIAN",
  "NUTRISIONIS",
  "ATLM",
  "RADIOGRAFER",
  "FISIOTERAPIS",
  "PEREKAM_MEDIS",
  "PSIKOLOG_KLINIS",
  "NAKES_LAIN",
  "ADMINISTRASI",
  "PEKARYA",
]);
export type JenisTenaga = z.infer<typeof jenisTenagaSchema>;

export const statusKepegawaianSchema = z.enum([
  "PNS",
  "PPPK",
  "PENUGASAN_KHUSUS",
  "NUSANTARA_SEHAT",
  "KONTRAK_DAERAH",
  "INTERNSIP",
  "SWASTA",
  "LAINNYA",
]);
export type StatusKepegawaian = z.infer<typeof statusKepegawaianSchema>;

export const pendidikanSchema = z.enum(["D3", "D4", "S1", "Profesi", "S2", "S3", "Sp", "SMA", "lain"]);
export type Pendidikan = z.infer<typeof pendidikanSchema>;

export const kodePelatihanSchema = z.enum([
  "K3_FASYANKES",
  "PENGELOLAAN_LIMBAH",
  "PONED",
  "PONEK",
  "PPI",
  "BTCLS",
  "IMS_HIV",
  "TB_DOTS",
  "MTBS",
  "LAINNYA",
]);
export type KodePelatihan = z.infer<typeof kodePelatihanSchema>;

export const jenisFasyankesSchema = z.enum(["PUSKESMAS", "RUMAH_SAKIT", "KLINIK", "LABKES"]);
export type JenisFasyankes = z.infer<typeof jenisFasyankesSchema>;

export const kategoriPuskesmasSchema = z.enum(["PERKOTAAN", "PEDESAAN", "TERPENCIL", "SANGAT_TERPENCIL"]);
export type KategoriPuskesmas = z.infer<typeof kategoriPuskesmasSchema>;

/** Staffing-standard "jenis": the profession codes, plus KEFARMASIAN = APOTEKER + TTK (SPEC §4.3). */
export const jenisStandarSchema = z.union([jenisTenagaSchema, z.literal("KEFARMASIAN")]);
export type JenisStandar = z.infer<typeof jenisStandarSchema>;

export const roleSchema = z.enum(["admin", "uploader", "analyst"]);
export type Role = z.infer<typeof roleSchema>;
