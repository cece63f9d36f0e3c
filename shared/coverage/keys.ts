import type { JenisFasyankes, JenisStandar, JenisTenaga, KodePelatihan } from "../reference/codes";

/**
 * The names of the coverage figures that several modules name (the sums the Worker's statements
 * return and the folding reads, the training and standard families); an indicator named by its
 * declaration alone (shared/coverage/indicators.ts) is not repeated here. Additive sums (what a
 * facility contributes and a region adds up) and the derived figures (shares, densities) share one
 * flat namespace: `name` or `name.JENIS` or `pelatihan.JENIS.KODE`. These strings are the public keys of `figures` in GET /v1/coverage and what
 * a cell formula asks for, so they are Indonesian, stable and documented in the README.
 */
/**
 * Key builders are memoised: a national answer builds the same few thousand keys for every row, and
 * reusing one string per key spares the allocations (and rehashing) of building it again.
 */
function memo<A extends string>(f: (a: A) => string): (a: A) => string {
  const cache = new Map<A, string>();
  return (a) => {
    let s = cache.get(a);
    if (s === undefined) cache.set(a, (s = f(a)));
    return s;
  };
}
function memo2<A extends string, B extends string>(f: (a: A, b: B) => string): (a: A, b: B) => string {
  const cache = new Map<A, Map<B, string>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) cache.set(a, (inner = new Map()));
    let s = inner.get(b);
    if (s === undefined) inner.set(b, (s = f(a, b)));
    return s;
  };
}

export const key = {
  /** Facilities with a roster current at as_of: the ones every other figure counts. */
  fasyankes: "fasyankes",
  /** Active facilities of the master without any roster at as_of: not counted anywhere else. */
  tanpaRoster: "fasyankes_tanpa_roster",
  fasyankesJenis: memo((j: JenisFasyankes) => `fasyankes.${j}`),

  tenaga: memo((j: JenisTenaga) => `tenaga.${j}`),

  /**
   * `family.JENIS` for a per-profession count whose total over professions is a figure of its own:
   * `family` is the key of an indicator declared with `value: { total: true }` (indicators.ts).
   */
  perJenis: memo2((family: string, j: JenisTenaga) => `${family}.${j}`),

  pelatihan: memo2((j: JenisTenaga, k: KodePelatihan) => `pelatihan.${j}.${k}`),
  pelatihanTotal: memo((k: KodePelatihan) => `pelatihan.${k}`),
  pelatihanPct: memo2((j: JenisTenaga, k: KodePelatihan) => `pelatihan_pct.${j}.${k}`),
  pelatihanTotalPct: memo((k: KodePelatihan) => `pelatihan_pct.${k}`),

  puskesmas: "puskesmas",
  sembilanLengkap: "puskesmas_9_jenis_lengkap",
  puskesmasAda: memo((s: JenisStandar) => `puskesmas_ada.${s}`),
  tanpaDokter: "puskesmas_tanpa_dokter",
  dinilai: "puskesmas_dinilai",
  standarTerpenuhi: "puskesmas_standar_terpenuhi",

  standarDinilai: memo((s: JenisStandar) => `standar_dinilai.${s}`),
  standarMinimum: memo((s: JenisStandar) => `standar_minimum.${s}`),
  standarTenaga: memo((s: JenisStandar) => `standar_tenaga.${s}`),
  standarTerpenuhiJenis: memo((s: JenisStandar) => `standar_terpenuhi.${s}`),
  standarTerpenuhiJenisPct: memo((s: JenisStandar) => `standar_terpenuhi_pct.${s}`),
  kekurangan: memo((s: JenisStandar) => `kekurangan.${s}`),

  poned: "puskesmas_poned",
  ponedSiap: "puskesmas_poned_siap",

} as const;

/** Additive per-facility contributions, summed up the hierarchy. Missing key = 0. */
export type Sums = Record<string, number>;

/**
 * The same sums by position: `values[index.get(key)]` (missing or undefined = 0), one index shared by
 * every unit of an answer. What the Worker's fold adds up (worker/coverage/read.ts): adding into an
 * array spares building a dictionary object of a few hundred keys per unit.
 */
export interface IndexedSums {
  index: ReadonlyMap<string, number>;
  values: readonly (number | undefined)[];
}

export function isIndexed(s: Readonly<Sums> | IndexedSums): s is IndexedSums {
  return s["index"] instanceof Map;
}

export function addTo(into: Sums, k: string, n: number): void {
  into[k] = (into[k] ?? 0) + n;
}

export function addSums(into: Sums, other: Readonly<Sums>): Sums {
  for (const k in other) addTo(into, k, other[k] ?? 0);
  return into;
}
