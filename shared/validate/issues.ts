import type { Cell } from "../schema/cell";
import type { Counts, Issue, IssueCode, Lang, TableName } from "../schema/issue";
import { message, type MessageParams } from "../i18n/messages";
import { SEVERITY } from "./severity";

export interface Where {
  table: TableName;
  /** 0-based index into the submitted rows; null for the table as a whole. */
  row: number | null;
  /** Canonical key; for header findings the header as written. */
  column: string | null;
  value?: Cell;
  related?: Issue["related"];
}

/**
 * One issue record with its rule's severity and its sentence in `lang`. The Worker uses it too
 * (upload.too_large, kode_fasyankes.*), so every finding reads the same wherever it was made.
 */
export function makeIssue<C extends IssueCode>(code: C, where: Where, params: MessageParams<C>, lang: Lang = "id"): Issue {
  const issue: Issue = {
    severity: SEVERITY[code],
    code,
    table: where.table,
    row: where.row,
    column: where.column,
    message: message(code, params, lang),
  };
  if (where.value !== undefined) {
    // JSON has no Infinity or NaN: such a cell is reported as its text.
    issue.value = typeof where.value === "number" && !Number.isFinite(where.value) ? String(where.value) : where.value;
  }
  if (where.related !== undefined && where.related.length > 0) issue.related = where.related;
  return issue;
}

/** Issues per severity (the summary of SPEC §7). */
export function countIssues(issues: readonly Issue[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

/** Issues per code, for the summary line "12 × sip.expired". */
export function countByCode(issues: readonly Issue[]): Partial<Record<IssueCode, number>> {
  const out: Partial<Record<IssueCode, number>> = {};
  for (const i of issues) out[i.code] = (out[i.code] ?? 0) + 1;
  return out;
}

export const hasError = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === "error");
