import type { Lang, Severity } from "../../shared/schema/issue";
import type { RosterTableName } from "./types";

/**
 * Names of what the add-in puts into a workbook. Sheet names stay the same in both languages, so a
 * re-run finds and replaces its own sheets whatever language the pane speaks.
 */
export const SHEETS = {
  nakes: "Nakes",
  pelatihan: "Pelatihan",
  reference: "Referensi",
  results: "Hasil Validasi",
  coverage: "Cakupan",
  /** An earlier version's list of marked cells (marks are conditional formats now): read once, then deleted. */
  marks: "NakesRosterTanda",
} as const;

/** Excel table names of the roster tables (table names cannot contain spaces). */
export const TABLES: Record<RosterTableName, string> = { nakes: "Nakes", pelatihan: "Pelatihan" };

/** What the layer says to the user: progress phases, headers it writes, list titles. */
export interface ExcelStrings {
  reading: (table: string) => string;
  marking: string;
  unmarking: string;
  writingResults: string;
  writingCoverage: string;
  template: string;
  severity: Record<Severity, string>;
  tableLabel: Record<RosterTableName, string>;
  resultHeaders: { cell: string; table: string; row: string; column: string; value: string; severity: string; code: string; message: string };
  noFindings: string;
  goToCell: string;
  lists: { jenisKelamin: string; jenisTenaga: string; pendidikan: string; status: string; pelatihan: string; fasyankes: string; code: string; label: string };
  listAlert: { title: string; message: string };
  listPrompt: { title: string; message: string };
  sexLabels: { L: string; P: string };
  chartTitle: (value: string, category: string) => string;
}

const id: ExcelStrings = {
  reading: (table) => `Membaca tabel ${table}`,
  marking: "Menandai sel bermasalah",
  unmarking: "Menghapus tanda lama",
  writingResults: "Menulis Hasil Validasi",
  writingCoverage: "Menulis cakupan",
  template: "Menyisipkan template",
  severity: { error: "Kesalahan", warning: "Peringatan", info: "Info" },
  tableLabel: { nakes: "Nakes", pelatihan: "Pelatihan" },
  resultHeaders: { cell: "Sel", table: "Tabel", row: "Baris", column: "Kolom", value: "Nilai", severity: "Tingkat", code: "Kode", message: "Pesan" },
  noFindings: "Tidak ada temuan.",
  goToCell: "Buka sel ini",
  lists: {
    jenisKelamin: "Jenis Kelamin",
    jenisTenaga: "Jenis Tenaga",
    pendidikan: "Pendidikan",
    status: "Status Kepegawaian",
    pelatihan: "Pelatihan",
    fasyankes: "Fasyankes",
    code: "Kode",
    label: "Keterangan",
  },
  listAlert: { title: "Nilai di luar daftar", message: "Pilih dari daftar. Nilai lain akan diperiksa saat validasi." },
  listPrompt: { title: "Pilih dari daftar", message: "Daftar kode ada di lembar Referensi." },
  sexLabels: { L: "Laki-laki", P: "Perempuan" },
  chartTitle: (value, category) => `${value} per ${category}`,
};

const en: ExcelStrings = {
  reading: (table) => `Reading the ${table} table`,
  marking: "Marking cells with findings",
  unmarking: "Removing earlier marks",
  writingResults: "Writing the results sheet",
  writingCoverage: "Writing coverage",
  template: "Inserting the template",
  severity: { error: "Error", warning: "Warning", info: "Info" },
  tableLabel: { nakes: "Nakes (staff)", pelatihan: "Pelatihan (training)" },
  resultHeaders: { cell: "Cell", table: "Table", row: "Row", column: "Column", value: "Value", severity: "Severity", code: "Code", message: "Message" },
  noFindings: "No findings.",
  goToCell: "Go to this cell",
  lists: {
    jenisKelamin: "Sex",
    jenisTenaga: "Profession",
    pendidikan: "Education",
    status: "Employment status",
    pelatihan: "Training",
    fasyankes: "Facility",
    code: "Code",
    label: "Label",
  },
  listAlert: { title: "Value not in the list", message: "Pick from the list. Other values are checked when you validate." },
  listPrompt: { title: "Pick from the list", message: "The codes are listed on the Referensi sheet." },
  sexLabels: { L: "Male", P: "Female" },
  chartTitle: (value, category) => `${value} by ${category}`,
};

export function excelStrings(lang: Lang = "id"): ExcelStrings {
  return lang === "en" ? en : id;
}
