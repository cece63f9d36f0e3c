import { describe, expect, it } from "vitest";
import type { ValidateResponse } from "../../../../shared/api/rosters";
import type { Issue } from "../../../../shared/schema/issue";
import { checkLocally } from "../../../../addin/roster/steps/local-check";
import { placeFindings, rejectedFindings, sameFindings, serverFindings } from "../../../../addin/roster/steps/findings";
import { readRoster } from "../../../../addin/roster/steps/read";
import { FakeWorkbook, nakesRow, rosterOf } from "../../support/fakes";
import { recordingTask, t } from "./helpers";

const nikError: Issue = { severity: "error", code: "nik.format", table: "nakes", row: 1, column: "nik", message: "NIK harus 16 digit" };
const staged = { id: "6f1c1f1e-8a63-4a4e-9a55-0d7b7f1f2a10", expires_at: "2026-11-30T00:00:00Z" };
const diff = [{ kode_fasyankes: "P1706010101", added: 1, removed: 0, changed: 0, unchanged: 0 }];

async function readOf(rows = [nakesRow(), nakesRow({ NIK: "12345" })]) {
  const workbook = new FakeWorkbook();
  workbook.roster = rosterOf(rows);
  return (await readRoster(workbook, recordingTask(), t))!;
}

describe("findings", () => {
  it("keeps the dry run's staged upload only when it found no errors", () => {
    const clean: ValidateResponse = { ok: true, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff, base: "b", staged };
    expect(serverFindings(clean)).toMatchObject({ source: "server", ok: true, base: "b", staged, diff });
    expect(serverFindings({ ...clean, ok: false, counts: { error: 1, warning: 0, info: 0 }, issues: [nikError] }).staged).toBeNull();
    expect(serverFindings({ ...clean, staged: undefined }).staged).toBeNull();
  });

  it("counts a rejected push's issues and spends its base and staged upload, keeping the diff", () => {
    const warning: Issue = { ...nikError, severity: "warning", code: "sip.expiring" };
    expect(rejectedFindings([nikError, warning, nikError], diff)).toEqual({
      source: "server",
      ok: false,
      counts: { error: 2, warning: 1, info: 0 },
      issues: [nikError, warning, nikError],
      diff,
      base: null,
      staged: null,
    });
  });

  it("places each issue on the cell it came from: the second data row's NIK is A3", async () => {
    const { engine, mapped, fingerprint } = await readOf();
    const check = placeFindings(engine.locateIssues, mapped, fingerprint, rejectedFindings([nikError], null));
    expect(check.cells).toEqual([{ sheetName: "Nakes", address: "A3", issue: nikError }]);
    expect(check.unlocated).toEqual([]);
    expect(check).toMatchObject({ mapped, fingerprint, layout: mapped.layout });
  });

  it("calls findings the same only when code, place and severity agree in order", () => {
    const other: Issue = { ...nikError, row: 2 };
    expect(sameFindings([nikError, other], [{ ...nikError, message: "other words" }, other])).toBe(true);
    expect(sameFindings([nikError, other], [other, nikError])).toBe(false);
    expect(sameFindings([nikError], [{ ...nikError, severity: "warning" }])).toBe(false);
    expect(sameFindings([nikError], [])).toBe(false);
  });
});

describe("the local check", () => {
  it("runs the validator at the request's own date and never stages", async () => {
    const { engine, mapped } = await readOf();
    const found = await checkLocally(engine, mapped, "id");
    expect(found).toMatchObject({ source: "local", ok: false, diff: null, base: null, staged: null });
    expect(found.issues).toContainEqual(expect.objectContaining({ severity: "error", row: 1, column: "nik" }));
    expect(found.counts.error).toBe(found.issues.filter((i) => i.severity === "error").length);
  });

  it("judges the SIP against as_of, not the computer's clock", async () => {
    const { engine, mapped } = await readOf([nakesRow({ "Masa Berlaku SIP": "2031-12-31" })]);
    const before = await checkLocally(engine, { ...mapped, request: { ...mapped.request, as_of: "2031-06-01" } }, "id");
    const after = await checkLocally(engine, { ...mapped, request: { ...mapped.request, as_of: "2032-01-02" } }, "id");
    expect(before.issues.map((i) => i.code)).not.toContain("sip.expired");
    expect(after.issues.map((i) => i.code)).toContain("sip.expired");
  });
});
