import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { jenisTenagaSchema } from "../../../shared/reference/codes";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import { pmk75 } from "./fixture";

const migration = readFileSync(fileURLToPath(new URL("../../../worker/migrations/0050_coverage.sql", import.meta.url)), "utf8");

describe("the seeded staffing standard", () => {
  it("holds exactly the 66 rows of Permenkes 75/2014 as the active set PMK75_2014", () => {
    const seeded = [...migration.matchAll(/\('PMK75_2014', '(\w+)', ([01]), '(\w+)', (\d+)\)/g)].map((m) => ({
      kategori: m[1],
      rawat_inap: m[2] === "1",
      jenis: m[3],
      minimum: Number(m[4]),
    }));
    const key = (r: { kategori?: string; rawat_inap: boolean; jenis?: string }) => `${r.kategori}|${r.rawat_inap}|${r.jenis}`;
    expect(seeded.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(pmk75().sort((a, b) => key(a).localeCompare(key(b))));
    expect(migration).toMatch(/VALUES\s+\('PMK75_2014', 1,/);
  });

  it("is the set shared/reference ships, so GET /v1/reference and the database start equal", () => {
    const key = (r: { kategori: string; rawat_inap: boolean; jenis: string }) => `${r.kategori}|${r.rawat_inap}|${r.jenis}`;
    expect([...PMK75_2014.rules].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(pmk75().sort((a, b) => key(a).localeCompare(key(b))));
  });
});

describe("the per-profession count columns", () => {
  it("are exactly the professions of the reference, in coverage_version and coverage_pelatihan", () => {
    for (const table of ["coverage_version", "coverage_pelatihan"]) {
      const body = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\)`).exec(migration)?.[1] ?? "";
      const columns = [...body.matchAll(/^\s+t_(\w+) INTEGER/gm)].map((m) => m[1]);
      expect(columns).toEqual(jenisTenagaSchema.options);
    }
  });
});
