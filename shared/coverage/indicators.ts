import type { CoverageColumn, Label } from "../api/coverage";
import { jenisFasyankesSchema, kodePelatihanSchema, type JenisStandar, type JenisTenaga, type KodePelatihan } from "../reference/codes";
import { key } from "./keys";
import { standardJenisOf } from "./standard";
import { GROUP_LABEL, groupOf, HEALTH_GROUPS, isNakes, JENIS_TENAGA, NINE_JENIS } from "./professions";

/**
 * Every area-level coverage indicator of SPEC §6, each declared once: its key, labels, type, the
 * facility rows it applies to, and how it is had. From this list come the Worker's per-facility SQL
 * (worker/store/coverage-versions.ts facilitySumsSql: the `sum` columns, in list order), its
 * per-standard SQL (store/coverage-standards.ts standardSumsSql: the `standard` columns), its folding
 * of the fact and training rows (worker/coverage/read.ts: `fact`, `pelatihan`), the figures of GET
 * /v1/coverage (figures.ts deriveFigures), the columns of the wilayah, profesi and standar tables
 * (tables.ts, list order) and so the keys the custom functions accept (addin/functions/args.ts reads
 * them off the figures). Adding an indicator or a family over existing facts is one entry here
 * (README "Adding an indicator").
 *
 * Declared here too, each family once: the per-profession families (`tenaga.JENIS`, the densities
 * and ratios, the dated counts summed from coverage_fakta and folded by worker/coverage/read.ts,
 * training `pelatihan.JENIS.KODE` from coverage_pelatihan) whose `profesi` declarations are the
 * profesi table's columns in list order, and the per-standard families (`kekurangan.JENIS` …) whose
 * SQL worker/store/coverage-standards.ts standardSumsSql runs and whose `standar` declarations are
 * the standar table's columns in list order (tables.ts).
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
export type Dimension = "jenis_fasyankes" | "jenis_tenaga" | "nine" | "standar";

/**
 * A dated count of coverage_fakta as worker/store/coverage-facts.ts factSumsSql returns it per unit,
 * kind and jenis: `before` its threshold (SIP expired, penugasan ended, STR missing), `after` it (SIP
 * expiring, penugasan active), `soon` (penugasan ending within 6 months; SPEC §6).
 */
export type FactKind = "sip" | "penugasan" | "str_tidak_ada";
export type FactColumn = "before" | "after" | "soon";

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
  /** The total over all professions of the per-profession family declared with the same key (none declared: the sums `key.JENIS`). */
  | { total: true }
  /** Additive per profession: the sum of these columns of the unit's fact rows of this kind (read.ts folds them). */
  | { fact: { kind: FactKind; columns: readonly FactColumn[] } }
  /** Additive per profession: persons with this training (coverage_pelatihan rows of the code; read.ts folds them). */
  | { pelatihan: KodePelatihan }
  /**
   * Additive per standard jenis: this SQL aggregate over the unit's assessed puskesmas, given the SQL
   * of the minimum their set asks (NULL: not asked) and of the persons they hold
   * (worker/store/coverage-standards.ts standardSumsSql).
   */
  | { standard: (minimum: string, held: string) => string }
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
  /** A family over professions that is a column of the profesi table (one row per unit and profession). */
  profesi?: boolean;
  /** A family over standard jenis that is a column of the standar table, under this column key. */
  standar?: string;
  /** A member's figure key when it is not `key.MEMBER` (training: `pelatihan.JENIS.KODE`). */
  keyOf?: (member: string) => string;
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
  // Every standard jenis a set can name: APOTEKER and TTK as KEFARMASIAN (standard.ts).
  standar: [...new Set(JENIS_TENAGA.map(standardJenisOf))],
};

const ind = (k: string, id: string, en: string, rest: Omit<Indicator, "key" | "label" | "type"> & { type?: Indicator["type"] }): Indicator => ({
  key: k,
  label: { id, en },
  type: rest.type ?? "integer",
  ...rest,
});

/**
 * A per-profession family of dated counts (kind and columns of the fact rows, FactColumn) in the
 * profesi table; its total over professions is declared apart (`totalOf`) where the wilayah table shows it.
 */
const dated = (k: string, id: string, en: string, kind: FactKind, ...columns: FactColumn[]): Indicator =>
  ind(k, id, en, { appliesTo: "all", over: "jenis_tenaga", profesi: true, value: { fact: { kind, columns } } });

/** The total over professions of a per-profession family, as a column of the wilayah table labelled as the family. */
const totalOf = (family: Indicator): Indicator =>
  ind(family.key, family.label.id, family.label.en, { type: family.type, appliesTo: family.appliesTo, wilayah: true, value: { total: true } });

const STR_MISSING = dated("str_tidak_ada", "Tanpa STR", "STR missing", "str_tidak_ada", "before");
const SIP_EXPIRED = dated("sip_kedaluwarsa", "SIP kedaluwarsa", "SIP expired", "sip", "before");
const SIP_EXPIRING = dated("sip_segera_habis", "SIP habis dalam 90 hari", "SIP expiring within 90 days", "sip", "after");
const PENUGASAN_ACTIVE = dated("penugasan_aktif", "Penugasan khusus aktif", "Special assignments active", "penugasan", "after");
const PENUGASAN_ENDED = dated("penugasan_berakhir", "Penugasan khusus berakhir", "Special assignments ended", "penugasan", "before");
const PENUGASAN_ENDING = dated(
  "penugasan_segera_berakhir",
  "Penugasan khusus berakhir dalam 6 bulan",
  "Special assignments ending within 6 months",
  "penugasan",
  "soon",
);

/** A per-standard-jenis family of the standar table (column `column`), summed by standardSumsSql or derived. */
const perStandard = (k: string, column: string, id: string, en: string, value: IndicatorValue, type: Indicator["type"] = "integer"): Indicator =>
  ind(k, id, en, { type, appliesTo: "assessed", over: "standar", standar: column, value });

const TRAININGS = kodePelatihanSchema.options;
const tenagaTotal = (get: DeriveInput["get"]) => JENIS_TENAGA.reduce((n, j) => n + get(key.tenaga(j)), 0);
const trainedTotal = (get: DeriveInput["get"], k: KodePelatihan) => JENIS_TENAGA.reduce((n, j) => n + get(key.pelatihan(j, k)), 0);

/**
 * The declarations, in the order of the wilayah table's columns and of the per-facility SQL's
 * (each a subsequence of this list). Read at each use, not copied at load, so a declaration pushed
 * here (tests/worker/coverage/declared-indicator.test.ts) is answered like the others by the Worker
 * (the add-in reads its key list once, at load; the figures compiled from it, figure-plan.ts, are
 * compiled again when the list changes).
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
    profesi: true,
    value: { sum: (c, j) => `SUM(${c.count(j as JenisTenaga)})` },
  }),
  ind(key.tanpaRoster, "Fasyankes belum mengirim roster", "Facilities without a roster", { appliesTo: "all", wilayah: true, value: { counted: true } }),
  ind(key.puskesmas, "Jumlah puskesmas", "Puskesmas", { appliesTo: "all", wilayah: true, value: { sum: () => `SUM(${PK})` } }),
  ind("tenaga", "Jumlah SDM (semua jenis)", "Staff (all kinds)", { appliesTo: "all", wilayah: true, value: { total: true } }),
  ind("nakes", "Jumlah tenaga kesehatan", "Health workers", { appliesTo: "all", wilayah: true, value: { derive: (d) => nakesOf(d.get) } }),
  ind("non_nakes", "Jumlah tenaga non-kesehatan", "Non-health staff", {
    appliesTo: "all",
    value: { derive: (d) => tenagaTotal(d.get) - nakesOf(d.get) },
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
    profesi: true,
    value: { derive: (d, j) => rate(d.get(key.tenaga(j as JenisTenaga)), d.penduduk, 1e4) },
  }),
  ind("rasio_100k", "Rasio per 100.000 penduduk", "Ratio per 100,000 population", {
    type: "number",
    appliesTo: "all",
    over: "jenis_tenaga",
    members: TARGET_JENIS,
    profesi: true,
    value: { derive: ratio100k },
  }),
  ind("target_100k", "Target rasio 2019 per 100.000", "2019 ratio target per 100,000", {
    type: "number",
    appliesTo: "all",
    over: "jenis_tenaga",
    members: TARGET_JENIS,
    profesi: true,
    value: { derive: (_d, j) => TARGET_100K[j as JenisTenaga] ?? null },
  }),
  STR_MISSING,
  SIP_EXPIRED,
  SIP_EXPIRING,
  PENUGASAN_ACTIVE,
  PENUGASAN_ENDED,
  PENUGASAN_ENDING,
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
  perStandard("standar_dinilai", "puskesmas_dinilai", "Puskesmas dinilai", "Puskesmas assessed", {
    standard: (minimum) => `SUM(${minimum} IS NOT NULL)`,
  }),
  ind("puskesmas_ada", "Puskesmas yang memiliki (≥ 1)", "Puskesmas with at least one", {
    appliesTo: "puskesmas",
    over: "nine",
    standar: "puskesmas_ada",
    value: { sum: (c, s) => `SUM(${PK} AND (${c.standardCount(s as JenisStandar)}) > 0)` },
  }),
  ind("puskesmas_ada_pct", "% puskesmas yang memiliki", "% puskesmas with at least one", {
    type: "share",
    appliesTo: "puskesmas",
    over: "nine",
    value: { derive: (d, s) => share(d.get(key.puskesmasAda(s as JenisStandar)), d.get(key.puskesmas)) },
  }),
  perStandard("standar_minimum", "minimum", "Kebutuhan minimum (orang)", "Required minimum (persons)", {
    standard: (minimum) => `SUM(${minimum})`,
  }),
  perStandard("standar_tenaga", "tersedia", "Tersedia (orang)", "Available (persons)", {
    standard: (minimum, held) => `SUM(CASE WHEN ${minimum} IS NOT NULL THEN ${held} END)`,
  }),
  perStandard("standar_terpenuhi", "terpenuhi", "Puskesmas memenuhi", "Puskesmas meeting it", {
    standard: (minimum, held) => `SUM(${held} >= ${minimum})`,
  }),
  perStandard(
    "standar_terpenuhi_pct",
    "terpenuhi_pct",
    "% puskesmas memenuhi",
    "% puskesmas meeting it",
    { derive: (d, s) => share(d.get(key.standarTerpenuhiJenis(s as JenisStandar)), d.get(key.standarDinilai(s as JenisStandar))) },
    "share",
  ),
  perStandard("kekurangan", "kekurangan", "Kekurangan (orang)", "Shortfall (persons)", {
    standard: (minimum, held) => `SUM(MAX(0, ${minimum} - ${held}))`,
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
  totalOf(SIP_EXPIRED),
  totalOf(SIP_EXPIRING),
  totalOf(STR_MISSING),
  totalOf(PENUGASAN_ACTIVE),
  totalOf(PENUGASAN_ENDED),
  totalOf(PENUGASAN_ENDING),
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
  ...TRAININGS.flatMap((k) => [
    ind(key.pelatihanTotal(k), `Terlatih ${k}`, `Trained ${k}`, {
      appliesTo: "all",
      over: "jenis_tenaga",
      profesi: true,
      keyOf: (j) => key.pelatihan(j as JenisTenaga, k),
      value: { pelatihan: k },
    }),
    ind(key.pelatihanTotal(k), `Terlatih ${k}`, `Trained ${k}`, { appliesTo: "all", value: { total: true } }),
  ]),
  ...TRAININGS.flatMap((k) => [
    ind(key.pelatihanTotalPct(k), `% terlatih ${k}`, `% trained ${k}`, {
      type: "share",
      appliesTo: "all",
      over: "jenis_tenaga",
      profesi: true,
      keyOf: (j) => key.pelatihanPct(j as JenisTenaga, k),
      value: { derive: (d, j) => share(d.get(key.pelatihan(j as JenisTenaga, k)), d.get(key.tenaga(j as JenisTenaga))) },
    }),
    ind(key.pelatihanTotalPct(k), `% terlatih ${k}`, `% trained ${k}`, {
      type: "share",
      appliesTo: "all",
      value: { derive: (d) => share(trainedTotal(d.get, k), tenagaTotal(d.get)) },
    }),
  ]),
];

/** The members a family is defined for (none for a single figure). */
export function membersOf(i: Indicator): readonly string[] {
  return i.members ?? (i.over ? MEMBERS[i.over] : []);
}

// Per declaration, computed once: figures are derived for every row unit of an answer.
const definedSets = new WeakMap<Indicator, ReadonlySet<string>>();
const memberKeys = new WeakMap<Indicator, Map<string, string>>();
const families = new WeakMap<Indicator, { length: number; family: Indicator | undefined }>();

/** Whether a family is defined for `member`. */
export function defines(i: Indicator, member: string): boolean {
  let set = definedSets.get(i);
  if (!set) definedSets.set(i, (set = new Set(membersOf(i))));
  return set.has(member);
}

/** The figure key of a family's member (`key.MEMBER`, or as the declaration's keyOf says). */
export function memberKey(i: Indicator, member: string): string {
  let keys = memberKeys.get(i);
  if (!keys) memberKeys.set(i, (keys = new Map()));
  let k = keys.get(member);
  if (k === undefined) keys.set(member, (k = i.keyOf ? i.keyOf(member) : `${i.key}.${member}`));
  return k;
}

/** The figure keys of a declaration (a family's: one per member). */
export function keysOf(i: Indicator, members: readonly string[] = membersOf(i)): string[] {
  return i.over ? members.map((m) => memberKey(i, m)) : [i.key];
}

/** Whether a family's figures are additive sums a unit adds up (not derived from them). */
const additive = (i: Indicator) => !("derive" in i.value) && !("total" in i.value);

/**
 * The per-profession family a `total` declaration adds up over every profession: the additive
 * family declared with its key, or none (its figures are then the sums `key.JENIS`, shown as given).
 * Looked up at each use, as INDICATORS is read.
 */
export function familyOf(total: Indicator): Indicator | undefined {
  // Asked per unit of an answer, so kept per declaration while the list keeps its length.
  const known = families.get(total);
  if (known && known.length === INDICATORS.length) return known.family;
  const family = INDICATORS.find((i) => i.key === total.key && i.over === "jenis_tenaga" && additive(i));
  families.set(total, { length: INDICATORS.length, family });
  return family;
}

/** The declarations of the profesi table's figure columns, in declaration order. */
export function profesiIndicators(): Indicator[] {
  return INDICATORS.filter((i) => i.profesi && i.over === "jenis_tenaga");
}

/** The declarations of the standar table's figure columns, in declaration order. */
export function standarIndicators(): Indicator[] {
  return INDICATORS.filter((i) => i.standar !== undefined);
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

/**
 * The SQL result columns of the families declared as per-standard sums for standard jenis `s`, in
 * declaration order, given the SQL of its minimum and of the persons held
 * (worker/store/coverage-standards.ts standardSumsSql).
 */
export function standardSumColumns(minimum: string, held: string, s: JenisStandar): string[] {
  return INDICATORS.flatMap((i) => ("standard" in i.value ? [`${i.value.standard(minimum, held)} AS "${memberKey(i, s)}"`] : []));
}
