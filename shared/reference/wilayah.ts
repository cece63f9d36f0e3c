import { z } from "zod";

/**
 * Kemendagri region codes, the codes NIKs carry: the 38 provinces, and the regencies (kabupaten/kota)
 * of Banten, Bengkulu and Kalimantan Utara.
 * Source: Kepmendagri 300.2.2-2138 Tahun 2025 (Pemberian dan Pemutakhiran Kode, Data Wilayah
 * Administrasi Pemerintahan dan Pulau), as handed over in the project's wilayah.csv.
 * BPS numbers some regencies differently (e.g. Kalimantan Utara): do not mix the two.
 */
/**
 * `utc_offset`: hours east of UTC where the province is (SPEC §4.5): WIB 7, WITA 8, WIT 9. Fixed
 * offsets, not a time-zone database's history (Jakarta was UTC+7:30 before 1964, which would move old
 * birth dates by a day). "Today" and the date of an instant are taken there (shared/normalize/today.ts).
 */
export const provinsiSchema = z.object({ kode: z.string().regex(/^\d{2}$/), nama: z.string(), utc_offset: z.union([z.literal(7), z.literal(8), z.literal(9)]) });
export const kabupatenSchema = z.object({
  kode: z.string().regex(/^\d{4}$/),
  nama: z.string(),
  tingkat: z.enum(["kabupaten", "kota"]),
  provinsi: z.string().regex(/^\d{2}$/),
});
export type Provinsi = z.infer<typeof provinsiSchema>;
export type Kabupaten = z.infer<typeof kabupatenSchema>;

export const provinsiList: readonly Provinsi[] = [
  { kode: "11", nama: "Aceh", utc_offset: 7 },
  { kode: "12", nama: "Sumatera Utara", utc_offset: 7 },
  { kode: "13", nama: "Sumatera Barat", utc_offset: 7 },
  { kode: "14", nama: "Riau", utc_offset: 7 },
  { kode: "15", nama: "Jambi", utc_offset: 7 },
  { kode: "16", nama: "Sumatera Selatan", utc_offset: 7 },
  { kode: "17", nama: "Bengkulu", utc_offset: 7 },
  { kode: "18", nama: "Lampung", utc_offset: 7 },
  { kode: "19", nama: "Kepulauan Bangka Belitung", utc_offset: 7 },
  { kode: "21", nama: "Kepulauan Riau", utc_offset: 7 },
  { kode: "31", nama: "DKI Jakarta", utc_offset: 7 },
  { kode: "32", nama: "Jawa Barat", utc_offset: 7 },
  { kode: "33", nama: "Jawa Tengah", utc_offset: 7 },
  { kode: "34", nama: "DI Yogyakarta", utc_offset: 7 },
  { kode: "35", nama: "Jawa Timur", utc_offset: 7 },
  { kode: "36", nama: "Banten", utc_offset: 7 },
  { kode: "51", nama: "Bali", utc_offset: 8 },
  { kode: "52", nama: "Nusa Tenggara Barat", utc_offset: 8 },
  { kode: "53", nama: "Nusa Tenggara Timur", utc_offset: 8 },
  { kode: "61", nama: "Kalimantan Barat", utc_offset: 7 },
  { kode: "62", nama: "Kalimantan Tengah", utc_offset: 7 },
  { kode: "63", nama: "Kalimantan Selatan", utc_offset: 8 },
  { kode: "64", nama: "Kalimantan Timur", utc_offset: 8 },
  { kode: "65", nama: "Kalimantan Utara", utc_offset: 8 },
  { kode: "71", nama: "Sulawesi Utara", utc_offset: 8 },
  { kode: "72", nama: "Sulawesi Tengah", utc_offset: 8 },
  { kode: "73", nama: "Sulawesi Selatan", utc_offset: 8 },
  { kode: "74", nama: "Sulawesi Tenggara", utc_offset: 8 },
  { kode: "75", nama: "Gorontalo", utc_offset: 8 },
  { kode: "76", nama: "Sulawesi Barat", utc_offset: 8 },
  { kode: "81", nama: "Maluku", utc_offset: 9 },
  { kode: "82", nama: "Maluku Utara", utc_offset: 9 },
  { kode: "91", nama: "Papua", utc_offset: 9 },
  { kode: "92", nama: "Papua Barat", utc_offset: 9 },
  { kode: "93", nama: "Papua Selatan", utc_offset: 9 },
  { kode: "94", nama: "Papua Tengah", utc_offset: 9 },
  { kode: "95", nama: "Papua Pegunungan", utc_offset: 9 },
  { kode: "96", nama: "Papua Barat Daya", utc_offset: 9 },
];

export const kabupatenList: readonly Kabupaten[] = [
  { kode: "1701", nama: "Kabupaten Bengkulu Selatan", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1702", nama: "Kabupaten Rejang Lebong", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1703", nama: "Kabupaten Bengkulu Utara", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1704", nama: "Kabupaten Kaur", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1705", nama: "Kabupaten Seluma", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1706", nama: "Kabupaten Mukomuko", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1707", nama: "Kabupaten Lebong", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1708", nama: "Kabupaten Kepahiang", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1709", nama: "Kabupaten Bengkulu Tengah", tingkat: "kabupaten", provinsi: "17" },
  { kode: "1771", nama: "Kota Bengkulu", tingkat: "kota", provinsi: "17" },
  { kode: "3601", nama: "Kabupaten Pandeglang", tingkat: "kabupaten", provinsi: "36" },
  { kode: "3602", nama: "Kabupaten Lebak", tingkat: "kabupaten", provinsi: "36" },
  { kode: "3603", nama: "Kabupaten Tangerang", tingkat: "kabupaten", provinsi: "36" },
  { kode: "3604", nama: "Kabupaten Serang", tingkat: "kabupaten", provinsi: "36" },
  { kode: "3671", nama: "Kota Tangerang", tingkat: "kota", provinsi: "36" },
  { kode: "3672", nama: "Kota Cilegon", tingkat: "kota", provinsi: "36" },
  { kode: "3673", nama: "Kota Serang", tingkat: "kota", provinsi: "36" },
  { kode: "3674", nama: "Kota Tangerang Selatan", tingkat: "kota", provinsi: "36" },
  { kode: "6501", nama: "Kabupaten Bulungan", tingkat: "kabupaten", provinsi: "65" },
  { kode: "6502", nama: "Kabupaten Malinau", tingkat: "kabupaten", provinsi: "65" },
  { kode: "6503", nama: "Kabupaten Nunukan", tingkat: "kabupaten", provinsi: "65" },
  { kode: "6504", nama: "Kabupaten Tana Tidung", tingkat: "kabupaten", provinsi: "65" },
  { kode: "6571", nama: "Kota Tarakan", tingkat: "kota", provinsi: "65" },
];

export const provinsiByKode: ReadonlyMap<string, Provinsi> = new Map(provinsiList.map((p) => [p.kode, p]));
export const kabupatenByKode: ReadonlyMap<string, Kabupaten> = new Map(kabupatenList.map((k) => [k.kode, k]));

/** Provinces whose regencies this list holds; for the others a 4-digit code can only be checked by its province. */
export const provincesWithRegencies: ReadonlySet<string> = new Set(kabupatenList.map((k) => k.provinsi));

/** Province code lookup by number (11…96), for the per-row NIK check without building strings. */
const provinceFlags = new Uint8Array(100);
for (const p of provinsiList) provinceFlags[Number(p.kode)] = 1;
export function isProvinceNumber(n: number): boolean {
  return provinceFlags[n] === 1;
}
