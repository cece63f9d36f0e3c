import type { DiffEntry } from "../../shared/api/rosters";
import type { Counts, Issue } from "../../shared/schema/issue";
import { countIssues } from "../../shared/validate/issues";

/**
 * What a caller may see of one upload's answer (SPEC §7 Access: "upload history shows a caller only
 * the facilities, issues and diff entries in its scope"). Used by GET /v1/uploads/{id} and by
 * idempotent replays: both hand an answer written for the uploader to a reader whose scope may be
 * narrower.
 */
export interface UploadScopeView {
  /** Whether a facility (by code) lies in the caller's scope. */
  inScope(kode: string): boolean;
  /**
   * The facilities a submitted row belongs to: a Nakes row its kode_fasyankes, a Pelatihan row the
   * facilities of its NIK in the same upload. Empty when nothing tells (the row is then hidden
   * unless `coversAll`).
   */
  facilitiesOfRow(table: Issue["table"], row: number): readonly string[];
  /**
   * Whether the caller's scope covers every facility of the upload: only then are issues that belong
   * to no facility (headers, whole-table findings, rows that name no known facility) shown.
   */
  coversAll: boolean;
}

/** A row is visible when some facility it belongs to is in scope (or, belonging to none, when the caller sees everything). */
function rowVisible(view: UploadScopeView, table: Issue["table"], row: number | null): boolean {
  if (row === null) return view.coversAll;
  const facilities = view.facilitiesOfRow(table, row);
  if (facilities.length === 0) return view.coversAll;
  return facilities.some((k) => view.inScope(k));
}

/**
 * The issues a caller may see, in their order: an issue whose row is visible, with its `related`
 * entries cut to rows and facilities that are visible too (a duplicate's partner in another
 * regency is not named). Issues are not rewritten otherwise.
 */
export function issuesInScope(issues: readonly Issue[], view: UploadScopeView): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (!rowVisible(view, issue.table, issue.row)) continue;
    if (!issue.related) {
      out.push(issue);
      continue;
    }
    const hidden: string[] = [];
    const related = issue.related.filter((r) => {
      if (r.kode_fasyankes !== undefined && !view.inScope(r.kode_fasyankes)) {
        hidden.push(r.kode_fasyankes);
        return false;
      }
      return r.row === null ? r.kode_fasyankes !== undefined || view.coversAll : rowVisible(view, issue.table, r.row);
    });
    if (related.length === issue.related.length) {
      out.push(issue);
      continue;
    }
    // A message written for the uploader may name the facilities just cut (nik.multi_facility): mask them.
    const message = hidden.reduce((m, kode) => m.split(kode).join("…"), issue.message);
    const kept: Issue = { ...issue, message };
    if (related.length > 0) kept.related = related;
    else delete kept.related;
    out.push(kept);
  }
  return out;
}

/** The diff entries of facilities in scope. */
export function diffInScope<D extends Pick<DiffEntry, "kode_fasyankes">>(diff: readonly D[], view: UploadScopeView): D[] {
  return diff.filter((d) => view.inScope(d.kode_fasyankes));
}

/**
 * An upload answer (history detail, a stored 201/422 replayed) cut to the caller's scope: issues and
 * diff filtered as above, `counts` recomputed from the issues kept (never the uploader's totals,
 * which would tell how many problems other facilities have). Other fields pass unchanged; callers
 * recompute their own facility and row counts (e.g. history's `facilities`, `stored`).
 */
export function uploadAnswerInScope<T extends { counts: Counts; issues: Issue[]; diff?: DiffEntry[] }>(answer: T, view: UploadScopeView): T {
  const issues = issuesInScope(answer.issues, view);
  const out: T = { ...answer, issues, counts: countIssues(issues) };
  if (answer.diff) out.diff = diffInScope(answer.diff, view);
  return out;
}
