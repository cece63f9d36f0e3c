import { describe, expect, it } from "vitest";
import { en } from "../../../addin/i18n/en";
import { id } from "../../../addin/i18n/id";
import { flowReducer, initialFlow, type Check, type FlowEvent, type FlowState } from "../../../addin/roster/flow";
import { describeFlow } from "../../../addin/roster/view";
import type { Issue } from "../../../shared/schema/issue";

const nikError: Issue = { severity: "error", code: "nik.format", table: "nakes", row: 1, column: "nik", message: "NIK harus 16 digit" };

function check(over: Partial<Check> = {}): Check {
  const issues = over.issues ?? [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return {
    source: "server",
    ok: counts.error === 0,
    counts,
    issues,
    cells: issues.map((issue) => ({ sheetName: "Nakes", address: `A${(issue.row ?? 0) + 2}`, issue })),
    unlocated: [],
    layout: {},
    diff: [{ kode_fasyankes: "P1706010101", added: 1, removed: 12, changed: 0, unchanged: 3 }],
    base: "base-1",
    staged: { id: "stg-1", expires_at: "2026-11-30T00:00:00Z" },
    mapped: { request: { as_of: "2026-11-29", nakes: { columns: [], rows: [] } }, layout: {} },
    fingerprint: "f1",
    ...over,
  };
}

const run = (events: FlowEvent[], from: FlowState = initialFlow) => events.reduce(flowReducer, from);
const view = (s: FlowState) => describeFlow(s, id, "id");
/** Every text of the view, as one string: what a person would read on the tab. */
const words = (s: FlowState) => JSON.stringify(view(s));

const validated = (c: Check) => run([{ type: "start", intent: "validate" }, { type: "localChecked", check: { ...c, source: "local" }, serverNext: true }, { type: "serverChecked", check: c }]);

describe("the roster flow", () => {
  it("drops a cell's red note when a re-validation finds no errors, so it never sits beside '0 Kesalahan'", () => {
    let s = validated(check({ issues: [nikError] }));
    s = flowReducer(s, { type: "select", cell: { sheetName: "Nakes", address: "A3" } });
    expect(view(s).selection?.issues.map((i) => i.message)).toEqual(["NIK harus 16 digit"]);

    s = run([{ type: "start", intent: "validate" }, { type: "localChecked", check: check({ source: "local" }), serverNext: true }, { type: "serverChecked", check: check() }], s);
    expect(view(s).summary?.check.counts.error).toBe(0);
    expect(view(s).selection).toBeNull();
    expect(words(s)).not.toContain("NIK harus 16 digit");
  });

  it("says 'siap dikirim' only before Kirim: after a stored upload, neither it nor the pre-send table remains", () => {
    let s = validated(check());
    expect(view(s).summary?.ready).toBe(true);
    expect(view(s).summary?.showDiff).toBe(true);

    s = run([{ type: "start", intent: "push" }, { type: "serverChecked", check: check() }], s);
    expect(view(s).dialog).not.toBeNull();
    s = run(
      [
        { type: "pushStart" },
        { type: "pushed", upload: { upload_id: "upl_1", stored: { nakes: 4, pelatihan: 0 }, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff: [] } },
      ],
      s,
    );
    expect(view(s).summary?.ready).toBe(false);
    expect(view(s).summary?.showDiff).toBe(false);
    expect(view(s).notice?.title).toBe("Roster terkirim");
    expect(words(s)).not.toContain(id.roster.allClear);
  });

  it("never shows a green 'siap dikirim' under a conflict warning, and spends the stale base and staged upload", () => {
    let s = validated(check());
    s = run([{ type: "start", intent: "push" }, { type: "serverChecked", check: check() }, { type: "pushStart" }, { type: "conflict", by: { name: "Operator Puskesmas V Koto", at: "2026-11-29T03:05:00Z" } }], s);
    const v = view(s);
    expect(v.notice?.intent).toBe("warning");
    expect(v.notice?.body).toMatch(/^Operator Puskesmas V Koto mengunggah roster untuk fasyankes yang sama pada /);
    expect(v.notice?.action?.run).toBe("revalidate");
    expect(v.summary?.ready).toBe(false);
    expect(v.summary?.showDiff).toBe(false);
    expect(s.check?.base).toBeNull();
    expect(s.check?.staged).toBeNull();
  });

  it("goes from Kirim straight to the dialog when the server finds no errors, and to a refusal when it finds some", () => {
    const ok = run([{ type: "start", intent: "push" }, { type: "localChecked", check: check({ source: "local" }), serverNext: true }, { type: "serverChecked", check: check() }]);
    expect(ok.step.kind).toBe("confirming");
    const bad = run([{ type: "start", intent: "push" }, { type: "localChecked", check: check({ source: "local" }), serverNext: true }, { type: "serverChecked", check: check({ issues: [nikError] }) }]);
    expect(bad.step.kind).toBe("blocked");
    expect(view(bad).notice?.body).toBe("Masih ada 1 kesalahan. Perbaiki dulu sebelum mengirim.");
  });

  it("says 'koneksi lambat' with the percentage while bytes move, and not 'tidak dapat dihubungi'", () => {
    let s = run([{ type: "start", intent: "validate" }, { type: "localChecked", check: check({ source: "local" }), serverNext: true }]);
    s = flowReducer(s, { type: "transfer", sent: 450_000, total: 1_000_000, slow: true });
    const v = view(s);
    expect(v.transfer?.phase).toBe("Koneksi lambat — Mengirim roster ke server untuk diperiksa… 45%");
    expect(v.transfer?.fraction).toBeCloseTo(0.45);
    expect(v.transfer?.cancellable).toBe(true);
    expect(words(s)).not.toContain(id.roster.offlineTitle);
  });

  it("calls a connection lost mid-upload a dropped connection, and one that never answered unreachable", () => {
    const sending = run([{ type: "start", intent: "validate" }, { type: "localChecked", check: check({ source: "local" }), serverNext: true }]);
    expect(view(flowReducer(sending, { type: "unreachable", midway: true })).notice?.title).toBe(id.roster.droppedTitle);
    expect(view(flowReducer(sending, { type: "unreachable", midway: false })).notice?.title).toBe(id.roster.offlineTitle);
  });

  it("ignores progress that arrives after a cancel, and keeps the last check on screen", () => {
    let s = run([{ type: "start", intent: "validate" }, { type: "localChecked", check: check({ source: "local" }), serverNext: true }, { type: "cancelled" }]);
    const after = flowReducer(s, { type: "transfer", sent: 1, total: 2, slow: false });
    expect(after).toBe(s);
    s = after;
    expect(view(s).notice?.body).toBe(id.roster.cancelled);
    expect(view(s).summary?.check.source).toBe("local");
    expect(view(s).busy).toBe(false);
  });

  it("clears the findings when the workbook no longer has a roster", () => {
    let s = validated(check({ issues: [nikError] }));
    s = run([{ type: "start", intent: "validate" }, { type: "noRoster" }], s);
    expect(s.check).toBeNull();
    expect(view(s).summary).toBeNull();
  });

  it("speaks English in an English Excel", () => {
    const s = validated(check());
    expect(describeFlow(flowReducer(s, { type: "cancelled" }), en, "en").notice).toBeNull();
    const cancelled = run([{ type: "start", intent: "validate" }, { type: "cancelled" }]);
    expect(describeFlow(cancelled, en, "en").notice?.body).toBe(en.roster.cancelled);
  });
});
