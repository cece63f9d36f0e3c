import type { JenisStandar, JenisTenaga } from "../reference/codes";
import { kodePelatihanSchema } from "../reference/codes";
import { key, PER_JENIS_FAMILIES, type Sums } from "./keys";
import { groupOf, HEALTH_GROUPS, isNakes, JENIS_TENAGA, NINE_JENIS } from "./professions";
import { KEFARMASIAN_MEMBERS, standardJenisOf } from "./standard";

export type Figures = Record<string, number | null>;

/** Indonesia's 2019 ratio targets per 100,000 population (Kepmenkokesra 54/2013). */
export const TARGET_100K: Partial<Record<JenisTenaga, number>> = { DOKTER: 45, DOKTER_GIGI: 13, PERAWAT: 180, BIDAN: 120 };

const TRAININGS = kodePelatihanSchema.options;
const NAKES_JENIS = JENIS_TENAGA.filter(isNakes);

/** Shares are fractions 0…1 (a sheet formats them as %), kept to 4 decimals. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1e4) / whole) / 1e4 : null;
}

/** Per-population rates, kept to 2 decimals; absent (null) where the population is unknown. */
export function rate(count: number, population: number | null, per: number): number | null {
  return population !== null && population > 0 ? Math.round((count * per * 100) / population) / 100 : null;
}

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
 * Every figure of one unit (or of the whole selection) from its sums: the counts, their totals over
 * professions, and the shares and densities derived from them. Totals and facility indicators are
 * always over all professions; the per-profession keys are limited to `show`.
 */
export function deriveFigures(sums: Readonly<Sums>, penduduk: number | null, show: Professions, standardJenis: readonly JenisStandar[]): Figures {
  const get = (k: string) => sums[k] ?? 0;
  const out: Figures = {};
  const shown = new Set(show.jenis);

  out[key.fasyankes] = get(key.fasyankes);
  out[key.tanpaRoster] = get(key.tanpaRoster);
  for (const jf of ["PUSKESMAS", "RUMAH_SAKIT", "KLINIK", "LABKES"] as const) out[key.fasyankesJenis(jf)] = get(key.fasyankesJenis(jf));

  for (const family of PER_JENIS_FAMILIES) {
    let total = 0;
    for (const j of JENIS_TENAGA) {
      const v = get(key.perJenis(family, j));
      total += v;
      if (shown.has(j)) out[key.perJenis(family, j)] = v;
    }
    out[family] = total;
  }
  let nakes = 0;
  for (const j of NAKES_JENIS) nakes += get(key.tenaga(j));
  out[key.nakesTotal] = nakes;
  const tenagaAll = out["tenaga"] ?? 0;
  out[key.nonNakesTotal] = tenagaAll - nakes;

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

  const puskesmas = get(key.puskesmas);
  out[key.puskesmas] = puskesmas;
  out[key.sembilanLengkap] = get(key.sembilanLengkap);
  out[key.sembilanLengkapPct] = share(get(key.sembilanLengkap), puskesmas);
  const stdShown = new Set(show.standar);
  for (const s of show.nine) {
    out[key.puskesmasAda(s)] = get(key.puskesmasAda(s));
    out[key.puskesmasAdaPct(s)] = share(get(key.puskesmasAda(s)), puskesmas);
  }
  out[key.tanpaDokter] = get(key.tanpaDokter);
  out[key.tanpaDokterPct] = share(get(key.tanpaDokter), puskesmas);
  out[key.dinilai] = get(key.dinilai);
  out[key.standarTerpenuhi] = get(key.standarTerpenuhi);
  out[key.standarTerpenuhiPct] = share(get(key.standarTerpenuhi), get(key.dinilai));

  let gap = 0;
  for (const s of standardJenis) {
    gap += get(key.kekurangan(s));
    if (!stdShown.has(s)) continue;
    out[key.standarDinilai(s)] = get(key.standarDinilai(s));
    out[key.standarMinimum(s)] = get(key.standarMinimum(s));
    out[key.standarTenaga(s)] = get(key.standarTenaga(s));
    out[key.standarTerpenuhiJenis(s)] = get(key.standarTerpenuhiJenis(s));
    out[key.standarTerpenuhiJenisPct(s)] = share(get(key.standarTerpenuhiJenis(s)), get(key.standarDinilai(s)));
    out[key.kekurangan(s)] = get(key.kekurangan(s));
  }
  out[key.kekuranganTotal] = gap;

  out[key.poned] = get(key.poned);
  out[key.ponedSiap] = get(key.ponedSiap);
  out[key.ponedSiapPct] = share(get(key.ponedSiap), get(key.poned));

  out[key.penduduk] = penduduk;
  out[key.kepadatanTotal] = rate(nakes, penduduk, 1e4);
  const byGroup = new Map<string, number>();
  for (const j of NAKES_JENIS) {
    byGroup.set(groupOf(j), (byGroup.get(groupOf(j)) ?? 0) + get(key.tenaga(j)));
    if (shown.has(j)) out[key.kepadatan(j)] = rate(get(key.tenaga(j)), penduduk, 1e4);
  }
  for (const g of HEALTH_GROUPS) out[key.kepadatanKelompok(g)] = rate(byGroup.get(g) ?? 0, penduduk, 1e4);
  for (const [j, target] of Object.entries(TARGET_100K) as [JenisTenaga, number][]) {
    if (!shown.has(j)) continue;
    const r = rate(get(key.tenaga(j)), penduduk, 1e5);
    out[key.rasio100k(j)] = r;
    out[key.target100k(j)] = target;
    out[key.rasio100kTerpenuhi(j)] = r === null ? null : r >= target ? 1 : 0;
  }
  return out;
}
