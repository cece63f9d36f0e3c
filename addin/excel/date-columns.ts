/**
 * The roster columns that hold dates (SPEC §3.1 types): the template formats them as dates, the
 * reader converts a 1904 workbook's serials in them, Hasil Validasi shows their values as dates.
 */
export const DATE_COLUMNS: ReadonlySet<string> = new Set(["tanggal_lahir", "str_berlaku_sampai", "sip_berlaku_sampai", "tmt_penugasan"]);

/** How the add-in shows a date: day first, as Indonesia writes them. */
export const DATE_FORMAT = "dd/mm/yyyy";
