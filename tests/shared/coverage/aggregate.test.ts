import { describe, expect, it } from "vitest";
import { aggregateRoster } from "./oracle/aggregate";
import { rosterRows } from "./fixture";

const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("per-facility aggregates of a roster", () => {
  it("counts persons per jenis and keeps dated facts as counts per date", () => {
    const { nakes, pelatihan } = rosterRows(["P1706010101"], { strMissing: true });
    const agg = aggregateRoster(nakes, pelatihan).get("P1706010101")!;
    expect(agg.staff.find((c) => c.jenis === "PERAWAT")?.n).toBe(3);
    expect(agg.staff.reduce((s, c) => s + c.n, 0)).toBe(13);
    expect(agg.strMissing).toEqual([{ jenis: "PERAWAT", n: 1 }]);
    expect(sorted(agg.sipUntil.filter((b) => b.jenis === "BIDAN"))).toEqual(
      sorted([
        { jenis: "BIDAN", date: "2026-11-01", n: 1 },
        { jenis: "BIDAN", date: "2027-01-30", n: 1 },
      ]),
    );
    expect(agg.penugasanEnds).toEqual([{ jenis: "PERAWAT", date: "2026-10-15", n: 1 }]);
  });

  it("does not count STR missing for non-health staff, who need none", () => {
    const { nakes } = rosterRows(["1706012"]);
    const agg = aggregateRoster(nakes, []).get("1706012")!;
    expect(agg.strMissing).toEqual([]);
  });

  it("counts a person once per facility and jenis even when the row comes twice", () => {
    const { nakes } = rosterRows(["P1701010101"]);
    const twice = [...nakes, { ...nakes[0]!, row: nakes.length }];
    const agg = aggregateRoster(twice, []).get("P1701010101")!;
    expect(agg.staff.find((c) => c.jenis === nakes[0]!.jenis_tenaga)?.n).toBe(1);
  });

  it("counts a person with two courses of one training once for it", () => {
    const { nakes, pelatihan } = rosterRows(["P1706010102"]);
    const again = [...pelatihan, { ...pelatihan[0]!, row: pelatihan.length, tahun: 2025 }];
    const agg = aggregateRoster(nakes, again).get("P1706010102")!;
    expect(sorted(agg.training)).toEqual(
      sorted([
        { jenis: "DOKTER", kode: "PONED", n: 1 },
        { jenis: "BIDAN", kode: "PONED", n: 1 },
        { jenis: "PERAWAT", kode: "PONED", n: 2 },
      ]),
    );
  });
});
