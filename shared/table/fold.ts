/**
 * The form in which names are compared: lower case, letters and digits only. "No. STR", "no_str" and
 * "NO STR" all fold to "nostr"; "L/P" to "lp". Used for headers and for coded values alike.
 *
 * Runs for most coded cells of a roster (a profession, a sex, a status written as people write them),
 * where a column holds a few distinct texts a hundred thousand times: short texts are remembered
 * (a bounded table, emptied when full), so a repeated one costs a lookup, and ASCII text is folded in
 * two string operations rather than one string per character (SPEC §8 validation target).
 */
export function fold(text: string): string {
  if (text.length > MEMO_TEXT) return foldText(text);
  let f = memo.get(text);
  if (f === undefined) {
    f = foldText(text);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, f);
  }
  return f;
}

/** Texts longer than this are folded each time: coded values and headers are shorter. */
const MEMO_TEXT = 64;
/** Distinct texts remembered at most (a few hundred kilobytes). */
const MEMO_SIZE = 4096;
const memo = new Map<string, string>();

const NOT_FOLDED_ASCII = /[^a-z0-9]/g;

function foldText(text: string): string {
  let ascii = true;
  let folded = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) {
      ascii = false;
      break;
    }
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) folded = false;
  }
  if (ascii) return folded ? text : text.toLowerCase().replace(NOT_FOLDED_ASCII, "");
  let out = "";
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += String.fromCharCode(c);
    else if (c > 127) {
      const ch = text[i]!.toLowerCase();
      // Other letters (é, ñ) count; spaces, dashes, quotes and other marks do not.
      if (/\p{L}|\p{N}/u.test(ch)) out += ch;
    }
  }
  return out;
}
