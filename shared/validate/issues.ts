import type { Cell } from "../schema/cell";
import type { Issue, IssueCode, Lang, TableName } from "../schema/issue";
import { message, type MessageParams } from "../i18n/messages";
import { SEVERITY } from "../rules/codes";

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
