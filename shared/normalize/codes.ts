import type { Cell } from "../schema/cell";
import type { JenisFasyankes, JenisTenaga, KategoriPuskesmas, KodePelatihan, Pendidikan, StatusKepegawaian } from "../reference/codes";
import { professionAliases } from "../reference/aliases";
import { categories, facilityKinds } from "../reference/facilities";
import { pendidikanList } from "../reference/pendidikan";
import { professions } from "../reference/professions";
import { statuses } from "../reference/statuses";
import { trainings } from "../reference/trainings";
import { fold } from "../table/fold";
import { cellText } from "./cell";

/** Distinct texts a textLookup remembers at most. */
const LOOKUP_MEMO_SIZE = 1024;

/**
 * A lookup of a coded cell's text (a profession, a status, a sex): `exact` first (the codes the
 * template writes), then the folded text in `folded`; undefined when neither has it. The answer is
 * remembered per raw text, so a column of a few distinct spellings costs one Map lookup a cell
 * instead of three (exact, fold's memo, folded). At most LOOKUP_MEMO_SIZE texts are remembered per
 * lookup (a few hundred kilobytes at most), none longer than 64 characters; beyond that texts are
 * looked up each time.
 */
export function textLookup<V>(exact: ReadonlyMap<string, V>, folded: ReadonlyMap<string, V>): (text: string) => V | undefined {
  const known = new Map<string, V | null>(exact);
  const limit = known.size + LOOKUP_MEMO_SIZE;
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit ?? undefined;
    const v = exact.get(text) ?? folded.get(fold(text));
    if (text.length <= 64 && known.size < limit) known.set(text, v ?? null);
    return v;
  };
}

/**
 * Coded columns: the exact code is looked up first (what the template's dropdowns write), then the
 * folded text (case, spaces and punctuation ignored) against codes, labels and known aliases. The maps
 * are built once, so a cell costs one or two Map lookups.
 */
function codeMap<C extends string>(entries: readonly { code: C; label: { id: string; en: string }; aliases?: readonly string[] }[]) {
  const exact = new Map<string, C>();
  const folded = new Map<string, C>();
  for (const e of entries) {
    exact.set(e.code, e.code);
    for (const name of [e.code, e.label.id, e.label.en, ...(e.aliases ?? [])]) {
      const f = fold(name);
      if (f !== "" && !folded.has(f)) folded.set(f, e.code);
    }
  }
  const byText = textLookup(exact, folded);
  return (v: Cell | undefined): C | null => {
    if (typeof v === "string") return byText(v) ?? null;
    if (typeof v === "number") return folded.get(String(v)) ?? null;
    return null;
  };
}

export const readStatus: (v: Cell | undefined) => StatusKepegawaian | null = codeMap(statuses);
export const readPendidikan: (v: Cell | undefined) => Pendidikan | null = codeMap(pendidikanList);
export const readTraining: (v: Cell | undefined) => KodePelatihan | null = codeMap(trainings);
export const readFacilityKind: (v: Cell | undefined) => JenisFasyankes | null = codeMap(facilityKinds);
export const readCategory: (v: Cell | undefined) => KategoriPuskesmas | null = codeMap(categories);

/** A profession and whether it was reached through an alias (which earns an info note). */
export interface ProfessionMatch {
  code: JenisTenaga;
  alias: boolean;
}

const professionExact = new Map<string, ProfessionMatch>();
const professionFolded = new Map<string, ProfessionMatch>();
for (const p of professions) {
  const m: ProfessionMatch = { code: p.code, alias: false };
  professionExact.set(p.code, m);
  // The code and the Indonesian label are the profession's own names; everything else is an alias.
  for (const name of [p.code, p.label.id]) professionFolded.set(fold(name), m);
}
for (const [alias, code] of Object.entries(professionAliases)) {
  const f = fold(alias);
  if (!professionFolded.has(f)) professionFolded.set(f, { code, alias: true });
}
for (const p of professions) {
  const f = fold(p.label.en);
  if (!professionFolded.has(f)) professionFolded.set(f, { code: p.code, alias: true });
}

const professionByText = textLookup(professionExact, professionFolded);

/** jenis_tenaga → code (alias: true when an alias was mapped, SPEC §4.1), or null when nothing matches. */
export function readProfession(v: Cell | undefined): ProfessionMatch | null {
  if (typeof v !== "string") return null;
  return professionByText(v) ?? null;
}

/**
 * A facility code as a cell holds it (SPEC §3.1, §3.3) → the code as stored, or null when empty: text
 * or a whole number (a hospital code such as 1706015 survives a number cell), cleaned like every cell
 * (./cell), Excel's leading apostrophe dropped as for a NIK, upper case. The one reading of a code for
 * the Nakes table, the facility master and the zone of a row (SPEC §4.5). Its shape is not judged
 * here: see `isFacilityCode` in reference/facilities.
 */
export function readFacilityCode(v: Cell | undefined): string | null {
  let t = cellText(v);
  if (t !== null && t.charCodeAt(0) === 39) t = cellText(t.slice(1));
  if (t === null) return null;
  return hasLowerAscii(t) ? t.toUpperCase() : t;
}

/**
 * Whether a text holds a–z. A scan, not a regular expression literal: a literal is a new RegExp
 * object each time it is evaluated, and this runs for every row (SPEC §8 validation target).
 */
function hasLowerAscii(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
