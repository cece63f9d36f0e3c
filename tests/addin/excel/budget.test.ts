import { describe, expect, it } from "vitest";
import { clearMarks, MARK_COLORS, markIssues } from "../../../addin/excel/annotate";
import { readRoster } from "../../../addin/excel/read";
import { writeResults } from "../../../addin/excel/results";
import { locateIssues } from "../../../addin/roster/locate";
import { toRosterRequest } from "../../../addin/roster/to-request";
import type { Cell } from "../../../shared/schema/cell";
import { generateRoster, NAKES_KEYS } from "../../../fixtures/demo/index";
import { nakesColumns } from "../../../shared/table/columns";
import { validateRoster } from "../../../shared/validate/roster";
import { useFakeExcel } from "./fake";

const AS_OF = "2026-11-01";
const ROWS = 50_000;
/** 13 of the 15 template columns: the two optional free-text ones are left out. */
const KEYS = NAKES_KEYS.filter((k) => k !== "pendidikan" && k !== "keterangan");

/** A generated roster as a facility's sheet holds it, with known mistakes planted. */
function plantedRoster() {
  const generated = generateRoster({ rows: ROWS, seed: 1706, asOf: AS_OF, messy: true, pelatihan: false });
  const at = KEYS.map((k) => generated.nakes.columns.indexOf(k));
  const sexColumn = KEYS.indexOf("jenis_kelamin");
  const rows: Cell[][] = generated.nakes.rows.map((row, i) => {
    const out = at.map((j) => row[j] ?? null);
    // Every 20th NIK was typed as a number: Excel kept 15 digits.
    if (i % 20 === 7) out[0] = Number(`${String(out[0]).replace(/\D/g, "").slice(0, 15)}0`);
    // Every 50th sex is neither L nor P.
    if (i % 50 === 11) out[sexColumn] = "X";
    return out;
  });
  return { headers: KEYS.map((k) => nakesColumns.find((c) => c.key === k)!.header), rows };
}

describe("the round-trip budget of a large roster", () => {
  it("validating and marking a 50,000-row × 13-column roster takes at most 30 context.sync round trips and no request or answer over 5 MB", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [] } });
    const { headers, rows } = plantedRoster();
    fake.workbook.setValues("Nakes", "A1", [headers]);
    fake.workbook.setValues("Nakes", "A2", rows, { raw: true });
    fake.stats.reset();

    const phases: Record<string, number> = {};
    let before = 0;
    const phase = (name: string) => {
      phases[name] = fake.stats.syncs - before;
      before = fake.stats.syncs;
    };

    const onSheet = await readRoster();
    phase("read");
    expect(onSheet.nakes!.rows).toHaveLength(ROWS);
    const mapped = toRosterRequest(onSheet, AS_OF)!;
    const result = validateRoster(mapped.request, { asOf: AS_OF });
    const { cells, unlocated } = locateIssues(result.issues, mapped.layout);
    expect(unlocated).toEqual([]);
    await clearMarks();
    phase("clear");
    await markIssues(cells);
    phase("mark");
    await writeResults(result.issues, cells, "id");
    phase("results");

    // The planted mistakes are found and marked where they are.
    const precisionLost = result.issues.filter((i) => i.code === "nik.precision_lost");
    const badSex = result.issues.filter((i) => i.code === "jenis_kelamin.invalid");
    expect(precisionLost).toHaveLength(ROWS / 20);
    expect(badSex).toHaveLength(ROWS / 50);
    const filled = fake.workbook.filledCells("Nakes");
    expect(filled.get("A9")).toBe(MARK_COLORS.error); // row index 7
    expect(filled.get(`${String.fromCharCode(65 + KEYS.indexOf("jenis_kelamin"))}13`)).toBe(MARK_COLORS.error); // row index 11
    expect(fake.workbook.usedAddress("Hasil Validasi")).toBe(`'Hasil Validasi'!A1:H${result.issues.length + 1}`);

    expect(fake.stats.syncs, JSON.stringify(phases)).toBeLessThanOrEqual(30);
    expect(fake.stats.maxRequestBytes).toBeLessThan(5_000_000);
    expect(fake.stats.maxResponseBytes).toBeLessThan(5_000_000);
    expect(fake.stats.records.every((r) => !r.failed)).toBe(true);
  });
});
