import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addDaysIso,
  addMonths,
  addMonthsIso,
  addYears,
  addYearsIso,
  dayNumber,
  firstStartNotEndedBy,
  fromDayNumber,
  fromIso,
  isoYear,
  toIso,
} from "../../../shared/normalize/calendar";

const p = (iso: string) => fromIso(iso);

describe("the calendar's year and month arithmetic", () => {
  it("ends a term from 29 February on 28 February of a common year (SPEC §5 penugasan.ended)", () => {
    expect(toIso(addYears(p("2020-02-29"), 5))).toBe("2025-02-28");
    expect(addYearsIso("2020-02-29", 5)).toBe("2025-02-28");
    expect(addYearsIso("2020-02-29", 4)).toBe("2024-02-29");
    expect(addYearsIso("2021-10-15", 5)).toBe("2026-10-15");
  });

  it("clamps a month end the target month lacks to its last day, never into the next month", () => {
    expect(addMonthsIso("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonthsIso("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonthsIso("2026-10-31", 1)).toBe("2026-11-30");
    expect(addMonthsIso("2026-11-01", 6)).toBe("2027-05-01");
    expect(addMonthsIso("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonthsIso("2026-01-15", -13)).toBe("2024-12-15");
  });

  it("counts days across month, year and leap-day ends", () => {
    expect(addDaysIso("2026-11-01", 90)).toBe("2027-01-30");
    expect(addDaysIso("2028-12-31", 1)).toBe("2029-01-01");
    expect(addDaysIso("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDaysIso("2100-02-28", 1)).toBe("2100-03-01");
  });

  it("refuses ISO text that is no date", () => {
    expect(() => addDaysIso("01/11/2026", 1)).toThrow(RangeError);
    expect(() => addYearsIso("2026-02-30", 1)).toThrow(RangeError);
    expect(() => isoYear("2026")).toThrow(RangeError);
    expect(isoYear("2026-11-01")).toBe(2026);
  });

  it("agrees with Date.UTC on day arithmetic for any day of 1900–2200", () => {
    const base = dayNumber(p("1900-01-01"));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 110_000 }), fc.integer({ min: -400, max: 400 }), (offset, days) => {
        const day = fromDayNumber(base + offset);
        const viaDate = new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, (day % 100) + days));
        expect(toIso(addDays(day, days))).toBe(viaDate.toISOString().slice(0, 10));
      }),
    );
  });

  it("moves a date by months without ever leaving the target month", () => {
    const base = dayNumber(p("1950-01-01"));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -600, max: 600 }), (offset, months) => {
        const day = fromDayNumber(base + offset);
        const moved = addMonths(day, months);
        const monthIndex = (x: number) => Math.floor(x / 10000) * 12 + (Math.floor(x / 100) % 100) - 1;
        expect(monthIndex(moved)).toBe(monthIndex(day) + months);
        expect(moved % 100).toBeLessThanOrEqual(day % 100);
      }),
    );
  });
});

describe("the first start date whose term has not ended by a day", () => {
  it("puts 29 February 2020 among the terms ended by 1 March 2025, and not by 28 February 2025", () => {
    const firstOnMarch1 = firstStartNotEndedBy(p("2025-03-01"), 5);
    expect(toIso(firstOnMarch1)).toBe("2020-03-01");
    expect(p("2020-02-29") < firstOnMarch1).toBe(true);
    const firstOnFeb28 = firstStartNotEndedBy(p("2025-02-28"), 5);
    expect(toIso(firstOnFeb28)).toBe("2020-02-28");
    expect(p("2020-02-29") >= firstOnFeb28).toBe(true);
  });

  it("skips the start whose clamped end falls the day before a leap day", () => {
    // 28 February 2019 + 5 years is 28 February 2024, before 29 February 2024.
    expect(toIso(firstStartNotEndedBy(p("2024-02-29"), 5))).toBe("2019-03-01");
  });

  it("is exactly the least start whose term end (start + years) is on or after the day", () => {
    const base = dayNumber(p("1990-01-01"));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 1, max: 10 }), (offset, years) => {
        const day = fromDayNumber(base + offset);
        const first = firstStartNotEndedBy(day, years);
        expect(addYears(first, years)).toBeGreaterThanOrEqual(day);
        expect(addYears(addDays(first, -1), years)).toBeLessThan(day);
      }),
    );
  });
});
