import { z } from "zod";

/**
 * Kemendagri region codes, the codes NIKs carry: the 38 provinces, and the regencies (kabupaten/kota)
 * of Banten, Bengkulu and Kalimantan Utara.
 * Source: Kepmendagri 300.2.2-2138 Tahun 2025 (Pemberian dan Pemutakhiran Kode, Data Wilayah
 * Administrasi Pemerintahan dan Pulau), as handed over in the project's wilayah.csv.
 * BPS numbers some regencies differently (e.g. Kalimantan Utara): do not mix the two.
 */
export const provinsiSchema = z.object({ kode: z.string().regex(/^\d{2}$/), nama: z.string() });
export const kabupatenSchema = z.object({
  kode: z.string().regex(/^\d{4}$/),
  nama: z.string(),
  tingkat: z.enum(["kabupaten", "kota"]),
  provinsi: z.string().regex(/^\d{2}$/),
});
export type Provinsi = z.infer<typeof provinsiSchema>;
export type Kabupaten = z.infer<typeof kabupatenSchema>;

export const provinsiList: readonly Provinsi[] = [
  { kode: "11", nama: "Aceh" },
  { kode: "12", nama: "Sumatera Utara" },
  { kode: "13", nama: "Sumatera Barat" },
  { kode: "14", nama: "Riau" },
  { kode: "15", nama: "Jambi" },
  { kode: "16", nama: "Sumatera Selatan" },
  { kode: "17", nama: "Bengkulu" },
  { kode: "18", nama: "Lampung" },
  { kode: "19", nama: "Kepulauan Bangka Belitung" },
  { kode: "21", nama: "Kepulauan Riau" },
  { kode: "31", nama: "DKI Jakarta" },
  { kode: "32", nama: "Jawa Barat" },
  { kode: "33", nama: "Jawa Tengah" },
  { kode: "34", nama: "DI Yogyakarta" },
  { kode: "35", nama: "Jawa Timur" },
  { kode: "36", nama: "Banten" },
  { kode: "51", nama: "Bali" },
  { kode: "52", nama: "Nusa Tenggara Barat" },
  { kode: "53", nama: "Nusa Tenggara Timur" },
  { kode: "61", nama: "Kalimantan Barat" },
  { kode: "62", nama: "Kalimantan Tengah" },
  { kode: "63", nama: "Kalimantan Selatan" },
  { kode: "64", nama: "Kalimantan Timur" },
  { kode: "65", nama: "Kalimantan Utara" },
  { kode: "71", nama: "Sulawesi Utara" },
  { kode: "72", nama: "Sulawesi Tengah" },
  { kode: "73", nama: "Sulawesi Selatan" },
  { kode: "74", nama: "Sulawesi Tenggara" },
  { kode: "75", nama: "Gorontalo" },
  { kode: "76", nama: "Sulawesi Barat" },
  { kode: "81", nama: "Maluku" },
  { kode: "82", nama: "Maluku Utara" },
  { kode: "91", nama: "Papua" },
  { kode: "92", nama: "Papua Barat" },
  { kode: "93", nama: "Papua Selatan" },
  { kode: "94", nama: "Papua Tengah" },
  { kode: "95", nama: "Papua Pegunungan" },
  { kode: "96", nama: "Papua Barat Daya" },
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
