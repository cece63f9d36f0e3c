import type { FasyankesRecord } from "../schema/records";
import type { FacilityFact } from "../validate/types";

/**
 * Demo facility master: Kabupaten Mukomuko (1706, Bengkulu) with its 17 puskesmas and two
 * hospitals, and a few Banten facilities (36xx) so that scopes can be tried across provinces.
 * Names follow Mukomuko's kecamatan; the kecamatan numbering (1706xx) and the facility codes are
 * illustrative, built in the shapes of SPEC §3.3, not copied from the Kemendagri or Kemenkes masters.
 */
type Row = Omit<FasyankesRecord, "row">;

const pkm = (kode: string, nama: string, kategori: Row["kategori"], rawat_inap: boolean, poned: boolean): Row => ({
  kode,
  nama,
  jenis: "PUSKESMAS",
  kode_wilayah: kode.slice(1, 5),
  kecamatan: kode.slice(1, 7),
  kategori,
  rawat_inap,
  poned,
  aktif: true,
});

const rs = (kode: string, nama: string, kecamatan: string): Row => ({
  kode,
  nama,
  jenis: "RUMAH_SAKIT",
  kode_wilayah: kode.slice(0, 4),
  kecamatan,
  kategori: null,
  rawat_inap: true,
  poned: false,
  aktif: true,
});

/** Kecamatan of the demo regency, code → name. */
export const demoKecamatan: Readonly<Record<string, string>> = {
  "170601": "Kota Mukomuko",
  "170602": "Lubuk Pinang",
  "170603": "Teras Terunjam",
  "170604": "Penarik",
  "170605": "Selagan Raya",
  "170606": "Pondok Suguh",
  "170607": "Sungai Rumbai",
  "170608": "Teramang Jaya",
  "170609": "Ipuh",
  "170610": "Air Rami",
  "170611": "Malin Deman",
  "170612": "Air Dikit",
  "170613": "XIV Koto",
  "170614": "V Koto",
  "170615": "Air Manjuto",
  "360101": "Sumur",
  "360203": "Malingping",
  "360405": "Cinangka",
  "367101": "Tangerang",
};

const rows: readonly Row[] = [
  pkm("P1706010101", "Puskesmas Kota Mukomuko", "PERKOTAAN", true, true),
  pkm("P1706010102", "Puskesmas Tanah Rekah", "PERKOTAAN", false, false),
  pkm("P1706020101", "Puskesmas Lubuk Pinang", "PEDESAAN", true, true),
  pkm("P1706030101", "Puskesmas Teras Terunjam", "PEDESAAN", false, false),
  pkm("P1706040101", "Puskesmas Penarik", "PEDESAAN", true, false),
  pkm("P1706050101", "Puskesmas Selagan Raya", "PEDESAAN", false, false),
  pkm("P1706060101", "Puskesmas Pondok Suguh", "PEDESAAN", false, false),
  pkm("P1706070101", "Puskesmas Sungai Rumbai", "PEDESAAN", false, false),
  pkm("P1706080101", "Puskesmas Teramang Jaya", "PEDESAAN", false, false),
  pkm("P1706090101", "Puskesmas Ipuh", "PEDESAAN", true, true),
  pkm("P1706090102", "Puskesmas Tirta Mulya", "PEDESAAN", false, false),
  pkm("P1706100101", "Puskesmas Air Rami", "TERPENCIL", true, false),
  pkm("P1706110101", "Puskesmas Malin Deman", "TERPENCIL", false, false),
  pkm("P1706120101", "Puskesmas Air Dikit", "PEDESAAN", false, false),
  pkm("P1706130101", "Puskesmas XIV Koto", "PEDESAAN", false, false),
  pkm("P1706140101", "Puskesmas V Koto", "TERPENCIL", false, false),
  pkm("P1706150101", "Puskesmas Air Manjuto", "SANGAT_TERPENCIL", false, false),
  rs("1706015", "RSUD Mukomuko", "170601"),
  rs("1706021", "RS Pratama Ipuh", "170609"),
  pkm("P3601010101", "Puskesmas Sumur", "TERPENCIL", true, true),
  pkm("P3602030101", "Puskesmas Malingping", "PEDESAAN", true, true),
  pkm("P3604050101", "Puskesmas Cinangka", "PEDESAAN", false, false),
  pkm("P3671010101", "Puskesmas Tangerang", "PERKOTAAN", false, false),
  rs("3601012", "RSUD Berkah Pandeglang", "360101"),
];

export const demoFacilities: readonly FasyankesRecord[] = rows.map((r, row) => ({ row, ...r }));

/** The Mukomuko part of the demo master (17 puskesmas and 2 hospitals). */
export const mukomukoFacilities: readonly FasyankesRecord[] = demoFacilities.filter((f) => f.kode_wilayah === "1706");

/** The demo master as the facts the Worker hands the validator. */
export function demoFacilityFacts(list: readonly FasyankesRecord[] = demoFacilities): Map<string, FacilityFact> {
  return new Map(list.map((f) => [f.kode, { kode: f.kode, jenis: f.jenis, kode_wilayah: f.kode_wilayah, kecamatan: f.kecamatan, aktif: f.aktif }]));
}

/** The demo master in the table shape of PUT /v1/facilities (Y/N flags, as a sheet holds them). */
export function demoFacilitiesTable(list: readonly FasyankesRecord[] = demoFacilities) {
  const yn = (b: boolean) => (b ? "Y" : "N");
  return {
    columns: ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"],
    rows: list.map((f) => [f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, yn(f.rawat_inap), yn(f.poned), yn(f.aktif)]),
  };
}
