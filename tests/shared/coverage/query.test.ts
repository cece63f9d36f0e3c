import { describe, expect, it } from "vitest";
import { resolveQuery } from "../../../shared/coverage/query";
import { inRegion, unitOf } from "../../../shared/coverage/units";

describe("a coverage question", () => {
  it("defaults to today and to one level below its region", () => {
    expect(resolveQuery({}, "2026-11-23")).toEqual({ ok: true, query: { level: "province", region: null, as_of: "2026-11-23", jenis_tenaga: null } });
    expect(resolveQuery({ region: "17" }, "2026-11-23")).toMatchObject({ query: { level: "regency" } });
    expect(resolveQuery({ region: "1706" }, "2026-11-23")).toMatchObject({ query: { level: "kecamatan" } });
    expect(resolveQuery({ region: "170601" }, "2026-11-23")).toMatchObject({ query: { level: "facility" } });
    expect(resolveQuery({ region: "P1706010101" }, "2026-11-23")).toMatchObject({ query: { level: "facility" } });
  });

  it("may ask for the region's own level, not a coarser one", () => {
    expect(resolveQuery({ region: "1706", level: "regency" }, "2026-11-23").ok).toBe(true);
    const coarser = resolveQuery({ region: "1706", level: "province" }, "2026-11-23");
    expect(coarser).toMatchObject({ ok: false, message: { en: 'level "province" is coarser than region 1706 (regency): choose the same or a finer level' } });
  });

  it("refuses one row per facility or kecamatan for the whole country", () => {
    expect(resolveQuery({ level: "facility" }, "2026-11-23").ok).toBe(false);
    expect(resolveQuery({ level: "kecamatan" }, "2026-11-23").ok).toBe(false);
    expect(resolveQuery({ level: "regency" }, "2026-11-23").ok).toBe(true);
  });

  it("refuses an as_of outside 1990–2100", () => {
    expect(resolveQuery({ as_of: "9999-12-31" }, "2026-11-23")).toMatchObject({ ok: false, message: { en: "as_of 9999-12-31 is outside the years 1990–2100" } });
    expect(resolveQuery({ as_of: "1989-12-31" }, "2026-11-23").ok).toBe(false);
    expect(resolveQuery({ as_of: "2100-12-31" }, "2026-11-23").ok).toBe(true);
  });
});

describe("where a facility counts", () => {
  const rs = { kode: "1706012", kode_wilayah: "1706", kecamatan: null };
  const pkm = { kode: "P1706010101", kode_wilayah: "1706", kecamatan: "170601" };

  it("places it by its kecamatan, else its regency", () => {
    expect(unitOf("kecamatan", pkm)).toBe("170601");
    expect(unitOf("kecamatan", rs)).toBe("1706");
    expect(unitOf("province", rs)).toBe("17");
    expect(unitOf("national", rs)).toBe("ID");
  });

  it("finds it in a region by code prefix, or by its own code", () => {
    expect(inRegion("17", rs)).toBe(true);
    expect(inRegion("170601", rs)).toBe(false);
    expect(inRegion("170601", pkm)).toBe(true);
    expect(inRegion("1706012", rs)).toBe(true);
    expect(inRegion("1701", pkm)).toBe(false);
  });
});
