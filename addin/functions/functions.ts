/**
 * The custom functions of the NAKES namespace. This file is the source of functions.json: the build
 * (addin/functions/metadata.ts) reads these JSDoc comments with custom-functions-metadata, so the
 * descriptions here are what Excel shows (Indonesian; the en-US file gets the English of
 * addin/functions/en-us.ts). The bodies only hand over to compute.ts through the runtime that
 * register.ts installs.
 */
import { cakupan, gap, tabel } from "./compute";
import { penempatan, tindakLanjut } from "./follow-up";
import { runtime } from "./runtime";

/**
 * Satu angka cakupan nakes sebuah wilayah, dari API Nakes Roster.
 * @customfunction CAKUPAN
 * @param wilayah Kode wilayah: provinsi (2 digit), kabupaten/kota (4), kecamatan (6) atau kode fasyankes, mis. "1706".
 * @param indikator Nama indikator, mis. "nakes", "puskesmas_tanpa_dokter", "puskesmas_9_jenis_lengkap_pct", "kekurangan", "kepadatan_10k".
 * @param [jenis_tenaga] Jenis tenaga untuk indikator per profesi, mis. "BIDAN" (kekurangan + BIDAN = kekurangan.BIDAN).
 * @param [tanggal] Tanggal data (sel tanggal atau "2026-11-01"); kosong = hari ini.
 * @returns Nilai indikator untuk seluruh wilayah.
 */
export function CAKUPAN(wilayah: string | number, indikator: string, jenis_tenaga?: string, tanggal?: string | number): Promise<number> {
  return runtime.run((source) => cakupan(source, wilayah, indikator, jenis_tenaga, tanggal));
}

/**
 * Kekurangan tenaga terhadap standar: jumlah yang perlu direkrut di seluruh wilayah.
 * @customfunction GAP
 * @param wilayah Kode wilayah atau kode fasyankes, mis. "1706".
 * @param jenis_tenaga Jenis tenaga menurut standar, mis. "DOKTER", "BIDAN", "KEFARMASIAN"; "SEMUA" = seluruh jenis.
 * @param [tanggal] Tanggal data (sel tanggal atau "2026-11-01"); kosong = hari ini.
 * @returns Jumlah kekurangan (standar dikurangi jumlah ada, dijumlah per fasyankes).
 */
export function GAP(wilayah: string | number, jenis_tenaga: string, tanggal?: string | number): Promise<number> {
  return runtime.run((source) => gap(source, wilayah, jenis_tenaga, tanggal));
}

/**
 * Tabel cakupan sebuah wilayah, satu baris per unit, ditumpahkan mulai sel ini.
 * @customfunction TABEL
 * @param wilayah Kode wilayah, mis. "17" (provinsi) atau "1706" (kabupaten).
 * @param [level] Rincian baris: "fasyankes", "kecamatan", "kabupaten", "provinsi" atau "nasional"; kosong = satu tingkat di bawah wilayah.
 * @param [tanggal] Tanggal data (sel tanggal atau "2026-11-01"); kosong = hari ini.
 * @returns Baris judul kolom, lalu satu baris per unit.
 */
export function TABEL(wilayah: string | number, level?: string, tanggal?: string | number): Promise<unknown[][]> {
  return runtime.run((source, lang) => tabel(source, lang, wilayah, level, tanggal));
}

/**
 * Daftar tindak lanjut sebuah wilayah (SIP, STR, penugasan, PONED, pelatihan), paling mendesak lebih dulu; perlu token uploader atau admin.
 * @customfunction TINDAKLANJUT
 * @param wilayah Kode wilayah (2, 4 atau 6 digit) atau kode fasyankes, mis. "1706".
 * @param daftar Nama daftar: "sip", "str", "penugasan", "poned" atau "pelatihan".
 * @param [tanggal] Tanggal acuan (sel tanggal atau "2026-11-01"); kosong = hari ini.
 * @returns Baris judul kolom, lalu satu baris per orang atau fasyankes yang perlu ditindaklanjuti.
 */
export function TINDAKLANJUT(wilayah: string | number, daftar: string, tanggal?: string | number): Promise<unknown[][]> {
  return runtime.runFollowUp((source, lang) => tindakLanjut(source, lang, wilayah, daftar, tanggal));
}

/**
 * Rencana penempatan tenaga baru: puskesmas mana yang menerima, dengan kekurangan sebelum dan sesudah.
 * @customfunction PENEMPATAN
 * @param wilayah Kode wilayah: provinsi (2 digit), kabupaten/kota (4) atau kecamatan (6), mis. "1706".
 * @param jenis_tenaga Jenis tenaga menurut standar, mis. "DOKTER", "BIDAN", "KEFARMASIAN".
 * @param jumlah Jumlah tenaga baru (1 sampai 10.000).
 * @param [tanggal] Tanggal acuan (sel tanggal atau "2026-11-01"); kosong = hari ini.
 * @returns Baris judul kolom, lalu satu baris per puskesmas penerima, menurut urutan penempatan.
 */
export function PENEMPATAN(wilayah: string | number, jenis_tenaga: string, jumlah: number, tanggal?: string | number): Promise<unknown[][]> {
  return runtime.runFollowUp((source, lang) => penempatan(source, lang, wilayah, jenis_tenaga, jumlah, tanggal));
}
