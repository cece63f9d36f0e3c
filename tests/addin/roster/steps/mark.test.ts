import { describe, expect, it } from "vitest";
import type { Check } from "../../../../addin/roster/flow";
import { markSheet } from "../../../../addin/roster/steps/mark";
import type { Issue } from "../../../../shared/schema/issue";
import { FakeWorkbook } from "../../support/fakes";
import { recordingTask, t } from "./helpers";

const nikError: Issue = { severity: "error", code: "nik.format", table: "nakes", row: 1, column: "nik", message: "NIK harus 16 digit" };

function checkOf(issues: Issue[], fingerprint = "f1"): Check {
  return {
    source: "local",
    ok: false,
    counts: { error: issues.length, warning: 0, info: 0 },
    issues,
    cells: issues.map((issue) => ({ sheetName: "Nakes", address: "A3", issue })),
    unlocated: [],
    layout: {},
    diff: null,
    base: null,
    staged: null,
    mapped: { request: { as_of: "2026-11-29", nakes: { columns: [], rows: [] } }, layout: {} },
    fingerprint,
  };
}

describe("marking the sheet", () => {
  it("marks the cells, then writes Hasil Validasi in the pane's language", async () => {
    const workbook = new FakeWorkbook();
    const task = recordingTask();
    const check = checkOf([nikError]);

    expect(await markSheet({ actions: workbook, lang: "en", t, task }, check, null)).toBe(true);
    expect(workbook.calls).toEqual(["markIssues", "writeResults"]);
    expect(workbook.marked).toEqual(check.cells);
    expect(workbook.results).toEqual({ issues: [nikError], cells: check.cells, lang: "en" });
    expect(task.phases).toEqual([t.progress.marking, t.progress.results]);
  });

  it("leaves the sheet alone when the same request has the same findings", async () => {
    const workbook = new FakeWorkbook();
    const written = await markSheet({ actions: workbook, lang: "id", t, task: recordingTask() }, checkOf([nikError]), checkOf([nikError]));
    expect(written).toBe(false);
    expect(workbook.calls).toEqual([]);
  });

  it("writes again when the sheet changed, even with the same findings, or the findings changed", async () => {
    const workbook = new FakeWorkbook();
    const to = { actions: workbook, lang: "id" as const, t, task: recordingTask() };
    expect(await markSheet(to, checkOf([nikError], "f2"), checkOf([nikError], "f1"))).toBe(true);
    expect(await markSheet(to, checkOf([]), checkOf([nikError]))).toBe(true);
    expect(workbook.marked).toEqual([]);
  });
});
