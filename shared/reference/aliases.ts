import type { JenisTenaga } from "./codes";

/**
 * Other names for a profession found in facilities' own sheets (SPEC §4.1). Each maps to its code
 * with an info note (jenis_tenaga.normalized), never silently. Matched without regard to case,
 * spaces or punctuation ("dr." = "DR" = "dr").
 */
export const professionAliases: Readonly<Record<string, JenisTenaga>> = {
  "Dokter Umum": "DOKTER",
  dr: "DOKTER",
  "Dokter Gigi Umum": "DOKTER_GIGI",
  drg: "DOKTER_GIGI",
  "Perawat Gigi": "NAKES_LAIN",
  "Terapis Gigi dan Mulut": "NAKES_LAIN",
  "Analis Kesehatan": "ATLM",
  "Analis Lab": "ATLM",
  "Analis Laboratorium": "ATLM",
  "Pranata Laboratorium Kesehatan": "ATLM",
  Kesling: "SANITARIAN",
  "Tenaga Sanitasi Lingkungan": "SANITARIAN",
  Gizi: "NUTRISIONIS",
  "Ahli Gizi": "NUTRISIONIS",
  Dietisien: "NUTRISIONIS",
  "Asisten Apoteker": "TTK",
  "Tenaga Teknis Kefarmasian": "TTK",
  "Tenaga Vokasi Farmasi": "TTK",
  "Promosi Kesehatan": "PROMKES",
  "Penyuluh Kesehatan": "PROMKES",
  Epidemiolog: "EPIDEMIOLOG",
  "Perekam Medis": "PEREKAM_MEDIS",
  "Rekam Medis": "PEREKAM_MEDIS",
  Psikolog: "PSIKOLOG_KLINIS",
  Ners: "PERAWAT",
  Administrasi: "ADMINISTRASI",
  "Tata Usaha": "ADMINISTRASI",
  TU: "ADMINISTRASI",
  Keuangan: "ADMINISTRASI",
  "Operator SIK": "ADMINISTRASI",
  Pekarya: "PEKARYA",
  Sopir: "PEKARYA",
  Pengemudi: "PEKARYA",
  "Cleaning Service": "PEKARYA",
  Satpam: "PEKARYA",
};
