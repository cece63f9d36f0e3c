import type { Lang } from "../schema/issue";
import { formatDate } from "./dates";

/**
 * The pieces the wording of the issues is made of (shared/rules/registry.ts holds the sentences):
 * quoting, dates, why a date or an ID could not be read, why a row was skipped. Dates come in ISO and
 * are written the Indonesian way ("30 September 2026"); strings a user typed are quoted as typed.
 */
export type Say<P> = { id: (p: P) => string; en: (p: P) => string };
export const say = <P>(id: (p: P) => string, en: (p: P) => string): Say<P> => ({ id, en });

export const q = (v: string) => `“${v}”`;
export const d = (iso: string, lang: Lang) => formatDate(iso, lang);

/** Why a date could not be read; the message tells the user how to write it instead. */
export type DateProblem = "unreadable" | "two_digit_year" | "no_such_day" | "future" | "not_a_date" | "year_only";

export const dateHelpId = "Tulis tanggal seperti 01/11/2026, 2026-11-01 atau 1 November 2026.";
export const dateHelpEn = "Write dates like 01/11/2026, 2026-11-01 or 1 November 2026.";
export const dateProblemId = (p: DateProblem) =>
  ({
    unreadable: "tidak terbaca sebagai tanggal",
    two_digit_year: "tahunnya hanya dua digit, sehingga abadnya tidak jelas",
    no_such_day: "bukan tanggal yang ada di kalender",
    future: "ada di masa depan",
    not_a_date: "bukan tanggal",
    year_only: "hanya berisi tahun, tanpa tanggal dan bulan",
  })[p];
export const dateProblemEn = (p: DateProblem) =>
  ({
    unreadable: "cannot be read as a date",
    two_digit_year: "has a two-digit year, so its century is unclear",
    no_such_day: "is not a real calendar date",
    future: "lies in the future",
    not_a_date: "is not a date",
    year_only: "holds only a year, without day and month",
  })[p];

/** The first character that keeps an ID from being digits (shared/normalize/ids.ts oddCharacter). */
export interface OddCharacter {
  position: number;
  char: string;
  fullWidth: boolean;
}
const codePoint = (ch: string) => "U+" + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
export const oddId = (o: OddCharacter | undefined) =>
  !o
    ? ""
    : o.fullWidth
      ? ` Karakter ke-${o.position} adalah angka lebar penuh (${q(o.char)}, ${codePoint(o.char)}), bukan angka biasa: ketik ulang dengan angka biasa.`
      : ` Karakter ke-${o.position} (${q(o.char)}, ${codePoint(o.char)}) bukan angka.`;
export const oddEn = (o: OddCharacter | undefined) =>
  !o
    ? ""
    : o.fullWidth
      ? ` Character ${o.position} is a full-width digit (${q(o.char)}, ${codePoint(o.char)}), not an ordinary digit: retype it with ordinary digits.`
      : ` Character ${o.position} (${q(o.char)}, ${codePoint(o.char)}) is not a digit.`;

/** The first character of a facility code that is no ASCII letter or digit (shared/validate/coded.ts). */
export const oddCodeId = (o: OddCharacter | undefined) =>
  !o
    ? ""
    : o.fullWidth
      ? ` Karakter ke-${o.position} adalah huruf atau angka lebar penuh (${q(o.char)}, ${codePoint(o.char)}): ketik ulang dengan huruf dan angka biasa.`
      : ` Karakter ke-${o.position} (${q(o.char)}, ${codePoint(o.char)}) bukan huruf atau angka biasa.`;
export const oddCodeEn = (o: OddCharacter | undefined) =>
  !o
    ? ""
    : o.fullWidth
      ? ` Character ${o.position} is a full-width letter or digit (${q(o.char)}, ${codePoint(o.char)}): retype it with ordinary letters and digits.`
      : ` Character ${o.position} (${q(o.char)}, ${codePoint(o.char)}) is not an ordinary letter or digit.`;

/** Why rows were skipped as no person (SPEC §3.1 "Rows that are not people"; shared/table/skip-rows.ts). */
export type SkipReason = "empty" | "number_only" | "formula_error" | "column_numbers" | "totals" | "signature";
export const skipReasonId: Record<SkipReason, string> = {
  empty: "kolom roster kosong",
  number_only: "hanya berisi nomor urut",
  formula_error: "hanya berisi hasil rumus yang gagal, seperti #N/A atau #VALUE!",
  column_numbers: "baris nomor kolom di bawah judul",
  totals: "baris jumlah/total",
  signature: "blok tanda tangan di bawah tabel",
};
export const skipReasonEn: Record<SkipReason, string> = {
  empty: "the roster's columns are empty",
  number_only: "only a row number",
  formula_error: "only failed formula results such as #N/A or #VALUE!",
  column_numbers: "the column-number row under the header",
  totals: "a totals row",
  signature: "the signature block below the table",
};

export interface ColumnRef {
  /** Column name in Indonesian and English (the header of the template / its English label). */
  label: { id: string; en: string };
}

/** A byte count as a person reads it: "10 MB", "1.5 MB", "300 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
