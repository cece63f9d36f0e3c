/**
 * The columns of the four sheet tables (SPEC §3): canonical key, the header the template writes, the
 * aliases users' own sheets carry, and whether the table is unusable without the column.
 * The header matcher and the template both read this list, so they cannot drift apart. The STR and SIP
 * validity dates are also named by their words in any order (./licence-date-header), so their aliases
 * here are only the ones SPEC §3.1 lists.
 */
export type TableKind = "nakes" | "pelatihan" | "fasyankes" | "penduduk";

export interface ColumnDef {
  key: string;
  /** The Indonesian header the template writes. */
  header: string;
  /** English label, for messages in English. */
  label_en: string;
  aliases: readonly string[];
  /** The column must be present (header.missing). Whether each value is needed is the validator's business. */
  required: boolean;
}

export const nakesColumns: readonly ColumnDef[] = [
  { key: "nik", header: "NIK", label_en: "NIK", aliases: ["No. KTP", "Nomor Induk Kependudukan", "No KTP", "NIK KTP"], required: true },
  { key: "nip", header: "NIP", label_en: "NIP", aliases: ["NIP/NI PPPK", "NIP / NIPPPK", "NI PPPK", "NIPPPK"], required: false },
  { key: "nama", header: "Nama Lengkap", label_en: "Full name", aliases: ["Nama", "Nama Pegawai"], required: true },
  { key: "jenis_kelamin", header: "Jenis Kelamin", label_en: "Sex", aliases: ["L/P", "JK", "Sex"], required: true },
  { key: "tanggal_lahir", header: "Tanggal Lahir", label_en: "Date of birth", aliases: ["Tgl Lahir", "TTL", "Tempat, Tanggal Lahir", "Tempat Tanggal Lahir"], required: true },
  { key: "jenis_tenaga", header: "Jenis Tenaga", label_en: "Profession", aliases: ["Jenis Nakes", "Profesi", "Jabatan Fungsional"], required: true },
  { key: "pendidikan", header: "Pendidikan Terakhir", label_en: "Highest education", aliases: ["Pendidikan"], required: false },
  { key: "status_kepegawaian", header: "Status Kepegawaian", label_en: "Employment status", aliases: ["Status", "Status Pegawai"], required: true },
  { key: "kode_fasyankes", header: "Kode Fasyankes", label_en: "Facility code", aliases: ["Kode Puskesmas", "Kode Faskes", "Kode RS"], required: true },
  { key: "no_str", header: "No. STR", label_en: "STR number", aliases: ["Nomor STR", "STR", "STR Nomor", "STR No"], required: false },
  { key: "str_berlaku_sampai", header: "Masa Berlaku STR", label_en: "STR valid until", aliases: ["Tgl Berlaku STR", "Berlaku STR"], required: false },
  { key: "no_sip", header: "No. SIP", label_en: "SIP number", aliases: ["Nomor SIP", "SIP", "SIPP", "SIPB", "SIP Nomor", "SIP No"], required: false },
  { key: "sip_berlaku_sampai", header: "Masa Berlaku SIP", label_en: "SIP valid until", aliases: ["Tgl Berlaku SIP", "Berlaku SIP"], required: false },
  { key: "tmt_penugasan", header: "TMT Penugasan", label_en: "Assignment start (TMT)", aliases: ["TMT Tugas", "Mulai Penugasan", "TMT"], required: false },
  { key: "keterangan", header: "Keterangan", label_en: "Notes", aliases: ["Catatan", "Ket"], required: false },
];

export const pelatihanColumns: readonly ColumnDef[] = [
  { key: "nik", header: "NIK", label_en: "NIK", aliases: ["No. KTP", "Nomor Induk Kependudukan"], required: true },
  { key: "kode_pelatihan", header: "Pelatihan", label_en: "Training", aliases: ["Kode Pelatihan", "Jenis Pelatihan"], required: true },
  { key: "tahun", header: "Tahun", label_en: "Year", aliases: ["Tahun Pelatihan"], required: true },
  { key: "penyelenggara", header: "Penyelenggara", label_en: "Organiser", aliases: [], required: false },
];

export const fasyankesColumns: readonly ColumnDef[] = [
  { key: "kode", header: "Kode Fasyankes", label_en: "Facility code", aliases: ["Kode", "Kode Puskesmas", "Kode Faskes", "Kode RS"], required: true },
  { key: "nama", header: "Nama Fasyankes", label_en: "Facility name", aliases: ["Nama", "Nama Puskesmas", "Nama Faskes"], required: true },
  { key: "jenis", header: "Jenis Fasyankes", label_en: "Facility kind", aliases: ["Jenis", "Jenis Faskes"], required: true },
  { key: "kode_wilayah", header: "Kode Kabupaten/Kota", label_en: "Regency code", aliases: ["Kode Wilayah", "Kode Kabupaten", "Kode Kab/Kota"], required: true },
  { key: "kecamatan", header: "Kode Kecamatan", label_en: "District (kecamatan) code", aliases: ["Kecamatan"], required: false },
  { key: "kategori", header: "Kategori", label_en: "Category", aliases: ["Kategori Puskesmas"], required: false },
  { key: "rawat_inap", header: "Rawat Inap", label_en: "Inpatient", aliases: ["RI"], required: false },
  { key: "poned", header: "PONED", label_en: "PONED", aliases: [], required: false },
  { key: "aktif", header: "Aktif", label_en: "Active", aliases: ["Status Aktif"], required: false },
];

export const pendudukColumns: readonly ColumnDef[] = [
  { key: "kode_wilayah", header: "Kode Wilayah", label_en: "Region code", aliases: ["Kode"], required: true },
  { key: "tahun", header: "Tahun", label_en: "Year", aliases: [], required: true },
  { key: "jumlah", header: "Jumlah Penduduk", label_en: "Population", aliases: ["Jumlah", "Penduduk"], required: true },
];

export const tableColumns: Readonly<Record<TableKind, readonly ColumnDef[]>> = {
  nakes: nakesColumns,
  pelatihan: pelatihanColumns,
  fasyankes: fasyankesColumns,
  penduduk: pendudukColumns,
};

/** The English/Indonesian name of a column, for messages. */
export function columnLabel(table: TableKind, key: string, lang: "id" | "en"): string {
  const def = tableColumns[table].find((c) => c.key === key);
  if (!def) return key;
  return lang === "en" ? def.label_en : def.header;
}
