import type { Issue } from "../../shared/schema/issue";
import { columnLetters } from "../excel/a1";
import type { IssueCell, RosterTableName } from "../excel/types";

/** Where a submitted table sits on its sheet, column by column. */
export interface TableLayout {
  sheetName: string;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  /** The request's column keys (unknown headers keep their text). */
  columns: string[];
  /** The header of each entry of `columns`, as the user wrote it. */
  headers: string[];
  /** 0-based sheet column of each entry of `columns`. */
  sheetColumns: number[];
}

export type RosterLayout = Partial<Record<RosterTableName, TableLayout>>;

/**
 * Maps each issue's (row, column key) to a cell. Table-wide issues (row null) sit on the header
 * row: on the header they name when it is on the sheet, else on the table's first header cell.
 * Issues about a table that is not on any sheet stay unlocated; they still go to Hasil Validasi.
 */
export function locateIssues(issues: readonly Issue[], layout: RosterLayout): { cells: IssueCell[]; unlocated: Issue[] } {
  const cells: IssueCell[] = [];
  const unlocated: Issue[] = [];
  const columnIndex = new Map<TableLayout, { byKey: Map<string, number>; first: number }>();
  for (const issue of issues) {
    const table = issue.table === "nakes" || issue.table === "pelatihan" ? layout[issue.table] : undefined;
    if (!table) {
      unlocated.push(issue);
      continue;
    }
    let index = columnIndex.get(table);
    if (!index) {
      const byKey = new Map<string, number>();
      table.columns.forEach((key, i) => {
        if (!byKey.has(key)) byKey.set(key, table.sheetColumns[i]!);
      });
      index = { byKey, first: table.sheetColumns.length ? Math.min(...table.sheetColumns) : 0 };
      columnIndex.set(table, index);
    }
    const column = (issue.column !== null ? index.byKey.get(issue.column) : undefined) ?? index.first;
    const row = issue.row === null ? table.headerRow : table.headerRow + 1 + issue.row;
    cells.push({ sheetName: table.sheetName, address: `${columnLetters(column)}${row + 1}`, issue });
  }
  return { cells, unlocated };
}
