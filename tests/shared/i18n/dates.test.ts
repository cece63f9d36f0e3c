import { describe, expect, it } from "vitest";
import { formatDate, formatMonth } from "../../../shared/i18n/dates";

describe("formatDate", () => {
  it("writes dates the Indonesian way", () => {
    expect(formatDate("2026-09-30")).toBe("30 September 2026");
    expect(formatDate("2026-08-01")).toBe("1 Agustus 2026");
    expect(formatDate("2026-05-17", "en")).toBe("17 May 2026");
  });
  it("names every month in both languages", () => {
    const id = Array.from({ length: 12 }, (_, m) => formatDate(`2026-${String(m + 1).padStart(2, "0")}-01`).split(" ")[1]);
    expect(id).toEqual(["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]);
    expect(formatDate("2024-02-29", "en")).toBe("29 February 2024");
  });
  it("leaves text that is no ISO date alone", () => {
    expect(formatDate("kemarin")).toBe("kemarin");
    expect(formatDate("2026-13-01")).toBe("2026-13-01");
  });
});

describe("formatMonth", () => {
  it("writes a date's month and year in the reader's language", () => {
    expect(formatMonth("2027-03-15")).toBe("Maret 2027");
    expect(formatMonth("2027-03-15", "en")).toBe("March 2027");
    expect(formatMonth("2026-08-31", "id")).toBe("Agustus 2026");
  });
  it("leaves text that is no ISO date alone", () => {
    expect(formatMonth("kemarin")).toBe("kemarin");
  });
});
