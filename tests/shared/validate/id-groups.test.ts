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

  it("finds every held key and no other among many (the search starts where a hash is expected)", () => {
    const keys = sample(20000);
    const groups = new DigitGroups(keys.length);
    keys.forEach((k, row) => k !== null && groups.add(k, row));
    const held = new Set(keys.filter((k): k is string => k !== null));
    for (const k of held) expect(groups.has(k)).toBe(true);
    let x = 99;
    for (let i = 0; i < 20000; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      const k = String(x).padStart(8 + (x % 11), "0");
      expect(groups.has(k)).toBe(held.has(k));
    }
  });

  it("visits the rows of each repeated key once, in row order, and no other rows", () => {
    const keys = sample(5000);
    const groups = new DigitGroups(keys.length);
    keys.forEach((k, row) => k !== null && groups.add(k, row));
    groups.seal();
    const expected = new Map<string, number[]>();
    keys.forEach((k, row) => k !== null && expected.set(k, [...(expected.get(k) ?? []), row]));
    const seen: number[][] = [];
    groups.forEachRepeated((rows) => seen.push(rows));
    const byFirst = (a: number[], b: number[]) => a[0]! - b[0]!;
    expect(seen.sort(byFirst)).toEqual([...expected.values()].filter((rows) => rows.length > 1).sort(byFirst));
  });

  it("keeps rows of different keys apart when their hashes collide", () => {
    // Two NIKs whose 32-bit hashes are equal (found by searching), interleaved with a third key.
    const keys = ["1706109989764421", "1706926477957702", "1706109989764421", "3204010101900001", "1706926477957702", "3204010101900001"];
    const groups = new DigitGroups(keys.length);
    keys.forEach((k, row) => groups.add(k, row));
    groups.seal();
    expect(keys.map((_, row) => groups.idOf(row))).toEqual([0, 1, 0, 3, 1, 3]);
    const seen: number[][] = [];
    groups.forEachRepeated((rows) => seen.push(rows));
    expect(seen.sort((a, b) => a[0]! - b[0]!)).toEqual([[0, 2], [1, 4], [3, 5]]);
  });

  it("takes a key only when it is 1 to 18 ASCII digits", () => {
    const groups = new DigitGroups(6);
    expect(["1", "123456789012345678", "", "1234567890123456789", "12a4", "１２"].map((k, row) => groups.addIfFits(k, row))).toEqual([true, true, false, false, false, false]);
    groups.seal();
    expect([0, 1, 2, 3, 4, 5].map((row) => groups.idOf(row))).toEqual([0, 1, -1, -1, -1, -1]);
  });
});
