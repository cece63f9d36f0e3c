/**
 * Dates inside the validator are packed integers yyyymmdd (20261101): they compare as numbers, need no
 * allocation, and whole years between two of them are floor((a − b) / 10000). Day arithmetic goes
 * through day numbers (days since 1970-01-01, proleptic Gregorian).
 *
 * The one calendar of the project: the validator, coverage (and the dates its SQL is given), the
 * tindak-lanjut lists, the add-in and the custom functions all compute with it. ISO text goes through
 * the *Iso forms below (coverage, the action lists and the scripts use them).
 */

export const pack = (y: number, m: number, d: number): number => y * 10000 + m * 100 + d;
export const yearOf = (p: number): number => Math.floor(p / 10000);
export const monthOf = (p: number): number => Math.floor(p / 100) % 100;
export const dayOf = (p: number): number => p % 100;

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayNumber(p: number): number {
  let y = yearOf(p);
  const m = monthOf(p);
  const d = dayOf(p);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The packed date of a day number (civil_from_days). */
export function fromDayNumber(z: number): number {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return pack(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export const addDays = (p: number, days: number): number => fromDayNumber(dayNumber(p) + days);

/**
 * The same day `months` later (or earlier, when negative). A day the target month lacks becomes that
 * month's last day: 31 August + 6 months is 28 (29) February, never a day of March. This is the one
 * month rule of the project; SQL is given dates computed here, never its own date arithmetic
 * (SQLite's date(d, '+N months') rolls over into the next month instead).
 */
export function addMonths(p: number, months: number): number {
  const index = yearOf(p) * 12 + monthOf(p) - 1 + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return pack(y, m, Math.min(dayOf(p), daysInMonth(y, m)));
}

/**
 * The same day `years` later; 29 February becomes 28 February in a common year. A term of N years
 * from a start date ends on addYears(start, N): SPEC §5 penugasan.ended, "the fifth anniversary of
 * tmt_penugasan (28 February for a TMT of 29 February)".
 */
export const addYears = (p: number, years: number): number => addMonths(p, years * 12);

/**
 * The least start date whose term of `years` has not ended by `day` (its end, addYears(start, years),
 * is on or after `day`). A term is over at `day` exactly when its start is before this date, so a
 * store that keeps start dates answers "ended / running / ending by" with plain comparisons against
 * values computed here (worker/store/coverage-region.ts binds them). addYears never moves a day by more
 * than the one day of the 29 February clamp, hence at most one step.
 */
export function firstStartNotEndedBy(day: number, years: number): number {
  const start = addYears(day, -years);
  return addYears(start, years) >= day ? start : addDays(start, 1);
}

/** Whole years from `from` to `to` (an age). */
export const yearsBetween = (from: number, to: number): number => Math.floor((to - from) / 10000);

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

export function toIso(p: number): string {
  const y = yearOf(p);
  // A roster repeats its dates (three a row, a few thousand distinct): each ISO text of 1900–2155 is
  // made once and shared, in a table indexed by the date (SPEC §8 validation target).
  const slot = y >= 1900 && y < 2156 ? ((y - 1900) << 9) | (monthOf(p) << 5) | dayOf(p) : -1;
  if (slot >= 0) {
    const known = isoByDate[slot];
    if (known !== undefined) return known;
  }
  const iso = `${y < 1000 ? String(y).padStart(4, "0") : y}-${pad2(monthOf(p))}-${pad2(dayOf(p))}`;
  if (slot >= 0) isoByDate[slot] = iso;
  return iso;
}

/** ISO texts by (year − 1900) << 9 | month << 5 | day, filled as dates are met (256 years × 512 slots at most). */
const isoByDate: (string | undefined)[] = new Array<string | undefined>(256 << 9).fill(undefined);

/** A strict ISO yyyy-mm-dd → packed, or 0 when it is not one. */
export function fromIso(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return 0;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return 0;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return isValidYmd(y, m, d) ? pack(y, m, d) : 0;
}

/** The packed date of a strict ISO yyyy-mm-dd; RangeError when it is none (for callers given checked dates). */
function packedIso(iso: string): number {
  const p = fromIso(iso);
  if (p === 0) throw new RangeError(`not an ISO date: ${iso}`);
  return p;
}

/** addDays on ISO yyyy-mm-dd text (RangeError for anything else). */
export const addDaysIso = (iso: string, days: number): string => toIso(addDays(packedIso(iso), days));
/** addMonths on ISO yyyy-mm-dd text (RangeError for anything else). */
export const addMonthsIso = (iso: string, months: number): string => toIso(addMonths(packedIso(iso), months));
/** addYears on ISO yyyy-mm-dd text (RangeError for anything else). */
export const addYearsIso = (iso: string, years: number): string => toIso(addYears(packedIso(iso), years));
/** The calendar year of ISO yyyy-mm-dd text (RangeError for anything else). */
export const isoYear = (iso: string): number => yearOf(packedIso(iso));

const DAY_MS = 86_400_000;

/**
 * The packed local date of an instant (milliseconds since the Unix epoch) at a fixed offset east of
 * UTC, in hours (SPEC §4.5: 7, 8 or 9). 2026-10-31T17:00Z at +7 is 2026-11-01.
 */
export function localDateOf(epochMs: number, offsetHours: number): number {
  return fromDayNumber(Math.floor((epochMs + offsetHours * 3_600_000) / DAY_MS));
}

/** Milliseconds since the epoch of a UTC wall-clock time (what Date.UTC does, for years 0…9999). */
export function utcMs(p: number, hours: number, minutes: number, seconds: number): number {
  return dayNumber(p) * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000;
}
