import type { Cell } from "../schema/cell";

/** readId results that are not digits. */
export const ID_EMPTY = 0;
export const ID_FORMAT = 1;
export const ID_PRECISION_LOST = 2;

/**
 * A NIK or NIP cell → its digits, or why not. Spaces, dots and a leading apostrophe (Excel's "this is
 * text" mark) are stripped (SPEC §3.1). A number cell has already lost digits: Excel keeps 15
 * significant digits, and a 16- or 18-digit ID does not fit; so does text in scientific notation
 * ("3.60101E+15", or "3,60101E+15" from Indonesian Excel: what a CSV saved from such a cell holds).
 */
export function readId(v: Cell | undefined, length: number): string | typeof ID_EMPTY | typeof ID_FORMAT | typeof ID_PRECISION_LOST {
  if (v === null || v === undefined) return ID_EMPTY;
  if (typeof v === "number") return Number.isFinite(v) ? ID_PRECISION_LOST : ID_FORMAT;
  if (typeof v !== "string") return ID_FORMAT;
  const n = v.length;
  // Fast path: already clean digits of the right length.
  if (n === length) {
    let clean = true;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c < 48 || c > 57) {
        clean = false;
        break;
      }
    }
    if (clean) return v;
  }
  let digits = "";
  let other = false;
  let exponent = false;
  let any = false;
  let comma = false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += v[i];
      any = true;
    } else if (c === 32 || c === 46 || c === 160 || c === 9 || (c === 39 && !any && digits === "")) {
      // spaces, dots, NBSP, tab, a leading apostrophe
    } else if ((c === 69 || c === 101) && any) {
      exponent = true;
    } else if (c === 44) {
      // the decimal comma of Indonesian Excel ("1,70602E+15")
      comma = true;
    } else if ((c === 43 || c === 45) && exponent) {
      // sign of the exponent
    } else {
      other = true;
    }
  }
  if (!any && !other && !exponent) return ID_EMPTY;
  if (exponent && !other) return ID_PRECISION_LOST;
  if (other || comma || digits.length !== length) return ID_FORMAT;
  return digits;
}
