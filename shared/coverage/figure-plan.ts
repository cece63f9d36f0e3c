import type { JenisStandar } from "../reference/codes";
import { defines, familyOf, INDICATORS, memberKey, MEMBERS, type DeriveInput, type Dimension, type Indicator } from "./indicators";
import type { Professions } from "./figures";
import { isIndexed, key, type IndexedSums, type Sums } from "./keys";
import { JENIS_TENAGA } from "./professions";

/** A figure's value: a count, share or rate; null where it cannot be computed. */
export type FigureValue = number | null;

const READ = 0;
const TOTAL = 1;
const DERIVE = 2;

/**
 * How one figure is had from a unit's sums: read as it stands (READ `keys[0]`), added up over
 * professions (TOTAL `keys`), or derived (DERIVE `derive(input, member)`). One shape for every step,
 * so the loop over them stays monomorphic.
 */
interface Step {
  kind: typeof READ | typeof TOTAL | typeof DERIVE;
  slot: number;
  keys: readonly string[];
  derive: ((d: DeriveInput, member?: string) => number | null) | null;
  member: string | undefined;
}

/**
 * The figures of GET /v1/coverage for one professions shown (figures.ts professionsFor), compiled
 * from the declarations once instead of per row unit: each figure key a slot (in the order
 * deriveFigures' object lists them: first writing), and the steps that compute them in declaration
 * order (a later step for the same key overwrites, as a later assignment to the object did).
 */
export interface FigurePlan {
  keys: readonly string[];
  slotOf: ReadonlyMap<string, number>;
  steps: readonly Step[];
  /** Per slot, the step whose value stands (the last one writing it). */
  last: readonly Step[];
}

/**
 * One unit's figures, each computed when first read (`at(slot)`; undefined for a slot no step
 * writes): a table reads only some of a unit's figures (the per-profession ones for the professions
 * it has), so a unit computes no more than its rows show.
 */
export interface FigureRow {
  plan: FigurePlan;
  at(slot: number): FigureValue | undefined;
}

/**
 * Every figure of SPEC §6 as declared in indicators.ts, in list order: single figures, families
 * (`key.MEMBER`) for the members `show` shows, and totals over professions. Totals and facility
 * indicators are always over all professions; the per-profession and per-standard keys are limited
 * to `show`. A total without a declared family shows the sums it adds up itself.
 */
function compile(show: Professions): FigurePlan {
  const slotOf = new Map<string, number>();
  const keys: string[] = [];
  const steps: Step[] = [];
  const slot = (k: string) => {
    let s = slotOf.get(k);
    if (s === undefined) {
      slotOf.set(k, (s = keys.length));
      keys.push(k);
    }
    return s;
  };
  const step = (kind: Step["kind"], k: string, stepKeys: readonly string[], derive: Step["derive"] = null, member?: string) =>
    steps.push({ kind, slot: slot(k), keys: stepKeys, derive, member });
  const shown = new Set(show.jenis);
  const membersShown: Record<Dimension, readonly string[]> = { ...MEMBERS, jenis_tenaga: show.jenis, nine: show.nine, standar: show.standar };

  for (const i of INDICATORS) {
    const v = i.value;
    if ("total" in v) {
      // Over every profession, whatever the filter shows (SPEC §6).
      const family = familyOf(i);
      const added: string[] = [];
      for (const j of JENIS_TENAGA) {
        const k = family ? memberKey(family, j) : key.perJenis(i.key, j);
        added.push(k);
        if (!family && shown.has(j)) step(READ, k, [k]);
      }
      step(TOTAL, i.key, added);
      continue;
    }
    if (i.over === undefined) {
      if ("derive" in v) step(DERIVE, i.key, [], v.derive);
      else step(READ, i.key, [i.key]);
      continue;
    }
    for (const m of membersShown[i.over]) {
      if (!defines(i, m)) continue;
      const k = memberKey(i, m);
      if ("derive" in v) step(DERIVE, k, [], v.derive, m);
      else step(READ, k, [k]);
    }
  }
  const last: Step[] = [];
  for (const st of steps) last[st.slot] = st;
  return { keys, slotOf, steps, last };
}

// The declarations are read at each use (a test may push one): the plans hold while the list is the one they were compiled from.
let compiledFrom: readonly Indicator[] = [];
const plans = new Map<string, FigurePlan>();

/** The plan of the figures for `show`, compiled once per list of declarations and professions shown. */
export function figurePlan(show: Professions): FigurePlan {
  if (compiledFrom.length !== INDICATORS.length || INDICATORS.some((i, n) => compiledFrom[n] !== i)) {
    plans.clear();
    compiledFrom = [...INDICATORS];
  }
  const id = `${show.jenis.join()}|${show.nine.join()}|${show.standar.join()}`;
  let plan = plans.get(id);
  if (!plan) plans.set(id, (plan = compile(show)));
  return plan;
}

/** A unit's sums as figures read them: by key, missing 0 (keys.ts Sums or IndexedSums). */
function readerOf(sums: Readonly<Sums> | IndexedSums): (k: string) => number {
  if (!isIndexed(sums)) return (k) => sums[k] ?? 0;
  const { index, values } = sums;
  return (k) => {
    const i = index.get(k);
    return i === undefined ? 0 : (values[i] ?? 0);
  };
}

function run(s: Step, get: (k: string) => number, input: DeriveInput): FigureValue {
  if (s.kind === READ) return get(s.keys[0]!);
  if (s.kind === TOTAL) {
    let total = 0;
    for (const k of s.keys) total += get(k);
    return total;
  }
  return s.derive!(input, s.member);
}

/** All of a plan's figures (by slot) from a unit's additive sums (missing: 0) and its population, in plan order. */
export function evaluate(plan: FigurePlan, sums: Readonly<Sums> | IndexedSums, penduduk: number | null, standardJenis: readonly JenisStandar[]): FigureValue[] {
  const get = readerOf(sums);
  const input: DeriveInput = { get, penduduk, standardJenis };
  const values = new Array<FigureValue>(plan.keys.length);
  for (const s of plan.steps) values[s.slot] = run(s, get, input);
  return values;
}

// Per plan, where each slot read as it stands sits in the last index of sums seen (all units of an answer share one).
const readPositions = new WeakMap<FigurePlan, { index: ReadonlyMap<string, number>; size: number; at: Int32Array }>();

/** Per slot of a plan, the position in `index` of the sum a READ step reads (-1: none, or not a READ). */
function positionsOf(plan: FigurePlan, index: ReadonlyMap<string, number>): Int32Array {
  const known = readPositions.get(plan);
  if (known && known.index === index && known.size === index.size) return known.at;
  const at = new Int32Array(plan.keys.length).fill(-1);
  plan.last.forEach((s, slot) => {
    if (s.kind === READ) at[slot] = index.get(s.keys[0]!) ?? -1;
  });
  readPositions.set(plan, { index, size: index.size, at });
  return at;
}

/** A unit's figures, each computed when a table first reads it (FigureRow). */
export function unitFigures(plan: FigurePlan, sums: Readonly<Sums> | IndexedSums, penduduk: number | null, standardJenis: readonly JenisStandar[]): FigureRow {
  return new LazyFigures(plan, sums, penduduk, standardJenis);
}

/** One class for every unit, so the tables' calls of `at` stay monomorphic. */
class LazyFigures implements FigureRow {
  private readonly get: (k: string) => number;
  private readonly input: DeriveInput;
  // A figure read as it stands is one array read when the sums are by position.
  private readonly positions: Int32Array | null;
  private readonly byPosition: readonly (number | undefined)[];
  // Undefined until computed: a figure that is undefined when computed (no step writes it) is asked again, at no harm.
  private readonly values: (FigureValue | undefined)[];

  constructor(
    readonly plan: FigurePlan,
    sums: Readonly<Sums> | IndexedSums,
    penduduk: number | null,
    standardJenis: readonly JenisStandar[],
  ) {
    this.get = readerOf(sums);
    this.input = { get: this.get, penduduk, standardJenis };
    this.positions = isIndexed(sums) ? positionsOf(plan, sums.index) : null;
    this.byPosition = isIndexed(sums) ? sums.values : [];
    this.values = new Array<FigureValue | undefined>(plan.keys.length);
  }

  at(slot: number): FigureValue | undefined {
    let v = this.values[slot];
    if (v !== undefined) return v;
    const s = this.plan.last[slot];
    if (s === undefined) return undefined;
    if (this.positions !== null && s.kind === READ) {
      const p = this.positions[slot]!;
      v = p < 0 ? 0 : (this.byPosition[p] ?? 0);
    } else v = run(s, this.get, this.input);
    this.values[slot] = v;
    return v;
  }
}

/** The figures as an object, keys in plan order. */
export function figuresObject(plan: FigurePlan, values: readonly FigureValue[]): Record<string, FigureValue> {
  const out: Record<string, FigureValue> = {};
  for (let s = 0; s < plan.keys.length; s++) out[plan.keys[s]!] = values[s]!;
  return out;
}
