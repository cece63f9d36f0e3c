import { describe, expect, it } from "vitest";
import { parseDate, parseIndicator, parseLevel, parseRegion, parseStandardJenis } from "../../../addin/functions/args";
import { FunctionError } from "../../../addin/functions/errors";

const rejects = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e instanceof FunctionError && e.kind === "invalidValue";
  }
  return false;
};

describe("arguments of the functions", () => {
  it("reads a region typed as text or turned into a number by Excel", () => {
    expect(parseRegion("1706")).toBe("1706");
    expect(parseRegion(17)).toBe("17");
    expect(parseRegion(" 170601 ")).toBe("170601");
    for (const bad of ["Mukomuko", "170", 17.5, -17, null, true]) expect(rejects(() => parseRegion(bad)), String(bad)).toBe(true);
  });

  it("reads dates from Excel date cells, ISO text and day-first text, blank meaning today", () => {
    expect(parseDate(46327)).toBe("2026-11-01");
    expect(parseDate(45658)).toBe("2025-01-01");
    expect(parseDate("2026-11-01")).toBe("2026-11-01");
    expect(parseDate("1/11/2026")).toBe("2026-11-01");
    expect(parseDate("1 November 2026")).toBe("2026-11-01");
    expect(parseDate(" 01-11-2026 ")).toBe("2026-11-01");
    expect(parseDate(null)).toBeUndefined();
    expect(parseDate("")).toBeUndefined();
    // 2026 alone is a year typed into a date cell, not 18 July 1905 (as the roster's date reader says too).
    for (const bad of ["31/02/2026", "kemarin", 1.5, 0, 2026, "01/11/26"]) expect(rejects(() => parseDate(bad)), String(bad)).toBe(true);
  });

  it("accepts levels in Indonesian or English and refuses one coarser than the region", () => {
    expect(parseLevel("Kabupaten", "17")).toBe("regency");
    expect(parseLevel("facility", "1706")).toBe("facility");
    expect(parseLevel(null, "1706")).toBeUndefined();
    expect(rejects(() => parseLevel("provinsi", "1706"))).toBe(true);
    expect(rejects(() => parseLevel("benua", "17"))).toBe(true);
  });

  it("finds indicators whatever their case, counting APOTEKER and TTK as KEFARMASIAN for standard figures", () => {
    expect(parseIndicator("Puskesmas_Tanpa_Dokter", null)).toBe("puskesmas_tanpa_dokter");
    expect(parseIndicator("kekurangan", "bidan")).toBe("kekurangan.BIDAN");
    expect(parseIndicator("tenaga", "APOTEKER")).toBe("tenaga.APOTEKER");
    expect(parseIndicator("kekurangan", "APOTEKER")).toBe("kekurangan.KEFARMASIAN");
    expect(parseStandardJenis("ttk")).toBe("KEFARMASIAN");
    expect(rejects(() => parseIndicator("kekurangan", "ASTRONOT"))).toBe(true);
    expect(rejects(() => parseIndicator("jumlah_pasien", null))).toBe(true);
  });
});
