import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issueSchema } from "../../../shared/schema/issue";
import { nakesColumns, pelatihanColumns, fasyankesColumns, pendudukColumns } from "../../../shared/table/columns";
import { validateFacilities, validatePopulation } from "../../../shared/validate/masters";
import { validateRoster } from "../../../shared/validate/roster";

const cell = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom("", " ", "SEUMUR HIDUP", "31/02/2026", "1 Nov 2026", "2026-11-01", "1706015203850001", "3.60101E+15", "Dokter Umum", "PNS", "P1706010101", "\u0000", "L", "P"),
);

/** Column lists mixing canonical keys, aliases, repeats and nonsense. */
const columnsOf = (defs: readonly { key: string; header: string; aliases: readonly string[] }[]) =>
  fc.array(fc.oneof(fc.constantFrom(...defs.flatMap((d) => [d.key, d.header, ...d.aliases])), fc.string({ maxLength: 12 })), { maxLength: 20 });

const tableOf = (defs: Parameters<typeof columnsOf>[0]) =>
  fc.record({ columns: columnsOf(defs), rows: fc.array(fc.array(cell, { maxLength: 22 }), { maxLength: 12 }) });

/**
 * Every issue points at a submitted row (or null for the table) and at a column the table has, by key
 * or header; row.skipped names whole rows (column null).
 */
function pointsAtRealCells(issues: unknown[], tables: Record<string, { columns: string[]; rows: unknown[][] }>, keys: Record<string, readonly string[]>) {
  for (const raw of issues) {
    const issue = issueSchema.parse(raw);
    const table = tables[issue.table]!;
    expect(table).toBeDefined();
    if (issue.row !== null) {
      expect(issue.row).toBeLessThan(table.rows.length);
      if (issue.code !== "row.skipped") expect(issue.column).not.toBeNull();
    }
    if (issue.column !== null) {
      const known = keys[issue.table]!.includes(issue.column) || table.columns.some((c) => c.trim() === issue.column);
      expect(known).toBe(true);
    }
    for (const rel of issue.related ?? []) {
      if (rel.row !== null) expect(rel.row).toBeLessThan(table.rows.length);
    }
  }
}

describe("the validator on arbitrary tables", () => {
  it("never throws, and every issue points at a real row and a real column", () => {
    fc.assert(
      fc.property(tableOf(nakesColumns), fc.option(tableOf(pelatihanColumns), { nil: undefined }), fc.constantFrom("id", "en") as fc.Arbitrary<"id" | "en">, (nakes, pelatihan, lang) => {
        const req = pelatihan ? { as_of: "2026-11-01", nakes, pelatihan } : { as_of: "2026-11-01", nakes };
        const r = validateRoster(req, { asOf: "2026-11-01", lang, storedNiks: new Set(), storedFacilitiesByNik: new Map(), scope: "17" });
        pointsAtRealCells(r.issues, { nakes, pelatihan: pelatihan ?? { columns: [], rows: [] } }, {
          nakes: nakesColumns.map((c) => c.key),
          pelatihan: pelatihanColumns.map((c) => c.key),
        });
        expect(r.ok).toBe(r.counts.error === 0);
        for (const rec of r.nakes) expect(r.issues.some((i) => i.row === rec.row && i.table === "nakes" && i.severity === "error")).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on rows of the right width filled with plausible and implausible values", () => {
    const keys = nakesColumns.map((c) => c.key);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: keys.length, maxLength: keys.length }), { maxLength: 30 }), (rows) => {
        const r = validateRoster({ nakes: { columns: keys, rows } }, { asOf: "2026-11-01" });
        pointsAtRealCells(r.issues, { nakes: { columns: keys, rows } }, { nakes: keys });
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on facility and population tables", () => {
    fc.assert(
      fc.property(tableOf(fasyankesColumns), tableOf(pendudukColumns), (f, p) => {
        const rf = validateFacilities(f, { scope: "17" });
        pointsAtRealCells(rf.issues, { fasyankes: f }, { fasyankes: fasyankesColumns.map((c) => c.key) });
        const rp = validatePopulation(p);
        pointsAtRealCells(rp.issues, { penduduk: p }, { penduduk: pendudukColumns.map((c) => c.key) });
      }),
      { numRuns: 200 },
    );
  });

  it("survives a request whose parts are missing or of the wrong shape", () => {
    for (const req of [{}, { nakes: null }, { nakes: { columns: "x", rows: 5 } }, { nakes: { columns: [], rows: [null, 5, "x"] } }]) {
      const r = validateRoster(req as never, { asOf: "2026-11-01" });
      expect(r.ok).toBe(false);
    }
  });
});
