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

/** How a column of an output table reads: `share` is a fraction 0…1 (shown as %), `text` is kept as text. */
export type OutputColumnType = "text" | "integer" | "number" | "share";

/** A table ready to write into a sheet (coverage pulls and similar). */
export interface SheetOutputTable {
  title: string;
  /** `type` absent: numeric when every value of the column is a number, else text. */
  columns: { key: string; label: string; type?: OutputColumnType }[];
  rows: Cell[][];
}

/** The cell the user selected, with the issues of the last validation that sit on it (empty when none). */
export interface SelectedIssues {
  sheetName: string;
  address: string;
  issues: Issue[];
}
