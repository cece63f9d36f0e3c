/**
 * The month names a date cell may hold (SPEC §3.1: "1 November 2026", "14 Mei 2002", "01-Agu-2026"),
 * lower-case, by month number: Indonesian with its abbreviations and old spellings (Pebruari,
 * Nopember), then English. The one list of month names: dates are written out by Intl.DateTimeFormat
 * (shared/i18n/dates.ts), so only reading needs names of its own.
 */
export const MONTH_SPELLINGS: readonly (readonly [month: number, spellings: readonly string[]])[] = [
  [1, ["januari", "jan", "january"]],
  [2, ["februari", "feb", "pebruari", "peb", "february"]],
  [3, ["maret", "mar", "march"]],
  [4, ["april", "apr"]],
  [5, ["mei", "may"]],
  [6, ["juni", "jun", "june"]],
  [7, ["juli", "jul", "july"]],
  [8, ["agustus", "agu", "ags", "agt", "aug", "august"]],
  [9, ["september", "sep", "sept"]],
  [10, ["oktober", "okt", "oct", "october"]],
  [11, ["november", "nov", "nopember", "nop"]],
  [12, ["desember", "des", "dec", "december"]],
];
