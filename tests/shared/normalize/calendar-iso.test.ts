import { describe, expect, it } from "vitest";
import { addDaysIso, addMonthsIso, addYearsIso } from "../../../shared/normalize/calendar";
import { windowsFor } from "../../../shared/coverage/windows";

describe("coverage date arithmetic (the shared calendar's)", () => {
  it("ends a term from 29 February on 28 February, as the validator does (SPEC §5)", () => {
    expect(addYearsIso("2020-02-29", 5)).toBe("2025-02-28");
    expect(addYearsIso("2021-10-15", 5)).toBe("2026-10-15");
  });

  it("clamps a month end that the target month lacks to its last day", () => {
    expect(addMonthsIso("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonthsIso("2026-11-01", 6)).toBe("2027-05-01");
  });

  it("counts 90 days across month and year ends", () => {
    expect(addDaysIso("2026-11-01", 90)).toBe("2027-01-30");
    expect(addDaysIso("2028-12-31", 1)).toBe("2029-01-01");
  });

  it("derives the SIP and penugasan windows from as_of", () => {
    expect(windowsFor("2026-11-01")).toEqual({
      asOf: "2026-11-01",
      sipExpiringUntil: "2027-01-30",
      penugasanEndingUntil: "2027-05-01",
      penugasanActiveFrom: "2021-11-01",
      penugasanLaterFrom: "2022-05-02",
    });
  });

  it("counts a TMT of 29 February 2020 as ended on 1 March 2025 and as running, ending soon, on 28 February", () => {
    const march = windowsFor("2025-03-01");
    expect("2020-02-29" < march.penugasanActiveFrom).toBe(true);
    const feb = windowsFor("2025-02-28");
    expect("2020-02-29" >= feb.penugasanActiveFrom && "2020-02-29" < feb.penugasanLaterFrom).toBe(true);
  });

  it("refuses a value that is not an ISO date", () => {
    expect(() => addDaysIso("01/11/2026", 1)).toThrow(RangeError);
    expect(() => windowsFor("2026-13-01")).toThrow(RangeError);
  });
});
