import { describe, expect, it } from "vitest";
import { addDays, addMonths, addYears } from "../../../shared/coverage/dates";
import { windowsFor } from "../../../shared/coverage/windows";

describe("coverage date arithmetic", () => {
  it("rolls a 29 February term end into 1 March, as SQLite's date(d, '+5 years') does", () => {
    expect(addYears("2020-02-29", 5)).toBe("2025-03-01");
    expect(addYears("2021-10-15", 5)).toBe("2026-10-15");
  });

  it("rolls a month end that the target month lacks into the next month, as SQLite does", () => {
    expect(addMonths("2026-08-31", 6)).toBe("2027-03-03");
    expect(addMonths("2026-11-01", 6)).toBe("2027-05-01");
  });

  it("counts 90 days across month and year ends", () => {
    expect(addDays("2026-11-01", 90)).toBe("2027-01-30");
    expect(addDays("2028-12-31", 1)).toBe("2029-01-01");
  });

  it("derives the SIP and penugasan windows from as_of", () => {
    expect(windowsFor("2026-11-01")).toEqual({
      asOf: "2026-11-01",
      sipExpiringUntil: "2027-01-30",
      penugasanEndingUntil: "2027-05-01",
    });
  });

  it("refuses a value that is not an ISO date", () => {
    expect(() => addDays("01/11/2026", 1)).toThrow(RangeError);
  });
});
