import { describe, expect, it, vi } from "vitest";

/**
 * Attack findings 4 and 5 (issue 10): header matching never works on more than a bounded prefix of a
 * cell, and never on more columns than a table may have. The work is counted, not timed: every
 * character folded for a comparison passes through shared/table/fold.ts, which is wrapped here.
 */
const folded = vi.hoisted(() => ({ chars: 0, longest: 0 }));
vi.mock("../../../shared/table/fold", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../shared/table/fold")>();
  return {
    fold: (text: string) => {
      folded.chars += text.length;
      folded.longest = Math.max(folded.longest, text.length);
      return real.fold(text);
    },
  };
});

const { csvTable } = await import("../../../shared/table/csv");
const { matchHeaders, keyOfHeader, MAX_HEADER_CHARS } = await import("../../../shared/table/headers");
const { MAX_COLUMNS } = await import("../../../shared/schema/cell");
const { validateRoster } = await import("../../../shared/validate/roster");

const reset = () => {
  folded.chars = 0;
  folded.longest = 0;
};

describe("header matching looks at a bounded prefix of a cell", () => {
  it("folds no more characters for a 3 MB unclosed cell under the header than for a 3 KB one", () => {
    const work = (n: number) => {
      reset();
      const t = csvTable('NIK,Nama\n"' + "a".repeat(n), "nakes");
      expect(t.columns).toEqual(["NIK", "Nama"]);
      return { chars: folded.chars, longest: folded.longest };
    };
    work(3_000); // the first call folds every column's aliases once, into a cached lookup
    const small = work(3_000);
    const large = work(3_000_000);
    expect(large.chars).toBe(small.chars);
    expect(large.longest).toBeLessThanOrEqual(MAX_HEADER_CHARS);
  });

  it("reads a header longer than any column name as naming no column, without folding it", () => {
    reset();
    expect(keyOfHeader("NIK " + "x".repeat(5_000_000), "nakes")).toBeNull();
    expect(folded.chars).toBe(0);
  });

  it("still names a column whose header carries a hint within the bound", () => {
    expect(keyOfHeader("Tanggal Lahir (dd/mm/yyyy) *", "nakes")).toBe("tanggal_lahir");
  });

  it("answers a 3 MB cell on the CSV path with findings", () => {
    const r = validateRoster({ nakes: csvTable('NIK,Nama\n"' + "a".repeat(3_000_000), "nakes") }, { asOf: "2026-11-01" });
    expect(r.ok).toBe(false);
    expect(r.issues.length).toBeGreaterThan(0);
  });
});

describe("a table with more columns than the limit", () => {
  const many = Array.from({ length: 150_001 }, (_, i) => `kolom${i}`);

  it("gets one header.too_many error naming the limit and matches only the first columns", () => {
    reset();
    const { keys, issues } = matchHeaders(many, "nakes");
    expect(keys).toHaveLength(many.length);
    const tooMany = issues.filter((i) => i.code === "header.too_many");
    expect(tooMany).toMatchObject([{ severity: "error", row: null }]);
    expect(tooMany[0]!.message).toContain(String(MAX_COLUMNS));
    expect(issues.filter((i) => i.code === "header.unknown").length).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(folded.chars).toBeLessThan(MAX_COLUMNS * MAX_HEADER_CHARS * 4);
  });

  it("is validated without overflowing the stack on every table", () => {
    const table = { columns: many, rows: [] };
    const r = validateRoster({ nakes: table, pelatihan: table }, { asOf: "2026-11-01" });
    expect(r.issues.some((i) => i.code === "header.too_many" && i.table === "nakes")).toBe(true);
    expect(r.issues.some((i) => i.code === "header.too_many" && i.table === "pelatihan")).toBe(true);
  });
});

describe("the masters with more columns than the limit", () => {
  it("answer header.too_many for facilities and population alike", async () => {
    const { validateFacilities, validatePopulation } = await import("../../../shared/validate/masters");
    const table = { columns: Array.from({ length: 150_001 }, (_, i) => `kolom${i}`), rows: [] };
    expect(validateFacilities(table).issues.filter((i) => i.code === "header.too_many")).toHaveLength(1);
    expect(validatePopulation(table).issues.filter((i) => i.code === "header.too_many")).toHaveLength(1);
  });
});
