import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateIn, provinceOffsetHours, todayIn } from "../../../shared/normalize/today";
import { provinsiList } from "../../../shared/reference/wilayah";

describe("today where the facility is (SPEC §4.5)", () => {
  it("is already tomorrow in WIB at 18:30 UTC", () => {
    const at = Date.parse("2026-11-29T18:30:00Z");
    expect(todayIn("P1706060101", at)).toBe("2026-11-30");
    expect(todayIn("17", at)).toBe("2026-11-30");
    expect(todayIn(null, at)).toBe("2026-11-30");
  });

  it("takes WITA and WIT from the province in the code", () => {
    const at = Date.parse("2026-11-29T15:30:00Z");
    expect(todayIn("P5101010101", at)).toBe("2026-11-29"); // Bali, 23:30 WITA
    expect(todayIn("9101", at)).toBe("2026-11-30"); // Papua, 00:30 WIT
    expect(todayIn("K6501001", at)).toBe("2026-11-29"); // Kalimantan Utara, 23:30 WITA
  });

  it("gives each province the fixed offset of SPEC §4.5, WIB for unknown codes", () => {
    const wita = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);
    const wit = new Set(["81", "82", "91", "92", "93", "94", "95", "96"]);
    for (const p of provinsiList) expect(provinceOffsetHours(p.kode)).toBe(wita.has(p.kode) ? 8 : wit.has(p.kode) ? 9 : 7);
    expect(provinceOffsetHours("99")).toBe(7);
    expect(provinceOffsetHours("")).toBe(7);
    expect(provinceOffsetHours(undefined)).toBe(7);
  });

  it("agrees with the date of the same instant there, for any instant (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom("17", "51", "91", "P3601010101", null), (ms, region) => {
        const shifted = new Date(ms + provinceOffsetHours(region) * 3_600_000).toISOString().slice(0, 10);
        return todayIn(region, ms) === shifted && localDateIn(ms, region) === shifted;
      }),
    );
  });
});
