import { describe, expect, it } from "vitest";
import { evaluate, figurePlan, figuresObject, unitFigures } from "../../../shared/coverage/figure-plan";
import { deriveFigures, professionsFor } from "../../../shared/coverage/figures";
import { INDICATORS, keysOf } from "../../../shared/coverage/indicators";
import type { IndexedSums, Sums } from "../../../shared/coverage/keys";
import { standardJenisOf } from "../../../shared/coverage/standard";
import { jenisTenagaSchema } from "../../../shared/reference/codes";

const STANDARD = [...new Set(jenisTenagaSchema.options.map(standardJenisOf))];

/** Sums over every declared key (and the per-profession sums totals read), seeded: 0 for some, so shares and zero checks show. */
function someSums(seed: number): Sums {
  const sums: Sums = {};
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  for (const i of INDICATORS) for (const k of keysOf(i)) sums[k] = next() % 5 === 0 ? 0 : next() % 400;
  for (const j of jenisTenagaSchema.options) sums[`pelatihan.${j}.BTCLS`] = next() % 30;
  return sums;
}

/** The same sums by position, in an index ordered otherwise than the keys (as a fold meets them). */
function byPosition(sums: Sums): IndexedSums {
  const keys = Object.keys(sums).reverse();
  const index = new Map(keys.map((k, n) => [k, n]));
  return { index, values: keys.map((k) => sums[k]) };
}

describe("the compiled figures of coverage", () => {
  for (const filter of [null, "BIDAN", "KEFARMASIAN"] as const) {
    it(`give the same figures from sums by key and by position (${filter ?? "all professions"})`, () => {
      const show = professionsFor(filter, STANDARD);
      const plan = figurePlan(show);
      const sums = someSums(filter === null ? 7 : filter.length);
      const byKey = figuresObject(plan, evaluate(plan, sums, 123_456, STANDARD));
      expect(figuresObject(plan, evaluate(plan, byPosition(sums), 123_456, STANDARD))).toEqual(byKey);
      expect(Object.keys(byKey)).toEqual(Object.keys(deriveFigures(sums, 123_456, show, STANDARD)));
    });
  }

  it("compute a unit's figure when read, the same as all of them at once, in any order of reading", () => {
    const show = professionsFor(null, STANDARD);
    const plan = figurePlan(show);
    const sums = someSums(11);
    const all = evaluate(plan, sums, null, STANDARD);
    for (const s of [sums, byPosition(sums)]) {
      const row = unitFigures(plan, s, null, STANDARD);
      const slots = plan.keys.map((_, n) => n).reverse();
      expect(slots.map((n) => row.at(n))).toEqual(slots.map((n) => all[n]));
      expect(row.at(plan.keys.length)).toBeUndefined();
    }
  });

  it("follow a declaration added to the list and one taken off it", () => {
    const show = professionsFor(null, STANDARD);
    const before = figurePlan(show);
    INDICATORS.push({ key: "uji_plan", label: { id: "Uji", en: "Test" }, type: "integer", appliesTo: "all", value: { derive: (d) => d.get("fasyankes") * 2 } });
    try {
      const added = figurePlan(show);
      expect(added).not.toBe(before);
      expect(figuresObject(added, evaluate(added, { fasyankes: 4 }, null, STANDARD))["uji_plan"]).toBe(8);
    } finally {
      INDICATORS.pop();
    }
    expect(figurePlan(show).slotOf.has("uji_plan")).toBe(false);
  });
});
