import type { CoverageColumn, Label } from "../api/coverage";
import { jenisFasyankesSchema, type JenisStandar, type JenisTenaga } from "../reference/codes";
import { key } from "./keys";
import { GROUP_LABEL, groupOf, HEALTH_GROUPS, isNakes, JENIS_TENAGA, NINE_JENIS } from "./professions";

/**
 * Every area-level coverage indicator of SPEC §6, each declared once: its key, labels, type, the
 * facility rows it applies to, and how it is had. From this list come the Worker's per-facility SQL
 * (worker/store/coverage-versions.ts facilitySumsSql: the `sum` columns, in list order), the figures of GET
 * /v1/coverage (figures.ts deriveFigures), the columns of the wilayah table (tables.ts, list order)
 * and so the keys the custom functions accept (addin/functions/args.ts reads them off the figures).
 * Adding an indicator over existing facts is one entry here (README "Adding an indicator").
 *
 * Declared here too: the per-profession density and ratio families (`kepadatan_10k.JENIS`,
 * `rasio_100k.JENIS` …; the profesi table picks their columns, tables.ts). Not yet declared: the
 * totals' per-profession families of dated counts (summed from coverage_fakta, folded in
 * worker/coverage/read.ts), training (`pelatihan.JENIS.KODE`) and the per-standard figures
 * (`kekurangan.JENIS` …, store/coverage-standards.ts), laid out in figures.ts and tables.ts.
 */

/** The columns of a current facility-version row `cur` the SQL of a declaration may read (worker/store/coverage-versions.ts). */
export interface VersionColumns {
  /** Persons of a profession in the version (SQL expression). */
  count(j: JenisTenaga): string;
  /** Persons of a standard jenis (KEFARMASIAN = APOTEKER + TTK; SQL expression). */
  standardCount(s: JenisStandar): string;
  /** poned_tim when every member of the PONED team (facility.ts PONED_TEAM) is trained. */
  ponedComplete: number;
}

/** What a derived figure reads: the unit's additive sums (missing: 0) and its population. */
export interface DeriveInput {
  get(k: string): number;
  penduduk: number | null;
  /** Standard jenis of the active set. */
  standardJenis: readonly JenisStandar[];
}

/** The members an indicator family ranges over; figure keys are `key.MEMBER`. */
export type Dimension = "jenis_fasyankes" | "jenis_tenaga" | "nine";

/**
 * Facility rows of the wilayah table where a figure does not apply read null, not 0: a hospital has
 * no "9 jenis", a puskesmas without PONED is not "not ready", one not assessed has no shortfall.
 */
export type AppliesTo = "all" | "puskesmas" | "poned" | "assessed";

export type IndicatorValue =
  /** Additive: this SQL aggregate over a unit's current facility versions (`cur` rows: jenis, kategori, rawat_inap, poned, poned_tim and the counts). */
  | { sum: (c: VersionColumns, member?: string) => string }
  /** Additive: summed by another statement of the read (standard, facts, facilities without a roster). */
  | { counted: true }
  /** The total over professions of the per-profession family `key.JENIS` (figures.ts). */
  | { total: true }
  /** Derived from the unit's sums. */
  | { derive: (d: DeriveInput, member?: string) => number | null };

export interface Indicator {
  key: string;
  label: Label;
  type: Exclude<CoverageColumn["type"], "text">;
  appliesTo: AppliesTo;
  value: IndicatorValue;
  /** A family: one figure per member (`key.MEMBER`), all members summed in SQL. */
  over?: Dimension;
  /** The members a family is defined for, when not all of its dimension's (in the dimension's order). */
  members?: readonly string[];
  /** A column of the wilayah table (families are not). */
  wilayah?: boolean;
}

/** Shares are fractions 0…1 (a sheet formats them as %), kept to 4 decimals. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1e4) / whole) / 1e4 : null;
}

/** Per-population rates, kept to 2 decimals; absent (null) where the population is unknown. */
export function rate(count: number, population: number | null, per: number): number | null {
  return population !== null && population > 0 ? Math.round((count * per * 100) / population) / 100 : null;
}

const NAKES_JENIS = JENIS_TENAGA.filter(isNakes);

/** Indonesia's 2019 ratio targets per 100,000 population (Kepmenkokesra 54/2013). */
export const TARGET_100K: Partial<Record<JenisTenaga, number>> = { DOKTER: 45, DOKTER_GIGI: 13, PERAWAT: 180, BIDAN: 120 };
const TARGET_JENIS = JENIS_TENAGA.filter((j) => TARGET_100K[j] !== undefined);
const ratio100k = (d: DeriveInput, j?: string) => rate(d.get(key.tenaga(j as JenisTenaga)), d.penduduk, 1e5);
const nakesOf = (get: DeriveInput["get"]) => NAKES_JENIS.reduce((n, j) => n + get(key.tenaga(j)), 0);
const PK = "jenis = 'PUSKESMAS'";
const GROUP_MEMBERS = new Map(HEALTH_GROUPS.map((g) => [g, NAKES_JENIS.filter((j) => groupOf(j) === g)]));
const inGroup = (g: string): readonly JenisTenaga[] => GROUP_MEMBERS.get(g as never) ?? [];

/** The members of each dimension, for SQL (always all of them) and for the figures. */
export const MEMBERS: Record<Dimension, readonly string[]> = {
  jenis_fasyankes: jenisFasyankesSchema.options,
  jenis_tenaga: JENIS_TENAGA,
  nine: NINE_JENIS,
};

const ind = (k: string, id: string, en: string, rest: Omit<Indicator, "key" | "label" | "type"> & { type?: Indicator["type"] }): Indicator => ({
  key: k,
  label: { id, en },
  type: rest.type ?? "integer",
  ...rest,
});

/**
 * The declarations, in the order of the wilayah table's columns and of the per-facility SQL's
 * (each a subsequence of this list). Read at each use, not copied at load, so a declaration pushed
 * here (tests/worker/coverage/declared-indicator.test.ts) is answered like the others by the Worker
 * (the add-in reads its key list once, at load).
 */
export const INDICATORS: Indicator[] = [
  ind("penduduk", "Jumlah penduduk", "Population", { appliesTo: "all", wilayah: true, value: { derive: (d) => d.penduduk } }),
  ind(key.fasyankes, "Fasyankes dengan roster", "Facilities with a roster", { appliesTo: "all", wilayah: true, value: { sum: () => "COUNT(*)" } }),
  ind("fasyankes", "Fasyankes per jenis", "Facilities by kind", {
    appliesTo: "all",
    over: "jenis_fasyankes",
    value: { sum: (_c, j) => `SUM(jenis = '${j}')` },
  }),
  ind("tenaga", "Jumlah", "Count", {
    appliesTo: "all",
    over: "jenis_tenaga",
    value: { sum: (c, j) => `SUM(${c.count(j as JenisTenaga)})` },
  }),
  ind(key.tanpaRoster, "Fasyankes belum mengirim roster", "Facilities without a roster", { appliesTo: "all", wilayah: true, value: { counted: true } }),
  ind(key.puskesmas, "Jumlah puskesmas", "Puskesmas", { appliesTo: "all", wilayah: true, value: { sum: () => `SUM(${PK})` } }),
  ind("tenaga", "Jumlah SDM (semua jenis)", "Staff (all kinds)", { appliesTo: "all", wilayah: true, value: { total: true } }),
  ind("nakes", "Jumlah tenaga kesehatan", "Health workers", { appliesTo: "all", wilayah: true, value: { derive: (d) => nakesOf(d.get) } }),
  ind("non_nakes", "Jumlah tenaga non-kesehatan", "Non-health staff", {
    appliesTo: "all",
    value: { derive: (d) => JENIS_TENAGA.reduce((n, j) => n + d.get(key.tenaga(j)), 0) - nakesOf(d.get) },
  }),
  ind("kepadatan_10k", "Nakes per 10.000 penduduk", "Health workers per 10,000 population", {
    type: "number",
    appliesTo: "all",
    wilayah: true,
    value: { derive: (d) => rate(nakesOf(d.get), d.penduduk, 1e4) },
  }),
  ind("kepadatan_10k", "Per 10.000 penduduk", "Per 10,000 population", {
    type: "number",
    appliesTo: "all",
    over: "jenis_tenaga",
    members: NAKES_JENIS,
    value: { derive: (d, j) => rate(d.get(key.tenaga(j as JenisTenaga)), d.penduduk, 1e4) },
  }),
  ind("rasio_100k", "Rasio per 100.000 penduduk", "Ratio per 100,000 population", {
    type: "number",
    appliesTo: "all",
    over: "jenis_tenaga",
    members: TARGET_JENIS,
    value: { derive: ratio100k },
  }),
  ind("target_100k", "Target rasio 2019 per 100.000", "2019 ratio target per 100,000", {
    type: "number",
    appliesTo: "all",
    over: "jenis_tenaga",
    members: TARGET_JENIS,
    value: { derive: (_d, j) => TARGET_100K[j as JenisTenaga] ?? null },
  }),
  ind("rasio_100k_terpenuhi", "Rasio 2019 tercapai (1/0)", "2019 ratio target met (1/0)", {
    appliesTo: "all",
    over: "jenis_tenaga",
    members: TARGET_JENIS,
    value: {
      derive: (d, j) => {
        const r = ratio100k(d, j);
        return r === null ? null : r >= (TARGET_100K[j as JenisTenaga] ?? Infinity) ? 1 : 0;
      },
    },
  }),
  ind(key.sembilanLengkap, "Puskesmas 9 jenis nakes lengkap", "Puskesmas with all nine professions", {
    appliesTo: "puskesmas",
    wilayah: true,
    value: { sum: (c) => `SUM(${PK} AND ${NINE_JENIS.map((s) => `(${c.standardCount(s)}) > 0`).join(" AND ")})` },
  }),
  ind("puskesmas_9_jenis_lengkap_pct", "% puskesmas 9 jenis lengkap", "% puskesmas with all nine professions", {
    type: "share",
    appliesTo: "puskesmas",
    wilayah: true,
    value: { derive: (d) => share(d.get(key.sembilanLengkap), d.get(key.puskesmas)) },
  }),
  ind("puskesmas_ada", "Puskesmas yang memiliki (≥ 1)", "Puskesmas with at least one", {
    appliesTo: "puskesmas",
    over: "nine",
    value: { sum: (c, s) => `SUM(${PK} AND (${c.standardCount(s as JenisStandar)}) > 0)` },
  }),
  ind("puskesmas_ada_pct", "% puskesmas yang memiliki", "% puskesmas with at least one", {
    type: "share",
    appliesTo: "puskesmas",
    over: "nine",
    value: { derive: (d, s) => share(d.get(key.puskesmasAda(s as JenisStandar)), d.get(key.puskesmas)) },
  }),
  ind(key.tanpaDokter, "Puskesmas tanpa dokter", "Puskesmas without a doctor", {
    appliesTo: "puskesmas",
    wilayah: true,
    value: { sum: (c) => `SUM(${PK} AND ${c.count("DOKTER")} = 0)` },
  }),
  ind("puskesmas_tanpa_dokter_pct", "% puskesmas tanpa dokter", "% puskesmas without a doctor", {
    type: "share",
    appliesTo: "puskesmas",
    wilayah: true,
    value: { derive: (d) => share(d.get(key.tanpaDokter), d.get(key.puskesmas)) },
  }),
  ind(key.dinilai, "Puskesmas dinilai terhadap standar", "Puskesmas assessed against the standard", {
    appliesTo: "puskesmas",
    wilayah: true,
    value: { counted: true },
  }),
  ind(key.standarTerpenuhi, "Puskesmas memenuhi standar ketenagaan", "Puskesmas meeting the staffing standard", {
    appliesTo: "assessed",
    wilayah: true,
    value: { counted: true },
  }),
  ind("puskesmas_standar_terpenuhi_pct", "% puskesmas memenuhi standar", "% puskesmas meeting the standard", {
    type: "share",
    appliesTo: "assessed",
    wilayah: true,
    value: { derive: (d) => share(d.get(key.standarTerpenuhi), d.get(key.dinilai)) },
  }),
  ind("kekurangan", "Kekurangan tenaga terhadap standar (orang)", "Staff short of the standard (persons)", {
    appliesTo: "assessed",
    wilayah: true,
    value: { derive: (d) => d.standardJenis.reduce((n, s) => n + d.get(key.kekurangan(s)), 0) },
  }),
  ind(key.poned, "Puskesmas PONED", "PONED puskesmas", { appliesTo: "puskesmas", wilayah: true, value: { sum: () => `SUM(${PK} AND poned = 1)` } }),
  ind(key.ponedSiap, "Puskesmas PONED dengan tim terlatih", "PONED puskesmas with a trained team", {
    appliesTo: "poned",
    wilayah: true,
    value: { sum: (c) => `SUM(${PK} AND poned = 1 AND poned_tim = ${c.ponedComplete})` },
  }),
  ind("puskesmas_poned_siap_pct", "% puskesmas PONED siap", "% PONED puskesmas ready", {
    type: "share",
    appliesTo: "poned",
    wilayah: true,
    value: { derive: (d) => share(d.get(key.ponedSiap), d.get(key.poned)) },
  }),
  ind("sip_kedaluwarsa", "SIP kedaluwarsa", "SIP expired", { appliesTo: "all", wilayah: true, value: { total: true } }),
  ind("sip_segera_habis", "SIP habis dalam 90 hari", "SIP expiring within 90 days", { appliesTo: "all", wilayah: true, value: { total: true } }),
  ind("str_tidak_ada", "Tanpa STR", "STR missing", { appliesTo: "all", wilayah: true, value: { total: true } }),
  ind("penugasan_aktif", "Penugasan khusus aktif", "Special assignments active", { appliesTo: "all", wilayah: true, value: { total: true } }),
  ind("penugasan_berakhir", "Penugasan khusus berakhir", "Special assignments ended", { appliesTo: "all", wilayah: true, value: { total: true } }),
  ind("penugasan_segera_berakhir", "Penugasan khusus berakhir dalam 6 bulan", "Special assignments ending within 6 months", {
    appliesTo: "all",
    wilayah: true,
    value: { total: true },
  }),
  ...HEALTH_GROUPS.map((g) =>
    ind(`kepadatan_10k.kelompok.${g}`, `${GROUP_LABEL[g]?.id ?? g} per 10.000 penduduk`, `${GROUP_LABEL[g]?.en ?? g} workers per 10,000 population`, {
      type: "number",
      appliesTo: "all",
      wilayah: true,
      value: {
        derive: (d) => rate(inGroup(g).reduce((n, j) => n + d.get(key.tenaga(j)), 0), d.penduduk, 1e4),
      },
    }),
  ),
];

/** The members a family is defined for (none for a single figure). */
export function membersOf(i: Indicator): readonly string[] {
  return i.members ?? (i.over ? MEMBERS[i.over] : []);
}

// Per declaration, computed once: figures are derived for every row unit of an answer.
const definedSets = new WeakMap<Indicator, ReadonlySet<string>>();
const memberKeys = new WeakMap<Indicator, Map<string, string>>();

/** Whether a family is defined for `member`. */
export function defines(i: Indicator, member: string): boolean {
  let set = definedSets.get(i);
  if (!set) definedSets.set(i, (set = new Set(membersOf(i))));
  return set.has(member);
}

/** The figure key of a family's member (`key.MEMBER`). */
export function memberKey(i: Indicator, member: string): string {
  let keys = memberKeys.get(i);
  if (!keys) memberKeys.set(i, (keys = new Map()));
  let k = keys.get(member);
  if (k === undefined) keys.set(member, (k = `${i.key}.${member}`));
  return k;
}

/** The figure keys of a declaration (a family's: one per member). */
export function keysOf(i: Indicator, members: readonly string[] = membersOf(i)): string[] {
  return i.over ? members.map((m) => `${i.key}.${m}`) : [i.key];
}

/** The wilayah table's figure columns, in declaration order. */
export function wilayahColumns(): CoverageColumn[] {
  return INDICATORS.filter((i) => i.wilayah).map((i) => ({ key: i.key, label: i.label, type: i.type }));
}

/**
 * The SQL result columns (`aggregate AS "figure key"`) of the declarations summed per facility, in
 * declaration order; `c` names the version row's columns (worker/store/coverage-versions.ts).
 */
export function facilitySumColumns(c: VersionColumns): string[] {
  return INDICATORS.flatMap((i) => {
    if (!("sum" in i.value)) return [];
    const sum = i.value.sum;
    return keysOf(i).map((k, n) => `${sum(c, i.over ? membersOf(i)[n] : undefined)} AS "${k}"`);
  });
}
