import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanCell, cellText, isPlaceholder } from "../../../shared/normalize/cell";
import { DATE_EMPTY, DATE1904_OFFSET, from1904Serial, readDate, toExcelSerial } from "../../../shared/normalize/dates";
import { fromIso } from "../../../shared/normalize/calendar";
import { ID_PRECISION_LOST, isThousandsGrouped, oddCharacter, readId, strDigitsLost } from "../../../shared/normalize/ids";

/** SPEC §3.1 "Values as real office sheets hold them", the kinds the cell normaliser and the ID reader handle. */

const PLACEHOLDERS = ["-", "–", "—", ".", "0", "tidak ada", "belum ada", "belum", "N/A", "NA", "nihil", "kosong"];

/** A placeholder as people type it: any case, spaces around. */
export const placeholder = fc
  .tuple(fc.constantFrom(...PLACEHOLDERS), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), fc.constantFrom("", " ", "\u00a0", "\t"), fc.constantFrom("", " ", "\u200b"))
  .map(([p, upper, before, after]) => before + [...p].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join("") + after);

describe("the cell normaliser", () => {
  it("reads every placeholder, in any case and with spaces around, as empty", () => {
    fc.assert(fc.property(placeholder, (p) => cleanCell(p) === null && cellText(p) === null));
  });

  it("keeps values that only begin like a placeholder", () => {
    for (const v of ["-5", "Nadia", "Belum lulus", "0.5", "N/A/2", "TU", "Kosongan"]) expect(cleanCell(v)).toBe(v);
    expect(isPlaceholder("Belum lulus")).toBe(false);
  });

  it("strips invisible characters and reads NBSP as a space", () => {
    expect(cleanCell("1706061509930001\u200b")).toBe("1706061509930001");
    expect(cleanCell("\u20281706061509930005")).toBe("1706061509930005");
    expect(cleanCell("Fajar\u200b Ramadhan")).toBe("Fajar Ramadhan");
    expect(cleanCell("\ufeffSiti\u00a0Aminah\u2060")).toBe("Siti Aminah");
    expect(cleanCell("1706\u00a00615\u00a00993\u00a00003")).toBe("1706 0615 0993 0003");
  });

  it("unwraps Excel's =\"…\" text trick", () => {
    expect(cleanCell('="1706061509930001"')).toBe("1706061509930001");
    expect(cleanCell(' ="0812" ')).toBe("0812");
  });

  it("leaves numbers, booleans and ordinary text untouched, without copying", () => {
    const s = "Puskesmas Kota";
    expect(cleanCell(s)).toBe(s);
    expect(cleanCell(0)).toBe(0);
    expect(cleanCell(12.5)).toBe(12.5);
    expect(cleanCell(Number.NaN)).toBe(null);
    expect(cleanCell(true)).toBe(true);
  });
});

/** A 16-digit NIK, first digit not 0. */
const nik16 = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 })).map(([a, rest]) => `${a}${rest.join("")}`);

/** How Excel shows a 16-digit number: 15 significant digits kept, the 16th zeroed. */
const shown = (id: string) => String(Number(id.slice(0, 15)) * 10);

function groupsOfThree(digits: string, sep: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(sep);
}

/** Every dress of a number cell's NIK: the number, scientific notation with . or , and thousands groups. */
const lostDress = fc.oneof(
  nik16.map((id) => Number(id) as string | number),
  fc.tuple(nik16, fc.integer({ min: 0, max: 14 }), fc.constantFrom(".", ","), fc.constantFrom("E+15", "E15", "e+15")).map(([id, decimals, mark, exp]) => {
    const mantissa = decimals === 0 ? id[0]! : `${id[0]}${mark}${id.slice(1, 1 + decimals)}`;
    return mantissa + exp;
  }),
  fc.tuple(nik16, fc.constantFrom(".", ",", " ", "\u00a0")).map(([id, sep]) => groupsOfThree(shown(id), sep)),
);

describe("digits already lost (property)", () => {
  it("any 16-digit NIK written as a number cell in any of its displayed forms is precision lost", () => {
    fc.assert(fc.property(lostDress, (v) => readId(v, 16) === ID_PRECISION_LOST));
  });

  it("a typed 4-4-4-4 grouping (spaces, dots or NBSP) stays a valid NIK", () => {
    fc.assert(
      fc.property(nik16, fc.constantFrom(" ", ".", "\u00a0", "  "), (id, sep) => readId([id.slice(0, 4), id.slice(4, 8), id.slice(8, 12), id.slice(12)].join(sep), 16) === id),
    );
  });

  it("the same for an 18-digit NIP: groups of three from the right are lost, the usual 8-6-1-3 grouping is not", () => {
    expect(readId("199.007.052.015.032.000", 18)).toBe(ID_PRECISION_LOST);
    expect(readId("199 007 052 015 032 000", 18)).toBe(ID_PRECISION_LOST);
    expect(readId("1,99007E+17", 18)).toBe(ID_PRECISION_LOST);
    expect(readId("19900705 201503 2 001", 18)).toBe("199007052015032001");
  });

  it("knows thousands groups only where every group after the first has three digits", () => {
    expect(isThousandsGrouped("1.706.061.509.930.000")).toBe(true);
    expect(isThousandsGrouped("1706 0615 0993 0001")).toBe(false);
    expect(isThousandsGrouped("1.706,061.509")).toBe(false);
    expect(isThousandsGrouped("17.06")).toBe(false);
  });

  it("an STR number held as a number of 15 or more digits has lost digits; shorter numbers and text have not", () => {
    expect(strDigitsLost(1234567890123456)).toBe(true);
    expect(strDigitsLost("1,23457E+15")).toBe(true);
    expect(strDigitsLost("1.234.567.890.123.450")).toBe(true);
    expect(strDigitsLost(12345)).toBe(false);
    expect(strDigitsLost("1234567890123456")).toBe(false);
    expect(strDigitsLost("QA00000123456789")).toBe(false);
  });

  it("names the first character that is no digit, and whether it is a full-width digit", () => {
    expect(oddCharacter("\uff11706061509930002")).toEqual({ position: 1, char: "\uff11", fullWidth: true });
    expect(oddCharacter("17060615O9930002")).toEqual({ position: 9, char: "O", fullWidth: false });
    expect(oddCharacter("1706 0615")).toBe(null);
  });
});

describe("dates of real sheets", () => {
  it("read an instant with a zone as the date where the facility is", () => {
    expect(readDate("2026-10-31T17:00:00.000Z", { offsetHours: 7 })).toBe(20261101);
    expect(readDate("2026-10-31T17:00:00Z", { offsetHours: 7 })).toBe(20261101);
    expect(readDate("2026-10-31T16:59:59Z", { offsetHours: 7 })).toBe(20261031);
    expect(readDate("2026-10-31T16:00:00Z", { offsetHours: 8 })).toBe(20261101);
    expect(readDate("2026-11-01T00:00:00+07:00", { offsetHours: 9 })).toBe(20261101);
    expect(readDate("2026-11-01T00:30:00+09:00", { offsetHours: 7 })).toBe(20261031);
  });

  it("ignore a time without a zone", () => {
    expect(readDate("01/11/2026 00:00", { offsetHours: 7 })).toBe(20261101);
    expect(readDate("2026-11-01T23:59:00", { offsetHours: 9 })).toBe(20261101);
  });

  it("any instant maps to the date the add-in would show in the facility's zone (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1930, 0, 1), max: Date.UTC(2090, 11, 31) }), fc.constantFrom(7, 8, 9), (ms, offset) => {
        // What a sheet in that zone shows: the wall clock there, read off a Date shifted by the offset.
        const local = new Date(ms + offset * 3_600_000);
        const expected = local.getUTCFullYear() * 10000 + (local.getUTCMonth() + 1) * 100 + local.getUTCDate();
        const sign = offset >= 0 ? "+" : "-";
        const asOffset = `${local.toISOString().slice(0, 19)}${sign}0${offset}:00`;
        return readDate(new Date(ms).toISOString(), { offsetHours: offset }) === expected && readDate(asOffset, { offsetHours: offset }) === expected;
      }),
    );
  });

  it("convert a 1904-system serial to the 1900 system's", () => {
    // Born 15 September 1993, as a 1904 workbook holds it (j5).
    expect(readDate(from1904Serial(32765))).toBe(fromIso("1993-09-15"));
    expect(toExcelSerial(fromIso("2029-05-01")) - DATE1904_OFFSET).toBe(45777);
  });

  it("read a placeholder in a date column as empty", () => {
    expect(readDate("-")).toBe(DATE_EMPTY);
    expect(readDate(" Belum ada ")).toBe(DATE_EMPTY);
  });
});
