import type { Cell } from "../schema/cell";
import type { DateProblem } from "../i18n/messages";
import { dayNumber, fromDayNumber, fromIso, isValidYmd, localDateOf, pack, toIso, utcMs } from "./calendar";
import { cleanCell } from "./cell";
import { MONTH_SPELLINGS } from "../reference/months";

/**
 * Reading the dates of a sheet (SPEC §3.1): Excel serial numbers (1900 system), ISO 2026-11-01,
 * day-first 01/11/2026 and 01-11-2026, and Indonesian month names (1 November 2026, 1 Nov 2026).
 * Anything ambiguous or unreadable is refused with its reason, never guessed.
 *
 * The validator works on the packed result of `readDate` (an integer, see ./calendar); callers that
 * want a record use `normalizeDate`.
 */

/** readDate results besides a packed date (≥ 10000101). */
export const DATE_EMPTY = 0;
export const DATE_LIFETIME = 1;
export const DATE_UNREADABLE = -1;
export const DATE_TWO_DIGIT_YEAR = -2;
export const DATE_NO_SUCH_DAY = -3;
export const DATE_NOT_A_DATE = -4;
export const DATE_YEAR_ONLY = -5;

export interface DateOptions {
  /** Accept "SEUMUR HIDUP" (STR since UU 17/2023) → DATE_LIFETIME. */
  lifetime?: boolean;
  /** Accept a place before a comma, as in a TTL cell "Mukomuko, 12-03-1985". */
  place?: boolean;
  /**
   * Hours east of UTC where the facility is (SPEC §4.5; default 7, WIB): an instant with a zone
   * ("2026-10-31T17:00:00Z", "…+07:00") is read as its date there, never as its UTC date.
   */
  offsetHours?: number;
}

export function dateProblem(code: number): DateProblem {
  switch (code) {
    case DATE_TWO_DIGIT_YEAR:
      return "two_digit_year";
    case DATE_NO_SUCH_DAY:
      return "no_such_day";
    case DATE_NOT_A_DATE:
      return "not_a_date";
    case DATE_YEAR_ONLY:
      return "year_only";
    default:
      return "unreadable";
  }
}

const MONTHS = new Map<string, number>();
for (const [m, names] of MONTH_SPELLINGS) for (const n of names) MONTHS.set(n, m);

/** Excel's day 0 is 1900-01-00; its day 60 is 29 February 1900, a day that never was (Lotus's leap-year bug). */
const EXCEL_EPOCH = dayNumber(pack(1899, 12, 30));
const EXCEL_MAX = 2958465; // 9999-12-31

/** An Excel serial (1900 date system) → packed date. */
export function fromExcelSerial(serial: number): number {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX + 1) return DATE_UNREADABLE;
  const n = Math.floor(serial);
  // Numbers that read as a year (1900–2100) are a year typed into a date column, not 1905.
  if (n >= 1900 && n <= 2100 && n === serial) return DATE_YEAR_ONLY;
  if (n === 60) return DATE_NO_SUCH_DAY;
  return fromDayNumber(EXCEL_EPOCH + (n < 60 ? n + 1 : n));
}

/**
 * Days between the 1900 and 1904 date systems: a workbook in Excel's 1904 system holds serials 1,462
 * days smaller for the same date (SPEC §3.1). The add-in detects the system and converts with
 * `from1904Serial` before anything else reads the cells.
 */
export const DATE1904_OFFSET = 1462;

/** A serial of a 1904-system workbook → the 1900-system serial of the same date (what readDate reads). */
export function from1904Serial(serial: number): number {
  return serial + DATE1904_OFFSET;
}

/** A packed date → its Excel serial (1900 system), as a date cell of a sheet holds it. */
export function toExcelSerial(p: number): number {
  const n = dayNumber(p) - EXCEL_EPOCH;
  return n <= 60 ? n - 1 : n;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSeparator = (c: number) => c === 32 || c === 47 || c === 45 || c === 46 || c === 44 || c === 9 || c === 160;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Digits-only text, optionally with a decimal part: a serial number written as text. */
function isNumberText(s: string): boolean {
  let i = 0;
  let intDigits = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++, intDigits++;
  if (intDigits === 0 || intDigits > 7) return false;
  if (i === s.length) return true;
  if (s.charCodeAt(i) !== 46) return false;
  i++;
  const frac = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i === s.length && i > frac;
}

/**
 * The text path: at most three tokens (numbers and words) separated by spaces, / - . or commas,
 * matched against the accepted orders. Scanned with a char loop into locals: no arrays, no regex
 * for the common forms.
 */
function readDateText(s: string, opts: DateOptions): number {
  const iso = fromIso(s);
  if (iso !== 0) return iso;

  // A bare number: an Excel serial that reached us as text (CSV of an unformatted date cell).
  if (isNumberText(s)) return fromExcelSerial(Number(s));

  if (s.length > 11 && (s.indexOf(":") >= 0 || s.indexOf(".") >= 0)) {
    // An instant with a zone is a moment: its date is the facility's local date (SPEC §3.1 Timestamps).
    const instant = s.indexOf(":") >= 0 ? INSTANT.exec(s) : null;
    if (instant) return instantDate(instant, opts.offsetHours ?? 7);
    const time = TRAILING_TIME.exec(s);
    if (time) return timedDate(s.slice(0, time.index), time, opts);
  }
  return readDayText(s, s, opts);
}

/**
 * A time of day after a date, in the dresses office sheets write it: `07:30`, `07.30`, `07.30.00`,
 * `07:30:00.000`, after `T`, `pukul`/`pkl`/`jam`, with AM/PM, and an optional zone: `Z`, `UTC`, `GMT`,
 * `±hh[:mm]`, or the Indonesian zones `WIB` (+7), `WITA` (+8), `WIT` (+9).
 */
const TRAILING_TIME =
  /(?:T|\s*,?\s+)(?:(?:pukul|pkl\.?|jam)\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d{1,9})?)?\s*(?:([ap])\.?m\.?)?\s*(z|utc|gmt|wib|wita|wit|[+-]\d{2}(?::?\d{2})?)?$/i;

const ZONE_MINUTES: Readonly<Record<string, number>> = { z: 0, utc: 0, gmt: 0, wib: 7 * 60, wita: 8 * 60, wit: 9 * 60 };

/**
 * A date followed by a time (TRAILING_TIME): without a zone the time says nothing about the day and is
 * ignored (SPEC §3.1 Timestamps); with a zone it is an instant, read as its date in the facility's
 * zone (`opts.offsetHours`, SPEC §4.5). A time that is no time (25.30, 13 PM) is unreadable.
 */
function timedDate(dateText: string, m: RegExpExecArray, opts: DateOptions): number {
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  if (mi > 59 || sec > 59) return DATE_UNREADABLE;
  if (m[4] !== undefined) {
    if (h < 1 || h > 12) return DATE_UNREADABLE;
    const pm = m[4] === "p" || m[4] === "P";
    h = h === 12 ? (pm ? 12 : 0) : pm ? h + 12 : h;
  } else if (h > 23) return DATE_UNREADABLE;
  const day = readDayText(dateText, dateText, opts);
  if (m[5] === undefined || day < 10000101) return day;
  const zone = m[5].toLowerCase();
  let zoneMinutes = ZONE_MINUTES[zone];
  if (zoneMinutes === undefined) {
    const hours = Number(zone.slice(1, 3));
    const minutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
    if (hours > 14 || minutes > 59) return DATE_UNREADABLE;
    zoneMinutes = (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  return localDateOf(utcMs(day, h, mi, sec) - zoneMinutes * 60_000, opts.offsetHours ?? 7);
}

/**
 * The date part: at most three tokens (numbers and words) separated by spaces, / - . or commas, matched
 * against the accepted orders; `s` is the whole cell, for a place before a comma.
 */
function readDayText(text: string, s: string, opts: DateOptions): number {
  let count = 0;
  let k0 = 0, k1 = 0, k2 = 0; // 1 number, 2 word
  let n0 = 0, n1 = 0, n2 = 0;
  let l0 = 0, l1 = 0, l2 = 0;
  // The first two words' places in `text` (no copy is made unless a word holds a letter beyond ASCII).
  let s0 = 0, s1 = 0;
  let wide = false;
  let i = 0;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSeparator(c)) {
      i++;
      continue;
    }
    const start = i;
    let kind: number;
    let n = 0;
    if (isDigit(c)) {
      kind = 1;
      while (i < len && isDigit(text.charCodeAt(i))) n = n * 10 + (text.charCodeAt(i++) - 48);
    } else {
      kind = 2;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (isAsciiLetter(d)) i++;
        else if (d > 127 && d !== 160 && LETTER.test(text[i]!)) (wide = true), i++;
        else break;
      }
      if (i === start) return opts.place ? placeThenDate(s, opts) : DATE_UNREADABLE;
    }
    if (count === 0) (k0 = kind), (n0 = n), (l0 = i - start), (s0 = start);
    else if (count === 1) (k1 = kind), (n1 = n), (l1 = i - start), (s1 = start);
    else if (count === 2) (k2 = kind), (n2 = n), (l2 = i - start);
    count++;
    if (count > 3) break;
  }

  if (count === 1 && k0 === 1 && l0 === 4 && n0 >= 1900 && n0 <= 2100) return DATE_YEAR_ONLY;
  if (opts.lifetime && count <= 2 && k0 === 2) {
    const l = count === 2 && k1 === 2 ? l1 : 0;
    if (wide) {
      const f = (text.slice(s0, s0 + l0) + text.slice(s1, s1 + l)).toLowerCase();
      if (f === "seumurhidup" || f === "lifetime") return DATE_LIFETIME;
    } else if (sameWords(text, s0, l0, s1, l, "seumurhidup") || sameWords(text, s0, l0, s1, l, "lifetime")) return DATE_LIFETIME;
  }
  if (count !== 3) return opts.place ? placeThenDate(s, opts) : DATE_UNREADABLE;

  let y = 0;
  let m = 0;
  let d = 0;
  let yLen = 0;
  if (k0 === 1 && k1 === 1 && k2 === 1) {
    if (l0 === 4 && l1 <= 2 && l2 <= 2) (y = n0), (m = n1), (d = n2), (yLen = 4);
    else if (l0 <= 2 && l1 <= 2 && (l2 === 4 || l2 === 2)) (d = n0), (m = n1), (y = n2), (yLen = l2);
    else return DATE_UNREADABLE;
  } else if (k0 === 1 && k1 === 2 && k2 === 1 && l0 <= 2) {
    const month = monthOfWord(text, s1, l1, wide);
    if (month === undefined) return opts.place ? placeThenDate(s, opts) : DATE_UNREADABLE;
    (d = n0), (m = month), (y = n2), (yLen = l2);
  } else if (k0 === 2 && k1 === 1 && k2 === 1 && l1 <= 2) {
    const month = monthOfWord(text, s0, l0, wide);
    if (month === undefined) return opts.place ? placeThenDate(s, opts) : DATE_UNREADABLE;
    (m = month), (d = n1), (y = n2), (yLen = l2);
  } else {
    return opts.place ? placeThenDate(s, opts) : DATE_UNREADABLE;
  }
  if (yLen === 2) return DATE_TWO_DIGIT_YEAR;
  if (yLen !== 4) return DATE_UNREADABLE;
  return isValidYmd(y, m, d) ? pack(y, m, d) : DATE_NO_SUCH_DAY;
}

/** One letter beyond ASCII (made once: a regular expression literal is a new object each time it runs). */
const LETTER = /\p{L}/u;

/**
 * The month a word of `text` names (MONTHS), read in place: dates such as "14 Mei 2002" fill whole
 * columns, and a lower-cased copy of each month word was the date reader's one allocation (SPEC §8
 * validation target). `wide`: the text holds letters beyond ASCII, whose lower case is Unicode's, so
 * the word is copied and lower-cased as before.
 */
function monthOfWord(text: string, start: number, length: number, wide: boolean): number | undefined {
  if (wide) return MONTHS.get(text.slice(start, start + length).toLowerCase());
  const names = MONTHS_BY_LENGTH[length];
  if (names === undefined) return undefined;
  for (let i = 0; i < names.length; i++) if (sameWords(text, start, length, 0, 0, names[i]![0])) return names[i]![1];
  return undefined;
}

/** MONTHS grouped by the length of the name: a word is compared with the few names of its length. */
const MONTHS_BY_LENGTH: [string, number][][] = [];
for (const [name, month] of MONTHS) (MONTHS_BY_LENGTH[name.length] ??= []).push([name, month]);

/**
 * Whether the ASCII letters text[a, a + la) followed by text[b, b + lb) are `lower` (lower-case ASCII)
 * in any case.
 */
function sameWords(text: string, a: number, la: number, b: number, lb: number, lower: string): boolean {
  if (la + lb !== lower.length) return false;
  for (let i = 0; i < la; i++) if ((text.charCodeAt(a + i) | 32) !== lower.charCodeAt(i)) return false;
  for (let i = 0; i < lb; i++) if ((text.charCodeAt(b + i) | 32) !== lower.charCodeAt(la + i)) return false;
  return true;
}

/** yyyy-mm-dd, T or a space, hh:mm[:ss[.fff]], then Z or ±hh[:]mm. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

function instantDate(m: RegExpExecArray, offsetHours: number): number {
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (!isValidYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return DATE_NO_SUCH_DAY;
  let ms = utcMs(pack(y, mo, d), h, mi, sec);
  // A time given at another offset: UTC is the wall time minus that offset.
  if (m[7] === undefined) ms -= (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000;
  return localDateOf(ms, offsetHours);
}

function placeThenDate(s: string, opts: DateOptions): number {
  const comma = s.indexOf(",");
  if (comma < 0) return DATE_UNREADABLE;
  const rest = s.slice(comma + 1).trim();
  return rest === "" ? DATE_UNREADABLE : readDateText(rest, { ...opts, place: false });
}

/**
 * A cell → packed date (≥ 10000101), DATE_EMPTY, DATE_LIFETIME (only with opts.lifetime), or a
 * negative DATE_* reason.
 */
export function readDate(v: Cell | undefined, opts: DateOptions = {}): number {
  if (v === null || v === undefined) return DATE_EMPTY;
  if (typeof v === "number") return fromExcelSerial(v);
  if (typeof v === "string") {
    // Fast path: the ISO dates the add-in and API clients send.
    if (v.length === 10) {
      const iso = fromIso(v);
      if (iso !== 0) return iso;
    }
    const t = cleanCell(v);
    if (t === null) return DATE_EMPTY;
    return typeof t === "string" ? readDateText(t, opts) : readDate(t, opts);
  }
  return DATE_NOT_A_DATE;
}

export type NormalizedDate =
  | { ok: true; date: string | null; lifetime: boolean }
  | { ok: false; problem: DateProblem };

/** A cell → ISO date (null when empty or lifetime), or why it cannot be read. */
export function normalizeDate(v: Cell | undefined, opts: DateOptions = {}): NormalizedDate {
  const r = readDate(v, opts);
  if (r === DATE_EMPTY) return { ok: true, date: null, lifetime: false };
  if (r === DATE_LIFETIME) return { ok: true, date: null, lifetime: true };
  if (r < 0) return { ok: false, problem: dateProblem(r) };
  return { ok: true, date: toIso(r), lifetime: false };
}
