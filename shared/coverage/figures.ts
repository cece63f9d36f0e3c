import type { JenisStandar, JenisTenaga } from "../reference/codes";
import { evaluate, figurePlan, figuresObject } from "./figure-plan";
import type { Sums } from "./keys";
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
 * professions; the per-profession and per-standard keys are limited to `show`. How each is had is
 * compiled once per list of declarations and `show` (figure-plan.ts), not per unit.
 */
export function deriveFigures(sums: Readonly<Sums>, penduduk: number | null, show: Professions, standardJenis: readonly JenisStandar[]): Figures {
  const plan = figurePlan(show);
  return figuresObject(plan, evaluate(plan, sums, penduduk, standardJenis));
}
