import { describe, expect, it } from "vitest";
import { DigitGroups } from "../../../shared/validate/id-groups";

/** Keys of several lengths, some repeated, in a pseudo-random order (so the radix passes reorder them). */
function sample(rows: number): (string | null)[] {
  const out: (string | null)[] = [];
  let x = 12345;
  for (let r = 0; r < rows; r++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    if (x % 11 === 0) out.push(null);
    else if (x % 7 === 0) out.push(out[(x >>> 8) % Math.max(1, r)] ?? "1");
    else out.push(String(x).padStart(8 + (x % 11), "0"));
  }
  return out;
}

describe("grouping rows by a digit identifier", () => {
  it("gives rows the same id exactly when they hold the same key, the first such row", () => {
    const keys = sample(5000);
    const groups = new DigitGroups(keys.length);
    keys.forEach((k, row) => k !== null && groups.add(k, row));
    groups.seal();
    const firstRow = new Map<string, number>();
    const count = new Map<string, number>();
    keys.forEach((k, row) => {
      if (k === null) return;
      if (!firstRow.has(k)) firstRow.set(k, row);
      count.set(k, (count.get(k) ?? 0) + 1);
    });
    expect([...count.values()].some((c) => c > 1)).toBe(true);
    keys.forEach((k, row) => {
      if (k === null) return expect(groups.idOf(row)).toBe(-1);
      expect(groups.idOf(row)).toBe(firstRow.get(k));
      expect(groups.isRepeated(groups.idOf(row))).toBe(count.get(k)! > 1);
    });
    expect(groups.repeatedCount).toBe([...count.values()].filter((c) => c > 1).length);
  });

  it("keeps keys apart that differ only by leading zeros (length) or in the high digits", () => {
    const keys = ["000123", "123", "1000000000123", "2000000000123", "123"];
    const groups = new DigitGroups(keys.length);
    keys.forEach((k, row) => groups.add(k, row));
    groups.seal();
    expect(keys.map((_, row) => groups.idOf(row))).toEqual([0, 1, 2, 3, 1]);
  });

  it("answers whether a key is held, false for anything that is no digit key", () => {
    const keys = sample(2000);
    const groups = new DigitGroups(keys.length);
    keys.forEach((k, row) => k !== null && groups.add(k, row));
    for (const k of keys) if (k !== null) expect(groups.has(k)).toBe(true);
    expect(groups.has("99999999999999999")).toBe(keys.includes("99999999999999999"));
    expect(groups.has("")).toBe(false);
    expect(groups.has("12a4")).toBe(false);
    expect(groups.has("1234567890123456789")).toBe(false);
  });
});
