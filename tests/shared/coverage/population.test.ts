import { describe, expect, it } from "vitest";
import { populationByCode, populationLookup, populationResolver, regionTree, regionTreeByLevel, type PopulationRow } from "../../../shared/coverage/population";
import { NATIONAL } from "../../../shared/coverage/units";

/** Two provinces; 17 without a figure of its own, 1706 neither (its kecamatan have them), 3501's kecamatan partly. */
const PLACED = [
  { kode_wilayah: "1701", kecamatan: "170101" },
  { kode_wilayah: "1701", kecamatan: null },
  { kode_wilayah: "1706", kecamatan: "170601" },
  { kode_wilayah: "1706", kecamatan: "170602" },
  { kode_wilayah: "3501", kecamatan: "350101" },
  { kode_wilayah: "3501", kecamatan: "350102" },
  { kode_wilayah: "1701", kecamatan: "170102" },
];
const POPULATION: PopulationRow[] = [
  { kode_wilayah: "1701", tahun: 2024, jumlah: 90_000 },
  { kode_wilayah: "1701", tahun: 2025, jumlah: 100_000 },
  { kode_wilayah: "170601", tahun: 2025, jumlah: 20_000 },
  { kode_wilayah: "170602", tahun: 2027, jumlah: 31_000 },
  { kode_wilayah: "170602", tahun: 2028, jumlah: 32_000 },
  { kode_wilayah: "35", tahun: 2025, jumlah: 40_000_000 },
  { kode_wilayah: "350101", tahun: 2025, jumlah: 50_000 },
];
const CODES = [NATIONAL, "17", "35", "1701", "1706", "3501", "170101", "170601", "170602", "350101", "350102", "99"];

describe("population looked up as it is asked", () => {
  it("answers every code as the whole map and tree do: own figures, sums of sub-regions, unknowns", () => {
    const whole = populationResolver(populationByCode(POPULATION, 2026), regionTree(PLACED));
    const lazy = populationResolver(populationLookup(POPULATION, 2026), regionTreeByLevel(() => PLACED));
    expect(CODES.map(lazy)).toEqual(CODES.map(whole));
    // The cases the fixture is built for, so the comparison above compares something.
    expect([whole("17"), whole("1706"), whole("3501"), whole(NATIONAL)]).toEqual([151_000, 51_000, null, 40_151_000]);
  });

  it("reads the facility master only when a region without a figure of its own is asked", () => {
    let read = 0;
    const lazy = populationResolver(populationLookup(POPULATION, 2026), regionTreeByLevel(() => (read++, PLACED)));
    expect([lazy("1701"), read]).toEqual([100_000, 0]);
    expect([lazy("17"), read]).toEqual([151_000, 1]);
  });
});
