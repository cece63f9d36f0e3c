/**
 * A Nakes sheet as a puskesmas keeps it (issue 11's "From the pane" list, people invented): a title,
 * a two-row header (STR and SIP each over Nomor | Berlaku s.d.), the column-number row, a facility
 * code written once for a block of rows, a JUMLAH row, a Ket column and the signature block. Typed in
 * from A1 as the officer typed it: IDs as text (apostrophe), dates day first.
 *
 * The right answer, written from the sheet (not from the validator), as of OFFICE_SHEET_AS_OF:
 * `errors` are the only errors; nothing is marked outside the person rows.
 */
export const OFFICE_SHEET_NAME = "Data Pegawai";
export const OFFICE_SHEET_AS_OF = "2026-11-01";

export const officeSheet: (string | number | null)[][] = [
  ["DAFTAR TENAGA KESEHATAN PUSKESMAS LUBUK PINANG"],
  ["KABUPATEN MUKOMUKO TAHUN 2026"],
  [],
  ["No", "NIK", "Nama", "JK", "Tgl Lahir", "Jenis Tenaga", "Status", "Kode Fasyankes", "STR", null, "SIP", null, "Ket"],
  [null, null, null, null, null, null, null, null, "Nomor", "Berlaku s.d.", "Nomor", "Berlaku s.d.", null],
  ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)"],
  [1, "'1706061509930001", "Budi Santoso", "L", "15/09/1993", "PERAWAT", "KONTRAK_DAERAH", "P1706030101", "'1234567890123456", null, "503/101/SIP-PER/2025", "01/05/2029", null],
  [2, "'1706065203910002", "Sari Wulandari", "P", "12/03/1991", "BIDAN", "KONTRAK_DAERAH", null, "'2234567890123456", null, "503/102/SIP-BID/2025", "01/05/2029", "cuti"],
  [3, "'1706060708880003", "Adi Pratama", "L", "07/08/1988", "PERAWAT", "KONTRAK_DAERAH", null, "'3234567890123456", null, "503/103/SIP-PER/2025", "01/05/2029", null],
  [4, "'1706066101950004", "Rina Marlina", "P", "21/01/1995", "BIDAN", "KONTRAK_DAERAH", "P1706040101", "'4234567890123456", null, "503/104/SIP-BID/2025", "01/05/2029", null],
  [5, "'1706061212900005", "Dedi Kurniawan", "L", "12/12/1990", "PERAWAT", "KONTRAK_DAERAH", "P1706040101", "'5234567890123456", null, "503/105/SIP-PER/2024", "30/09/2026", "SIP diperpanjang"],
  ["JUMLAH", null, "5 orang"],
  [],
  [null, null, null, null, null, null, null, null, null, "Mukomuko, 1 November 2026"],
  [null, null, null, null, null, null, null, null, null, "Kepala Puskesmas Lubuk Pinang"],
  [],
  [null, null, null, null, null, null, null, null, null, "dr. Hendra Saputra"],
  [null, null, null, null, null, null, null, null, null, "NIP. 198001012010011001"],
];

/** 1-based sheet rows of the people (7…11) and of what is no person below them (12…18). */
export const PERSON_ROWS = [7, 8, 9, 10, 11];
export const LAST_SHEET_ROW = officeSheet.length;

/** The only errors, by cell: the two blanks under the facility code written once, and the SIP that ended 30/09/2026. */
export const OFFICE_SHEET_ERRORS: { address: string; code: string; merged?: true }[] = [
  { address: "H8", code: "required", merged: true },
  { address: "H9", code: "required", merged: true },
  { address: "L11", code: "sip.expired" },
];
