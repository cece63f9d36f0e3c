import type { CoverageColumn } from "../../shared/api/coverage";
import type { Cell } from "../../shared/schema/cell";
import type { Issue } from "../../shared/schema/issue";

/**
 * The seam between the pane and the workbook: plain data in, plain data out. Every office.js call
 * lives in addin/excel/*; components never touch `Excel` directly.
 */

export type RosterTableName = "nakes" | "pelatihan";

/** A roster table as found on a sheet: where it sits, its header texts and its data rows. */
export interface SheetTable {
  table: RosterTableName;
  sheetName: string;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  /** 0-based sheet column of the first column. */
  firstColumn: number;
  /** Header texts exactly as written. */
  headers: string[];
  /** Data rows, each aligned with `headers`; trailing fully empty rows are dropped. */
  rows: Cell[][];
  /**
   * Cells of `rows` that read as blank because they lie inside a merged area (not its first cell):
   * the officer sees a value there. Absent where Excel cannot tell (before ExcelApi 1.13).
   */
  merged?: MergedBlank[];
}

/** A data cell of a SheetTable: `row` indexes `rows` (as an issue's row does), `column` indexes `headers`. */
export interface MergedBlank {
  row: number;
  column: number;
}

export interface RosterOnSheet {
  nakes: SheetTable | null;
  pelatihan: SheetTable | null;
}

/** Progress of a long action: `done` of `total` units, and what is happening, in the UI language. */
export type ProgressFn = (done: number, total: number, phase: string) => void;

/** Where an issue sits on the sheet, once its row and column key are mapped. */
export interface IssueCell {
  sheetName: string;
  /** A1 address without the sheet, e.g. "D42". */
  address: string;
  issue: Issue;
}

/**
 * How a column of an output table reads, as the API's coverage columns say (shared/api/coverage.ts):
 * `share` is a fraction 0…1 (shown as %), `text` is kept as text. One list, so no column is guessed.
 */
export type OutputColumnType = CoverageColumn["type"];

/** A table ready to write into a sheet (coverage pulls and similar). */
export interface SheetOutputTable {
  title: string;
  /** Each column's number format follows its `type`, never a look at its values. */
  columns: { key: string; label: string; type: OutputColumnType }[];
  rows: Cell[][];
}

/** The cell the user selected, with the issues of the last validation that sit on it (empty when none). */
export interface SelectedIssues {
  sheetName: string;
  address: string;
  issues: Issue[];
}
