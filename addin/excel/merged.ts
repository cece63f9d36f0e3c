import type { Issue, Lang } from "../../shared/schema/issue";
import { matchHeaders } from "../../shared/table/headers";
import { columnRef } from "../../shared/validate/labels";
import { makeIssue } from "../../shared/validate/issues";
import type { RosterOnSheet, RosterTableName } from "./types";

/**
 * Real merged areas (SPEC §3.1, issue 11): a value written once over a merged block of rows sits in
 * the block's first cell only, so the cells below read as blank and get `required`. Where the reader
 * saw the merged area itself (`SheetTable.merged`, ExcelApi 1.13), such a finding says so and says to
 * fill the value down: the shared `required` sentence with `merged`, in `lang`. Every other finding,
 * and a blank cell that is not merged, is returned unchanged. Works on the add-in's own findings and
 * on the server's alike (both index the submitted rows, which keep the sheet's order).
 */
export function noteMergedCells(issues: readonly Issue[], roster: RosterOnSheet, lang: Lang = "id"): Issue[] {
  const merged = new Map<RosterTableName, Set<string>>();
  for (const kind of ["nakes", "pelatihan"] as const) {
    const table = roster[kind];
    if (!table?.merged?.length) continue;
    const keys = matchHeaders(table.headers, kind).keys;
    const cells = new Set<string>();
    for (const m of table.merged) {
      const key = keys[m.column];
      if (key) cells.add(`${m.row}|${key}`);
    }
    merged.set(kind, cells);
  }
  if (!merged.size) return [...issues];
  return issues.map((issue) => {
    if (issue.code !== "required" || issue.row === null || issue.column === null) return issue;
    if (issue.table !== "nakes" && issue.table !== "pelatihan") return issue;
    if (!merged.get(issue.table)?.has(`${issue.row}|${issue.column}`)) return issue;
    const again = makeIssue("required", { table: issue.table, row: issue.row, column: issue.column, value: issue.value, related: issue.related }, { ...columnRef(issue.table, issue.column), merged: true }, lang);
    return { ...issue, message: again.message };
  });
}
