import type { Facility } from "../../../shared/api/facilities";

/** An active urban puskesmas with the regency and kecamatan its code names (SPEC §3.3: P + 10 digits, the first six its kecamatan). */
export const puskesmas = (kode: string, nama: string): Facility => ({
  kode,
  nama,
  jenis: "PUSKESMAS",
  kode_wilayah: kode.slice(1, 5),
  kecamatan: kode.slice(1, 7),
  kategori: "PERKOTAAN",
  rawat_inap: false,
  poned: false,
  aktif: true,
});
