import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanCell } from "../../../shared/normalize/cell";
import { readDate } from "../../../shared/normalize/dates";

/** Other instances of issue 11's kinds in the cell and date readers (variant findings 4 and 6). */

describe("a time without a zone, in every dress, is ignored", () => {
  it("reads the date of a time written with dots, seconds, 'pukul'/'jam' or AM/PM", () => {
    for (const [text, date] of [
      ["15/09/1993 07.30", 19930915],
      ["15 September 1993 07.30", 19930915],
      ["01-05-2029 07.30.00", 20290501],
      ["1 Mei 2029 pukul 07.30", 20290501],
      ["1 Mei 2029 jam 07:30", 20290501],
      ["1/5/2029 12:00:00 AM", 20290501],
      ["01/05/2029 12:00 AM", 20290501],
      ["01/05/2029 11:59 PM", 20290501],
      ["1 Mei 2029 07:30:00", 20290501],
      ["01/05/2029 07:30:00.000", 20290501],
      ["2029-05-01 00:00:00.000", 20290501],
      ["01.05.2029", 20290501],
    ] as const) {
      expect(readDate(text, { offsetHours: 9 }), text).toBe(date);
    }
  });

  it("reads a time named in an Indonesian zone as an instant, converted to the facility's zone", () => {
    expect(readDate("01/05/2029 07.30 WITA", { offsetHours: 7 })).toBe(20290501);
    // 00:30 WITA on 1 May is 23:30 WIB on 30 April.
    expect(readDate("01/05/2029 00.30 WITA", { offsetHours: 7 })).toBe(20290430);
    // 23:30 WIB on 30 April is 01:30 WIT on 1 May.
    expect(readDate("30 April 2029 pukul 23.30 WIB", { offsetHours: 9 })).toBe(20290501);
    expect(readDate("30/04/2029 11:30 PM WIB", { offsetHours: 9 })).toBe(20290501);
    expect(readDate("2029-04-30 17:00 GMT", { offsetHours: 7 })).toBe(20290501);
    expect(readDate("2029-04-30T17:00:00+00", { offsetHours: 7 })).toBe(20290501);
  });

  it("still refuses a time that is no time", () => {
    expect(readDate("01/05/2029 25.30")).toBeLessThan(0);
    expect(readDate("01/05/2029 13:00 PM")).toBeLessThan(0);
  });

  it("any date with any zone-less time in any dress reads as that date (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1) / 86_400_000, max: Date.UTC(2090, 11, 31) / 86_400_000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(":", "."),
        fc.constantFrom("", "pukul ", "jam "),
        fc.boolean(),
        fc.constantFrom(7, 8, 9),
        (day, h, m, sep, word, ampm, offset) => {
          const d = new Date(day * 86_400_000);
          const date = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
          const hh = ampm ? ((h + 11) % 12) + 1 : h;
          const time = `${word}${String(hh).padStart(2, "0")}${sep}${String(m).padStart(2, "0")}${ampm ? (h < 12 ? " AM" : " PM") : ""}`;
          const expected = d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
          return readDate(`${date} ${time}`, { offsetHours: offset }) === expected;
        },
      ),
    );
  });
});

describe("invisible characters, every one", () => {
  it("strips every Unicode format character (\\p{Cf}), not a hand list", () => {
    const format: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) if (/\p{Cf}/u.test(String.fromCharCode(c))) format.push(String.fromCharCode(c));
    format.push("\u{e0001}", "\u{e0041}");
    for (const ch of format) {
      expect(cleanCell(`Fajar${ch}Ramadhan`), ch.codePointAt(0)!.toString(16)).toBe("FajarRamadhan");
      expect(cleanCell(`99999999${ch}99999901`), ch.codePointAt(0)!.toString(16)).toBe("9999999999999901");
      expect(cleanCell(ch), ch.codePointAt(0)!.toString(16)).toBeNull();
    }
  });

  it("strips U+180E (Mongolian vowel separator) and the Hangul fillers", () => {
    for (const ch of ["\u180e", "\u115f", "\u1160", "\u3164", "\uffa0"]) expect(cleanCell(`P1706${ch}120101`), ch.charCodeAt(0).toString(16)).toBe("P1706120101");
  });
});
