import type { JenisStandar, JenisTenaga } from "../reference/codes";
import { defines, familyOf, INDICATORS, memberKey, MEMBERS, type DeriveInput, type Dimension } from "./indicators";
import { key, type Sums } from "./keys";
import { JENIS_TENAGA, NINE_JENIS } from "./professions";
import { KEFARMASIAN_MEMBERS, standardJenisOf } from "./standard";

export type Figures = Record<string, number | null>;

/** Which professions the figures and per-profession rows show: all, or those of the filter. */
export interface Professions {
  jenis: readonly JenisTenaga[];
  /** Standard jenis of the active set. */
  standar: readonly JenisStandar[];
  /** Which of the nine puskesmas professions. */
  nine: readonly JenisStandar[];
}

export function professionsFor(filter: JenisStandar | null, standardJenis: readonly JenisStandar[]): Professions {
  if (filter === null) return { jenis: JENIS_TENAGA, standar: standardJenis, nine: NINE_JENIS };
  const jenis = filter === "KEFARMASIAN" ? KEFARMASIAN_MEMBERS : [filter];
  const std = filter === "KEFARMASIAN" ? "KEFARMASIAN" : standardJenisOf(filter);
  return { jenis, standar: standardJenis.filter((s) => s === std), nine: NINE_JENIS.filter((s) => s === std) };
}

/**
 * Every figure of one unit (or of the whole selection) from its sums (missing: 0): each declared
 * indicator of indicators.ts, in list order: single figures, families (`key.MEMBER`) for the members
 * `show` shows, and totals over professions. Totals and facility indicators are always over all
 * professions; the per-profession and per-standard keys are limited to `show`.
 */
export function deriveFigures(sums: Readonly<Sums>, penduduk: number | null, show: Professions, standardJenis: readonly JenisStandar[]): Figures {
  const get = (k: string) => sums[k] ?? 0;
  const out: Figures = {};
  const shown = new Set(show.jenis);
  const input: DeriveInput = { get, penduduk, standardJenis };
  const membersShown: Record<Dimension, readonly string[]> = { ...MEMBERS, jenis_tenaga: show.jenis, nine: show.nine, standar: show.standar };

  for (const i of INDICATORS) {
    const v = i.value;
    if ("total" in v) {
      // Over every profession, whatever the filter shows (SPEC §6); a total without a declared
      // family shows the sums it adds up itself.
      const family = familyOf(i);
      let total = 0;
      for (const j of JENIS_TENAGA) {
        const k = family ? memberKey(family, j) : key.perJenis(i.key, j);
        const n = get(k);
        total += n;
        if (!family && shown.has(j)) out[k] = n;
      }
      out[i.key] = total;
      continue;
    }
    if (i.over === undefined) {
      out[i.key] = "derive" in v ? v.derive(input) : get(i.key);
      continue;
    }
    for (const m of membersShown[i.over]) {
      if (!defines(i, m)) continue;
      const k = memberKey(i, m);
      out[k] = "derive" in v ? v.derive(input, m) : get(k);
    }
  }
  return out;
}
