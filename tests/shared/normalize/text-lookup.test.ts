import { describe, expect, it } from "vitest";
import { readStatus, textLookup } from "../../../shared/normalize/codes";
import { readSex } from "../../../shared/normalize/sex";

describe("a coded cell's text looked up and remembered", () => {
  it("prefers the exact entry, then the folded text, and answers the same when asked again", () => {
    const lookup = textLookup(new Map([["Ab", 1]]), new Map([["ab", 2], ["cd", 3]]));
    for (let round = 0; round < 3; round++) {
      expect(lookup("Ab")).toBe(1);
      expect(lookup("AB")).toBe(2);
      expect(lookup("c-d")).toBe(3);
      expect(lookup("ef")).toBeUndefined();
    }
  });

  it("keeps answering right beyond the texts it remembers", () => {
    const lookup = textLookup(new Map<string, number>(), new Map([["x", 1]]));
    for (let i = 0; i < 5000; i++) expect(lookup(`unknown ${i}`)).toBeUndefined();
    expect(lookup("X")).toBe(1);
    expect(lookup(" x ")).toBe(1);
  });

  it("reads statuses and sexes the same on the first and the thousandth row", () => {
    const texts = ["PNS", "pns", "Kontrak Daerah", "honor", "Perempuan", "L", "laki-laki", "x"];
    const first = texts.map((t) => [readStatus(t), readSex(t)]);
    for (let i = 0; i < 1000; i++) expect(texts.map((t) => [readStatus(t), readSex(t)])).toEqual(first);
    expect(first[0]).toEqual(["PNS", null]);
    expect(first[4]).toEqual([null, "P"]);
  });
});
