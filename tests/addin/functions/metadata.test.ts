// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EN_US } from "../../../addin/functions/en-us";
import { EXPECTED_FILES, generateMetadata, localise, toJson, type Metadata } from "../../../addin/functions/metadata";
import { FUNCTIONS } from "../../../addin/functions/register";

const expected = (file: string) => readFileSync(file, "utf8");

describe("custom functions metadata", () => {
  it("is generated from the JSDoc of functions.ts exactly as checked in", async () => {
    const generated = await generateMetadata();
    expect(toJson(generated)).toBe(expected(EXPECTED_FILES.id));
    expect(toJson(localise(generated))).toBe(expected(EXPECTED_FILES.en));
  });

  it("names every associated function, with Indonesian names by default and English ones for en-US", () => {
    const id = JSON.parse(expected(EXPECTED_FILES.id)) as Metadata;
    const en = JSON.parse(expected(EXPECTED_FILES.en)) as Metadata;
    expect(id.functions.map((f) => f.id)).toEqual(Object.keys(FUNCTIONS));
    expect(id.functions.map((f) => f.name)).toEqual(["CAKUPAN", "GAP", "TABEL", "TINDAKLANJUT", "PENEMPATAN"]);
    expect(en.functions.map((f) => f.name)).toEqual(["COVERAGE", "GAP", "TABLE", "FOLLOWUP", "PLACEMENT"]);
    expect(en.functions.map((f) => f.id)).toEqual(id.functions.map((f) => f.id));
    for (const spilled of ["TABEL", "TINDAKLANJUT", "PENEMPATAN"]) expect(id.functions.find((f) => f.id === spilled)?.result).toEqual({ dimensionality: "matrix" });
    for (const f of id.functions) {
      expect(f.parameters.map((p) => p.name)).toEqual(Object.keys(EN_US[f.id]!.parameters));
      // Excel passes omitted optional arguments as null: the code must take as many as declared.
      expect(FUNCTIONS[f.id as keyof typeof FUNCTIONS].length).toBe(f.parameters.length);
    }
  });

  it("refuses to write an en-US file with a text missing", () => {
    const id = JSON.parse(expected(EXPECTED_FILES.id)) as Metadata;
    expect(() => localise(id, { ...EN_US, GAP: { ...EN_US.GAP!, parameters: {} } })).toThrow(/GAP\(wilayah\)/);
  });
});
