import type { ListResponse, PlacementResponse } from "../../../shared/api/tindak-lanjut";
import type { Facility } from "../../../addin/api/client";

/** Answers of the tindak-lanjut API as shared/api/tindak-lanjut.ts shapes them: a small Mukomuko region. */

export const sipRow = (over: Partial<Extract<ListResponse, { list: "sip" }>["rows"][number]> = {}) => ({
  kode_fasyankes: "P1706010101",
  nama_fasyankes: "Puskesmas Lubuk Pinang",
  nik: "1706015203900001",
  nama: "Siti Aminah",
  jenis_tenaga: "BIDAN" as const,
  tindakan: "Perpanjang SIP",
  batas: "2026-12-01",
  no_sip: "SIP-98765",
  sip_berlaku_sampai: "2026-12-01",
  sisa_hari: 30,
  keadaan: "segera_berakhir" as const,
  ...over,
});

export const sipList: Extract<ListResponse, { list: "sip" }> = {
  list: "sip",
  as_of: "2026-11-01",
  rows: [
    sipRow({ nik: "1706015203900002", nama: "Rina", batas: "2026-10-01", sip_berlaku_sampai: "2026-10-01", sisa_hari: -31, keadaan: "berakhir" }),
    sipRow(),
    sipRow({ nik: "0012015203900003", nama: "=HYPERLINK(\"http://evil.example\")", no_sip: "-12", batas: "2027-01-20", sip_berlaku_sampai: "2027-01-20", sisa_hari: 80 }),
  ],
};

export const plan: PlacementResponse = {
  region: "1706",
  jenis_tenaga: "DOKTER",
  jumlah: 3,
  as_of: "2026-11-01",
  cakrawala: "2027-11-01",
  rows: [
    { urutan: 1, kode_fasyankes: "P1706020101", nama_fasyankes: "Puskesmas Ipuh", kategori: "TERPENCIL", tambahan: 2, sebelum: 2, sesudah: 0, alasan: "tanpa dokter" },
    { urutan: 2, kode_fasyankes: "P1706010101", nama_fasyankes: "Puskesmas Lubuk Pinang", kategori: "PEDESAAN", tambahan: 1, sebelum: 1, sesudah: 0, alasan: "kurang 1 dokter dari standar" },
  ],
  indikator: {
    sebelum: { puskesmas: 2, tanpa_dokter: 1, sembilan_jenis_lengkap: 0, kekurangan: 3 },
    sesudah: { puskesmas: 2, tanpa_dokter: 0, sembilan_jenis_lengkap: 0, kekurangan: 0 },
  },
};

/** The facilities of an uploader's scope (GET /v1/facilities): two puskesmas in two kecamatan, one hospital. */
export const facilities: Facility[] = [
  { kode: "P1706010101", nama: "Puskesmas Lubuk Pinang", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170601", kategori: "PEDESAAN", rawat_inap: false, poned: true, aktif: true },
  { kode: "P1706020101", nama: "Puskesmas Ipuh", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170602", kategori: "TERPENCIL", rawat_inap: true, poned: false, aktif: true },
  { kode: "1706011", nama: "RSUD Mukomuko", jenis: "RUMAH_SAKIT", kode_wilayah: "1706", kecamatan: "170601", kategori: null, rawat_inap: true, poned: false, aktif: true },
];
