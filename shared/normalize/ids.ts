import type { Cell } from "../schema/cell";
import { cleanCell } from "./cell";

/** readId results that are not digits. */
export const ID_EMPTY = 0;
export const ID_FORMAT = 1;
export const ID_PRECISION_LOST = 2;

/**
 * A NIK or NIP cell → its digits, or why not (SPEC §3.1 "Digits already lost", §5 nik.format,
 * nik.precision_lost, nip.precision_lost). The cell is cleaned first (invisible characters, NBSP,
 * `="…"`, placeholders: see ./cell). Spaces, dots and a leading apostrophe (Excel's "this is text"
 * mark) of a typed grouping are stripped ("1706 0615 0993 0001").
 *
 * Digits already lost, whatever their dress, are ID_PRECISION_LOST: a number cell (Excel keeps 15
 * significant digits, and a 16- or 18-digit ID does not fit), scientific notation ("1.70601E+15",
 * "1,70601E+15" with an Indonesian decimal comma), or the thousands groups of a number cell as Excel
 * shows it ("1.706.061.509.930.000", "1,706,…", "1 706 …": groups of three from the right).
 */
export function readId(v: Cell | undefined, length: number): string | typeof ID_EMPTY | typeof ID_FORMAT | typeof ID_PRECISION_LOST {
  // Fast path: already clean digits of the right length (what the template and API clients send).
  if (typeof v === "string" && v.length === length && allDigits(v)) return v;
  const c = cleanCell(v);
  if (c === null) return ID_EMPTY;
  if (typeof c === "number") return ID_PRECISION_LOST;
  if (typeof c !== "string") return ID_FORMAT;
  const n = c.length;
  if (n === length && allDigits(c)) return c;
  // Count first, copy once: a spaced NIK ("1706 0152 …") is common, and a string built digit by digit
  // costs an allocation per digit (SPEC §8 validation target).
  let digits = 0;
  let other = false;
  let exponent = false;
  let comma = false;
  for (let i = 0; i < n; i++) {
    const ch = c.charCodeAt(i);
    if (ch >= 48 && ch <= 57) digits++;
    else if (ch === 32 || ch === 46 || ch === 9 || (ch === 39 && digits === 0)) {
      // spaces, dots, tab, a leading apostrophe
    } else if ((ch === 69 || ch === 101) && digits !== 0) exponent = true;
    else if (ch === 44) comma = true;
    else if ((ch === 43 || ch === 45) && exponent) {
      // sign of the exponent
    } else other = true;
  }
  if (digits === 0 && !other) return ID_EMPTY;
  if (exponent && !other) return ID_PRECISION_LOST;
  if (!other && digits >= 15 && isThousandsGrouped(c)) return ID_PRECISION_LOST;
  if (other || comma || digits !== length) return ID_FORMAT;
  return digitsOf(c, length);
}

const NOT_DIGITS = /[^0-9]/g;
/** The digit codes of the ID being copied, reused from call to call. */
const codes = new Uint16Array(18);

/**
 * The `n` digits of `c` (which holds exactly n digits among separators) as one new string. NIK (16)
 * and NIP (18) are built by one String.fromCharCode call: a global replace costs several objects per
 * call, and a fifth of a roster's NIKs are typed grouped (SPEC §8 validation target).
 */
function digitsOf(c: string, n: number): string {
  if (n !== 16 && n !== 18) return c.replace(NOT_DIGITS, "");
  let k = 0;
  for (let i = 0; i < c.length; i++) {
    const ch = c.charCodeAt(i);
    if (ch >= 48 && ch <= 57) codes[k++] = ch;
  }
  const d = codes;
  if (n === 16) return String.fromCharCode(d[0]!, d[1]!, d[2]!, d[3]!, d[4]!, d[5]!, d[6]!, d[7]!, d[8]!, d[9]!, d[10]!, d[11]!, d[12]!, d[13]!, d[14]!, d[15]!);
  return String.fromCharCode(d[0]!, d[1]!, d[2]!, d[3]!, d[4]!, d[5]!, d[6]!, d[7]!, d[8]!, d[9]!, d[10]!, d[11]!, d[12]!, d[13]!, d[14]!, d[15]!, d[16]!, d[17]!);
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Digits in groups of three from the right with one separator (`.`, `,` or a space) between them,
 * the first group of one to three digits: how Excel shows a large number with thousands separators.
 * A typed grouping has other shapes (4-4-4-4, the NIP's 8-6-1-3).
 */
export function isThousandsGrouped(s: string): boolean {
  let sep = -1;
  let group = 0;
  let groups = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      group++;
      continue;
    }
    if (c !== 46 && c !== 44 && c !== 32) return false;
    if (sep === -1) sep = c;
    else if (c !== sep) return false;
    if (groups === 0 ? group < 1 || group > 3 : group !== 3) return false;
    groups++;
    group = 0;
  }
  return groups >= 2 && group === 3;
}

/**
 * An STR number that passed through a number cell (SPEC §5 str.precision_lost): a number of 15 or
 * more digits, or such a number's shown form (scientific notation, thousands groups). STR numbers are
 * otherwise free text, so only these dresses are judged.
 */
export function strDigitsLost(v: Cell | undefined): boolean {
  const c = cleanCell(v);
  if (typeof c === "number") return Math.abs(c) >= 1e14;
  if (typeof c !== "string") return false;
  return strTextDigitsLost(c);
}

/** strDigitsLost of an STR cell's text already cleaned (cellText): no second cleaning scan. */
export function strTextDigitsLost(c: string): boolean {
  // One scan decides for the usual STR: digits only (kept), or any letter or mark (free text).
  let digits = 0;
  let exponent = false;
  let separators = false;
  for (let i = 0; i < c.length; i++) {
    const ch = c.charCodeAt(i);
    if (ch >= 48 && ch <= 57) digits++;
    else if (ch === 69 || ch === 101) exponent = true;
    else if (ch === 46 || ch === 44 || ch === 32) separators = true;
    else if (ch !== 43) return false;
  }
  if (exponent) return /^\d(?:[.,]\d+)?[eE]\+?\d{1,2}$/.test(c) && Number(c.replace(",", ".")) >= 1e14;
  return separators && digits >= 15 && isThousandsGrouped(c);
}

/**
 * The first character of an ID that keeps it from being digits, for the message (SPEC §3.1: name the
 * character rather than show a value that looks valid): its 1-based position and whether it is a
 * full-width digit ("１", which looks like 1). Null when every character is a digit or a separator.
 */
export function oddCharacter(v: Cell | undefined): { position: number; char: string; fullWidth: boolean } | null {
  const c = cleanCell(v);
  if (typeof c !== "string") return null;
  let position = 0;
  for (const ch of c) {
    position++;
    const code = ch.codePointAt(0)!;
    if ((code >= 48 && code <= 57) || code === 32 || code === 46) continue;
    return { position, char: ch, fullWidth: code >= 0xff10 && code <= 0xff19 };
  }
  return null;
}
