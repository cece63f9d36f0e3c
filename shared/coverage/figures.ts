import type { JenisStandar, JenisTenaga } from "../reference/codes";
import { kodePelatihanSchema } from "../reference/codes";
import { defines, INDICATORS, memberKey, MEMBERS, rate, share, type DeriveInput, type Dimension } from "./indicators";
import { key, PER_JENIS_FAMILIES, type Sums } from "./keys";
import { JENIS_TENAGA, NINE_JENIS } from "./professions";
import { KEFARMASIAN_MEMBERS, standardJenisOf } from "./standard";

/** Shares and rates are defined with the indicators. */
export { rate, share };
export { TARGET_100K } from "./indicators";

export type Figures = Record<string, number | null>;


const TRAININGS = kodePelatihanSchema.options;

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
 * Every figure of one unit (or of the whole selection) from its sums: the declared indicators
 * (indicators.ts), the per-profession families and their totals over professions, training and
 * standard figures, densities and ratios. Totals and facility indicators are always over all
 * professions; the per-profession keys are limited to `show`.
 */
export function deriveFigures(sums: Readonly<Sums>, penduduk: number | null, show: Professions, standardJenis: readonly JenisStandar[]): Figures {
  const get = (k: string) => sums[k] ?? 0;
  const out: Figures = {};
  const shown = new Set(show.jenis);
  const input: DeriveInput = { get, penduduk, standardJenis };
  const membersShown: Record<Dimension, readonly string[]> = { ...MEMBERS, jenis_tenaga: show.jenis, nine: show.nine };

  for (const family of PER_JENIS_FAMILIES) {
    let total = 0;
    for (const j of JENIS_TENAGA) {
      const v = get(key.perJenis(family, j));
      total += v;
      if (shown.has(j)) out[key.perJenis(family, j)] = v;
    }
    out[family] = total;
  }

  for (const i of INDICATORS) {
    const v = i.value;
    if ("total" in v) continue;
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

  const tenagaAll = out["tenaga"] ?? 0;
  for (const k of TRAININGS) {
    let total = 0;
    for (const j of JENIS_TENAGA) {
      const v = get(key.pelatihan(j, k));
      total += v;
      if (shown.has(j)) {
        out[key.pelatihan(j, k)] = v;
        out[key.pelatihanPct(j, k)] = share(v, get(key.tenaga(j)));
      }
    }
    out[key.pelatihanTotal(k)] = total;
    out[key.pelatihanTotalPct(k)] = share(total, tenagaAll);
  }

  const stdShown = new Set(show.standar);
  for (const s of standardJenis) {
    if (!stdShown.has(s)) continue;
    out[key.standarDinilai(s)] = get(key.standarDinilai(s));
    out[key.standarMinimum(s)] = get(key.standarMinimum(s));
    out[key.standarTenaga(s)] = get(key.standarTenaga(s));
    out[key.standarTerpenuhiJenis(s)] = get(key.standarTerpenuhiJenis(s));
    out[key.standarTerpenuhiJenisPct(s)] = share(get(key.standarTerpenuhiJenis(s)), get(key.standarDinilai(s)));
    out[key.kekurangan(s)] = get(key.kekurangan(s));
  }
  return out;
}
