import { describe, expect, it } from "vitest";
import type { Check } from "../../../../addin/roster/flow";
import { readRoster, reusableCheck } from "../../../../addin/roster/steps/read";
import { FakeWorkbook, nakesRow, rosterOf } from "../../support/fakes";
import { recordingTask, t } from "./helpers";

describe("reading the roster", () => {
  it("maps the Nakes sheet to canonical columns, dated, with the request as its fingerprint", async () => {
    const workbook = new FakeWorkbook();
    workbook.roster = rosterOf([nakesRow(), nakesRow({ NIK: "1706015203900002" })]);
    const task = recordingTask();

    const read = await readRoster(workbook, task, t);

    expect(read?.mapped.request.nakes.columns).toContain("nik");
    expect(read?.mapped.request.nakes.rows).toHaveLength(2);
    expect(read?.mapped.request.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(read?.fingerprint).toBe(JSON.stringify(read?.mapped.request));
    expect(task.phases).toEqual([t.progress.reading, t.progress.loading]);
  });

  it("gives null when the workbook has no Nakes table", async () => {
    const workbook = new FakeWorkbook();
    workbook.roster = { nakes: null, pelatihan: null };
    expect(await readRoster(workbook, recordingTask(), t)).toBeNull();
  });

  it("passes on what the workbook threw", async () => {
    const workbook = new FakeWorkbook();
    workbook.failRead = new Error("sheet locked");
    await expect(readRoster(workbook, recordingTask(), t)).rejects.toThrow("sheet locked");
  });
});

describe("reusing a server check", () => {
  const server = { source: "server", fingerprint: "f1", base: "base-1" } as Check;

  it("lets Kirim reuse the server's check of the same request while it holds a base", () => {
    expect(reusableCheck(server, "push", "f1")).toBe(server);
  });

  it("checks again for Validasi, a changed sheet, a local check or a spent base", () => {
    expect(reusableCheck(server, "validate", "f1")).toBeNull();
    expect(reusableCheck(server, "push", "f2")).toBeNull();
    expect(reusableCheck({ ...server, source: "local" }, "push", "f1")).toBeNull();
    expect(reusableCheck({ ...server, base: null }, "push", "f1")).toBeNull();
    expect(reusableCheck(null, "push", "f1")).toBeNull();
  });
});
