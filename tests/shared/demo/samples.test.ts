import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demoFacilityFacts, mukomukoFacilities } from "../../../shared/demo/facilities";
import { generateRoster } from "../../../shared/demo/roster";
import { buildSamples, errorSample, SAMPLE_AS_OF } from "../../../shared/demo/samples";
import { csvTable } from "../../../shared/table/csv";
import { validateRoster } from "../../../shared/validate/roster";

const sample = (name: string) => readFileSync(fileURLToPath(new URL(`../../../samples/${name}`, import.meta.url)), "utf8");
const ctx = { asOf: SAMPLE_AS_OF, facilities: demoFacilityFacts(), scope: "1706", storedNiks: new Set<string>() };

describe("the samples", () => {
  it("are what scripts/make-samples.ts writes today", () => {
    for (const [name, content] of Object.entries(buildSamples())) expect(sample(name), name).toBe(content);
  });

  it("hold a Mukomuko roster of 600 people without a single error", () => {
    const req = JSON.parse(sample("roster-mukomuko.json"));
    const r = validateRoster(req, ctx);
    expect(r.counts.error).toBe(0);
    expect(r.nakes).toHaveLength(600);
    expect(r.pelatihan).toHaveLength(req.pelatihan.rows.length);
    // messy: aliases were noted, never silently mapped
    expect(r.issues.some((i) => i.code === "jenis_tenaga.normalized")).toBe(true);
  });

  it("hold it as an office keeps it: header hints, placeholders, a totals row and a signature block, all read right", () => {
    const req = JSON.parse(sample("roster-mukomuko.json"));
    expect(req.nakes.columns).toEqual(expect.arrayContaining(["NIK (16 digit)*", "Jenis Kelamin (L/P)*", "Ket", "TMT"]));
    const cells: unknown[] = req.nakes.rows.flat();
    expect(cells).toEqual(expect.arrayContaining(["-", "Belum ada", "JUMLAH", "Mengetahui,"]));
    const r = validateRoster(req, ctx);
    expect(r.issues.filter((i) => i.code.startsWith("header."))).toEqual([]);
    // The blank row, the totals row and the signature block below the 600 people: one run.
    expect(r.issues.filter((i) => i.code === "row.skipped").map((i) => [i.row, i.related?.length])).toEqual([[600, 7]]);
    expect(sample("roster-mukomuko.csv").split("\r\n")[0]).toMatch(/^\ufeffDATA TENAGA KESEHATAN/);
  });

  it("keep the people and records of the plain generator (so coverage figures stay those of the README)", () => {
    const plain = generateRoster({ rows: 600, seed: 1706, asOf: SAMPLE_AS_OF, facilities: mukomukoFacilities, messy: true });
    expect(validateRoster(JSON.parse(sample("roster-mukomuko.json")), ctx).nakes).toEqual(validateRoster(plain, ctx).nakes);
  });

  it("hold the same Nakes table as a CSV that reads to the same records", () => {
    const fromJson = validateRoster(JSON.parse(sample("roster-mukomuko.json")), ctx);
    const fromCsv = validateRoster({ nakes: csvTable(sample("roster-mukomuko.csv")) }, ctx);
    expect(fromCsv.counts.error).toBe(0);
    expect(fromCsv.nakes).toEqual(fromJson.nakes);
  });

  it("hold a roster whose deliberate mistakes are each found, and nothing else is an error", () => {
    const { request, mistakes } = errorSample();
    expect(JSON.parse(sample("roster-with-errors.json"))).toEqual(request);
    const r = validateRoster(request, { asOf: SAMPLE_AS_OF });
    expect(new Set(mistakes.map((m) => m.code)).size).toBeGreaterThanOrEqual(12);
    for (const m of mistakes) {
      expect(r.issues.some((i) => i.code === m.code && i.table === m.table && (i.row === m.row || m.code === "nik.duplicate")), m.code).toBe(true);
    }
    const expected = new Set(mistakes.map((m) => m.code));
    expect(r.issues.filter((i) => i.severity === "error" && !expected.has(i.code))).toEqual([]);
  });
});

describe("generateRoster", () => {
  it("gives the same roster for the same seed and another for another seed", () => {
    const a = generateRoster({ rows: 50, seed: 7, facilities: mukomukoFacilities });
    expect(generateRoster({ rows: 50, seed: 7, facilities: mukomukoFacilities })).toEqual(a);
    expect(generateRoster({ rows: 50, seed: 8, facilities: mukomukoFacilities })).not.toEqual(a);
  });

  it("makes clean rosters that validate without any finding but SIP reminders", () => {
    const r = validateRoster(generateRoster({ rows: 2000, seed: 3, asOf: "2026-11-01" }), { asOf: "2026-11-01", facilities: demoFacilityFacts(), storedNiks: new Set() });
    expect(r.issues.filter((i) => i.code !== "sip.expiring")).toEqual([]);
    expect(r.nakes).toHaveLength(2000);
  });

  it("writes NIKs whose date digits match the person, +40 for women", () => {
    const r = validateRoster(generateRoster({ rows: 300, seed: 11 }), { asOf: "2026-11-01" });
    for (const rec of r.nakes) {
      const dd = Number(rec.nik.slice(6, 8));
      expect(dd > 40 ? "P" : "L").toBe(rec.jenis_kelamin);
      expect(String(dd > 40 ? dd - 40 : dd).padStart(2, "0")).toBe(rec.tanggal_lahir.slice(8, 10));
      if (rec.nip) expect(rec.nip.slice(0, 8)).toBe(rec.tanggal_lahir.replace(/-/g, ""));
    }
  });

  it("uses many date forms, aliases and spaced NIKs when messy", () => {
    const req = generateRoster({ rows: 400, seed: 5, messy: true });
    const dates = req.nakes.rows.map((r) => r[4]);
    expect(dates.some((d) => typeof d === "number")).toBe(true);
    expect(dates.some((d) => typeof d === "string" && /^\d{2}\/\d{2}\/\d{4}$/.test(d))).toBe(true);
    expect(dates.some((d) => typeof d === "string" && /[a-z]/i.test(d))).toBe(true);
    expect(req.nakes.rows.some((r) => typeof r[0] === "string" && /[ .]/.test(r[0]))).toBe(true);
    expect(validateRoster(req, { asOf: "2026-11-01" }).counts.error).toBe(0);
  });
});
