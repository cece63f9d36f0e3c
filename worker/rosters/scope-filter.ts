import type { DiffEntry } from "../../shared/api/rosters";
import { message } from "../../shared/i18n/messages";
import type { Counts, Issue, Lang } from "../../shared/schema/issue";
import { countIssues } from "../../shared/rules/count";

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

type Related = NonNullable<Issue["related"]>;

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
 * regency is not named). An issue whose message named what was cut is said again from what is left
 * (rewordInScope), never masked: a mask would keep how many were hidden (attack finding 3).
 * `lang` is the reader's language (SPEC §7: Indonesian first).
 */
export function issuesInScope(issues: readonly Issue[], view: UploadScopeView, lang: Lang = "id"): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (!rowVisible(view, issue.table, issue.row)) continue;
    if (!issue.related) {
      out.push(issue);
      continue;
    }
    let hidden = false;
    const related = issue.related.filter((r) => {
      if (r.kode_fasyankes !== undefined && !view.inScope(r.kode_fasyankes)) {
        hidden = true;
        return false;
      }
      return r.row === null ? r.kode_fasyankes !== undefined || view.coversAll : rowVisible(view, issue.table, r.row);
    });
    if (related.length === issue.related.length) {
      out.push(issue);
      continue;
    }
    const kept: Issue = hidden ? rewordInScope(issue, related, view, lang) : { ...issue };
    if (related.length > 0) kept.related = related;
    else delete kept.related;
    out.push(kept);
  }
  return out;
}

/**
 * An issue whose `related` lost facilities outside the reader's scope, said again from the facts left.
 * Only nik.multi_facility names facilities in its message (shared/validate/cross-row.ts): it is made
 * again with the visible facilities (the row's own and the related ones kept), their number, and the
 * flag "also outside your area", so neither the hidden codes nor how many they were remain. Other
 * codes name no related facility and pass unchanged.
 */
function rewordInScope(issue: Issue, related: Related, view: UploadScopeView, lang: Lang): Issue {
  if (issue.code !== "nik.multi_facility") return { ...issue };
  const facilities: string[] = [];
  const own = issue.row === null ? [] : view.facilitiesOfRow(issue.table, issue.row);
  for (const k of [...own, ...related.map((r) => r.kode_fasyankes)]) {
    if (k !== undefined && view.inScope(k) && !facilities.includes(k)) facilities.push(k);
  }
  return { ...issue, message: message("nik.multi_facility", { count: facilities.length, facilities, outside: true }, lang) };
}

/** The diff entries of facilities in scope. */
export function diffInScope<D extends Pick<DiffEntry, "kode_fasyankes">>(diff: readonly D[], view: UploadScopeView): D[] {
  return diff.filter((d) => view.inScope(d.kode_fasyankes));
}

/**
 * An upload answer (history detail, a stored 201/422 replayed) cut to the caller's scope: issues and
 * diff filtered as above, `counts` recomputed from the issues kept (never the uploader's totals,
 * which would tell how many problems other facilities have). Other fields pass unchanged: history
 * recomputes its `facilities` and `stored` for what the caller sees; an idempotent replay answers the
 * token that made the upload, whose scope held every row of it (rows outside it are refused), so its
 * totals are that caller's own.
 */
export function uploadAnswerInScope<T extends { counts: Counts; issues: Issue[]; diff?: DiffEntry[] }>(answer: T, view: UploadScopeView, lang: Lang = "id"): T {
  const issues = issuesInScope(answer.issues, view, lang);
  const out: T = { ...answer, issues, counts: countIssues(issues) };
  if (answer.diff) out.diff = diffInScope(answer.diff, view);
  return out;
}
