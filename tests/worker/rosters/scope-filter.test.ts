import { describe, expect, it } from "vitest";
import type { DiffEntry } from "../../../shared/api/rosters";
import type { Issue } from "../../../shared/schema/issue";
import { diffInScope, issuesInScope, uploadAnswerInScope, type UploadScopeView } from "../../../worker/rosters/scope-filter";

/**
 * The filter every upload answer passes through before a reader whose scope may be narrower than the
 * uploader's sees it (history, idempotent replays). Rows 0–1 belong to P1706010101 (in scope), rows
 * 2–3 to P1706020101 (outside), row 9 to no known facility.
 */
const ROWS: Record<number, string[]> = { 0: ["P1706010101"], 1: ["P1706010101"], 2: ["P1706020101"], 3: ["P1706020101"] };
const view = (coversAll = false): UploadScopeView => ({
  inScope: (k) => k === "P1706010101",
  facilitiesOfRow: (table, row) => (table === "nakes" ? (ROWS[row] ?? []) : []),
  coversAll,
});
const issue = (row: number | null, code: Issue["code"] = "sip.expiring", extra: Partial<Issue> = {}): Issue => ({
  severity: "warning",
  code,
  table: "nakes",
  row,
  column: "nik",
  message: `pesan ${row}`,
  ...extra,
});

describe("issuesInScope", () => {
  it("keeps the issues of rows in scope and drops those of rows outside it", () => {
    expect(issuesInScope([issue(0), issue(2), issue(1), issue(3)], view()).map((i) => i.row)).toEqual([0, 1]);
  });

  it("shows issues of no row or of no known facility only to a caller covering the whole upload", () => {
    const list = [issue(null, "header.unknown"), issue(9)];
    expect(issuesInScope(list, view(false))).toEqual([]);
    expect(issuesInScope(list, view(true))).toEqual(list);
  });

  it("cuts related rows and facilities outside scope, and says nik.multi_facility again from what is left", () => {
    const multi = issue(0, "nik.multi_facility", {
      message: "NIK ini tercatat di 3 fasyankes (P1706010101, P1706020101, P3601010101).",
      related: [
        { row: 1, column: "nik", kode_fasyankes: "P1706010101" },
        { row: 2, column: "nik", kode_fasyankes: "P1706020101" },
        { row: null, column: "nik", kode_fasyankes: "P3601010101" },
      ],
    });
    const [kept] = issuesInScope([multi], view());
    expect(kept!.related).toEqual([{ row: 1, column: "nik", kode_fasyankes: "P1706010101" }]);
    expect(kept!.message).not.toMatch(/P1706020101|P3601010101/);
    expect(kept!.message).toContain("P1706010101");
    const dup = issue(0, "nip.duplicate", { related: [{ row: 3, column: "nip" }] });
    expect(issuesInScope([dup], view())[0]).not.toHaveProperty("related");
  });

  it("tells a reader the same about nik.multi_facility however many of its facilities are hidden", () => {
    const hidden = ["P1706020101", "P3601010101", "P3602030101", "P3603010101"];
    const answers = [2, 3, 4].map((n) => {
      const facilities = ["P1706010101", ...hidden.slice(0, n)];
      const multi = issue(0, "nik.multi_facility", {
        message: `NIK ini tercatat di ${facilities.length} fasyankes (${facilities.join(", ")}).`,
        related: facilities.slice(1).map((k) => ({ row: null, column: "nik", kode_fasyankes: k })),
      });
      return issuesInScope([multi], view(), "en")[0]!;
    });
    for (const a of answers) {
      expect(a.message).toBe(answers[0]!.message);
      expect(a.message).toMatch(/^This NIK is listed at more than three facilities, some outside your area \(in your area: P1706010101\)\./);
      expect(a.message).not.toMatch(/…|[0-9] facilities/);
    }
    expect(issuesInScope([{ ...issue(0, "nik.multi_facility"), related: [{ row: null, column: "nik", kode_fasyankes: "P3601010101" }] }], view())[0]!.message).toMatch(/sebagian di luar wilayah Anda/);
  });
});

describe("uploadAnswerInScope", () => {
  it("filters the diff and recounts what is left", () => {
    const diff: DiffEntry[] = [
      { kode_fasyankes: "P1706010101", added: 2, removed: 0, changed: 0, unchanged: 0 },
      { kode_fasyankes: "P1706020101", added: 0, removed: 42, changed: 0, unchanged: 0 },
    ];
    const answer = { upload_id: "u", counts: { error: 0, warning: 4, info: 1 }, issues: [issue(0), issue(2), issue(3), issue(null, "header.unknown")], diff };
    const cut = uploadAnswerInScope(answer, view());
    expect(cut.diff).toEqual([diff[0]]);
    expect(cut.issues).toHaveLength(1);
    expect(cut.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(cut.upload_id).toBe("u");
    expect(diffInScope(diff, view(true))).toEqual([diff[0]]);
  });
});
