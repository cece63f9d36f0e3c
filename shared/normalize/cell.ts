import type { Cell } from "../schema/cell";

/**
 * The cell normaliser: every value of a roster passes through `cleanCell` before any rule reads it
 * (shared/validate/columns.ts `at`, and `cellText` / `readId` for callers outside the validator), so
 * each fault of SPEC §3.1 "Values as real office sheets hold them" is handled once for every column:
 *
 * - invisible characters (zero-width space/joiners, direction marks, BOM, soft hyphen, U+2028/2029)
 *   are removed: a NIK with a zero-width space must not look valid in a message and fail anyway;
 * - NBSP, narrow NBSP and figure spaces become a plain space;
 * - Excel's text trick `="…"` holds the text inside;
 * - the ends are trimmed;
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
  for (let i = 0; plain && i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 32 || c === 160 || c === 0xad || (c >= 0x2000 && c <= 0x206f) || c === 0xfeff || c === 0x3000) plain = false;
  }
  if (plain) return n <= 9 && isPlaceholder(v) ? null : v;
  let t = v.replace(INVISIBLE, "").replace(SPACES, " ").replace(EDGES, "");
  const wrapped = EXCEL_TEXT.exec(t);
  if (wrapped) t = wrapped[1]!.replace(EDGES, "");
  if (t === "" || (t.length <= 9 && isPlaceholder(t))) return null;
  return t;
}

/** Zero-width space, non-joiner, joiner, LRM/RLM, line/paragraph separators, bidi embeddings and isolates, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/g;
/** NBSP, the typographic spaces, narrow NBSP, ideographic space. */
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const EDGES = /^\s+|\s+$/g;
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

/** True when the cell holds nothing worth reading (empty, spaces, invisible characters, a placeholder). */
export function isEmptyCell(v: Cell | undefined): boolean {
  return cleanCell(v) === null;
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
