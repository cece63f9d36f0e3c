import type { Cell } from "../schema/cell";

/**
 * The cell normaliser: every value of a roster passes through `cleanCell` before any rule reads it
 * (shared/validate/columns.ts `at`, and `cellText` / `readId` for callers outside the validator), so
 * each fault of SPEC §3.1 "Values as real office sheets hold them" is handled once for every column:
 *
 * - invisible characters (every format character \p{Cf}: zero-width space/joiners, direction marks,
 *   BOM, soft hyphen, U+180E; and U+2028/2029, variation selectors, Hangul fillers: INVISIBLE_CLASS)
 *   are removed: a NIK with a zero-width space must not look valid in a message and fail anyway;
 * - NBSP, narrow NBSP and figure spaces become a plain space;
 * - Excel's text trick `="…"` holds the text inside;
 * - the ends are trimmed, except that leading whitespace or invisible characters are kept where the
 *   text after them begins with `=`, `+`, `-` or `@` (SPEC §7: "\t=1+1" must never be trimmed into
 *   the formula "=1+1"; the rules of each column then refuse it, see `beginsAsFormula`);
 * - a placeholder (`-`, `–`, `—`, `.`, `0` alone, `tidak ada`, `belum ada`, `belum`, `N/A`, `NA`,
 *   `nihil`, `kosong`, any case) means "no value": null, so the rules of an empty
 *   cell apply (str.required, nip.required, …) and coverage counts it as missing.
 *
 * Full-width digits are left as they are: they are not digits (the ID readers name them).
 * Returns the cell unchanged when there is nothing to do (no allocation on clean input).
 */
export function cleanCell(v: Cell | undefined): Cell {
  if (v === null || v === undefined) return null;
  // A number cell stays a number (0 included: a population of 0 is a figure); "0" as text is a placeholder.
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") {
    if (typeof v === "boolean") return v;
    // Whatever else a loose client sends is read as its text, so no input can make the validator throw.
    try {
      return cleanCell(String(v));
    } catch {
      return null;
    }
  }
  const n = v.length;
  if (n === 0) return null;
  let plain = v.charCodeAt(0) > 32 && v.charCodeAt(n - 1) > 32 && v.charCodeAt(0) !== 61;
  let high = false;
  for (let i = 0; plain && i < n; i++) {
    const c = v.charCodeAt(i);
    // Printable ASCII, nearly every character of a roster, is decided by one comparison.
    if (c >= 32 && c <= 126) continue;
    if (c < 32 || c === 160 || c === 0xad || (c >= 0x2000 && c <= 0x206f) || c === 0xfeff || c === 0x3000) plain = false;
    else high = true;
  }
  // Other invisible characters are rare: a text with letters beyond ASCII ("André") is checked once.
  if (plain && high && HAS_INVISIBLE_OR_SPACE.test(v)) plain = false;
  if (plain) return n <= 9 && isPlaceholder(v) ? null : v;
  let source = v;
  let t = v.replace(INVISIBLE, "").replace(SPACES, " ").replace(EDGES, "");
  const wrapped = EXCEL_TEXT.exec(t);
  if (wrapped) {
    source = wrapped[1]!;
    t = source.replace(EDGES, "");
  }
  if (t === "" || (t.length <= 9 && isPlaceholder(t))) return null;
  // Something stood before a formula sign: keep it, so trimming never makes the formula.
  if (isFormulaSign(t.charCodeAt(0)) && source.charCodeAt(0) !== t.charCodeAt(0)) return source.replace(TRAILING, "");
  return t;
}

/** `=`, `+`, `-`, `@`: the signs with which Excel (and a CSV opened in it) starts a formula (OWASP CSV injection). */
function isFormulaSign(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64;
}

/**
 * Whether a text would become a formula in Excel once the whitespace and invisible characters before
 * it are gone: its first other character is `=`, `+`, `-` or `@` (SPEC §7, OWASP CSV injection).
 * Rules of columns where no real value begins so (STR and SIP numbers, names) refuse such text.
 */
export function beginsAsFormula(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isFormulaSign(c)) return true;
    // Printable ASCII is neither trimmed nor removed: decided without the character class.
    if (c > 32 && c < 127) return false;
    if (!LEADING_SKIP.test(text[i]!)) return false;
  }
  return false;
}

/**
 * The characters that show nothing, in one class: every Unicode format character (\p{Cf}: zero-width
 * space, non-joiner and joiner, LRM/RLM, bidi embeddings and isolates, word joiner, BOM, soft hyphen,
 * U+180E, the tag characters, …), the line and paragraph separators, the variation selectors, the
 * combining grapheme joiner, the Khmer inherent vowels and the Hangul fillers.
 */
const INVISIBLE_CLASS = "\\p{Cf}\\u2028\\u2029\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u3164\\ufe00-\\ufe0f\\uffa0";
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, "gu");
/** NBSP, the typographic spaces, narrow NBSP, ideographic space. */
const SPACES_CLASS = "\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000";
const SPACES = new RegExp(`[${SPACES_CLASS}]`, "g");
const HAS_INVISIBLE_OR_SPACE = new RegExp(`[${INVISIBLE_CLASS}${SPACES_CLASS}]`, "u");
const EDGES = /^\s+|\s+$/g;
const TRAILING = /\s+$/;
/** One character that cleanCell would trim or remove before a value. */
const LEADING_SKIP = new RegExp(`^[\\s${INVISIBLE_CLASS}]$`, "u");
/** `="1706…"`: what a CSV written with Excel's "keep as text" trick holds. */
const EXCEL_TEXT = /^="(.*)"$/s;

/** Lower-cased placeholders of SPEC §3.1 ("no value") longer than one character, by length. */
const WORDS: readonly (readonly string[])[] = [[], [], ["--", "na"], ["n/a"], [], ["belum", "nihil"], ["kosong"], ["tdk ada"], [], ["tidak ada", "belum ada"]];

/**
 * Whether a trimmed text is one of the placeholders that mean "no value" (SPEC §3.1), any case.
 * Runs on most cells of a roster, so it compares in place: no lower-cased copy.
 */
export function isPlaceholder(t: string): boolean {
  const n = t.length;
  if (n === 1) {
    const c = t.charCodeAt(0);
    return c === 45 || c === 46 || c === 48 || c === 0x2013 || c === 0x2014;
  }
  if (n > 9) return false;
  // Longer placeholders begin with one of "-.nbtk" (any case): most short values ("PNS", "D3", "L") stop here.
  const f = t.charCodeAt(0) | 32;
  if (f !== 45 && f !== 46 && f !== 110 && f !== 98 && f !== 116 && f !== 107) return false;
  const words = WORDS[n]!;
  for (let w = 0; w < words.length; w++) if (sameIgnoringCase(t, words[w]!)) return true;
  return false;
}

/** `t` equals the lower-case ASCII `lower`, ignoring the case of t's letters. */
function sameIgnoringCase(t: string, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = t.charCodeAt(i);
    const l = lower.charCodeAt(i);
    if (c !== l && !(l >= 97 && l <= 122 && c === l - 32)) return false;
  }
  return true;
}

/**
 * A cell as clean text (see `cleanCell`), or null when it holds nothing or a placeholder. Numbers and
 * booleans become their text.
 */
export function cellText(v: Cell | undefined): string | null {
  const c = cleanCell(v);
  if (c === null) return null;
  if (typeof c === "string") return c;
  if (typeof c === "number") return String(c);
  return c ? "TRUE" : "FALSE";
}

/** The cell as the user would read it, for messages. */
export function cellDisplay(v: Cell | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  try {
    return String(v);
  } catch {
    return "?";
  }
}
