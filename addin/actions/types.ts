import type { Issue, Lang } from "../../shared/schema/issue";
import type { Reference } from "../../shared/reference";
import type { FacilityChoice } from "../excel/facility-choice";
import type { ActionListSheet, PlacementSheet } from "../excel/tindak-lanjut";
import type { IssueCell, ProgressFn, RosterOnSheet, SelectedIssues, SheetOutputTable } from "../excel/types";

/** Which template sheets were made now, and which were there already (and left alone). */
export interface TemplateOutcome {
  created: string[];
  kept: string[];
}

/**
 * Everything the pane asks of the workbook. Components get it from context (`useWorkbookActions`),
 * never from office.js: the real one (`createOfficeActions`) wraps addin/excel/*, tests pass fakes.
 */
export interface WorkbookActions {
  /** Adds the Nakes and Pelatihan sheets with headers, text-formatted ID columns and dropdowns. */
  insertTemplate(reference: Reference, onProgress: ProgressFn): Promise<TemplateOutcome>;
  readRoster(onProgress: ProgressFn): Promise<RosterOnSheet>;
  /** Replaces the marks of the previous validation with these (an empty list only clears). */
  markIssues(cells: IssueCell[], onProgress: ProgressFn): Promise<void>;
  /** Replaces the Hasil Validasi sheet: every issue, located or not. */
  writeResults(issues: Issue[], cells: IssueCell[], lang: Lang, onProgress: ProgressFn): Promise<void>;
  selectCell(cell: { sheetName: string; address: string }): Promise<void>;
  /** Calls `onSelect` whenever the user selects a cell; resolves to the function that stops watching. */
  watchSelection(onSelect: (cell: SelectedIssues) => void): Promise<() => void>;
  /** Writes the tables to one sheet, replacing what an earlier pull wrote there; resolves to its name. */
  writeCoverage(tables: SheetOutputTable[], onProgress: ProgressFn): Promise<{ sheetName: string }>;
  /**
   * Offers the facilities of the token's scope (GET /v1/facilities) in the template's kode_fasyankes
   * column, by name; the code is what is read back. Call after insertTemplate; 0 without a template.
   */
  offerFacilities?(facilities: readonly FacilityChoice[], onProgress: ProgressFn): Promise<{ offered: number }>;
  /** Writes an action list (issue 16) as one table on its own sheet, replacing the earlier pull of that list. */
  writeActionList?(sheet: ActionListSheet, onProgress: ProgressFn): Promise<{ sheetName: string; rows: number }>;
  /** Writes a placement plan, its indicators and its bar chart to its sheet, replacing the earlier plan. */
  writePlacementPlan?(sheet: PlacementSheet, onProgress: ProgressFn): Promise<{ sheetName: string; rows: number }>;
}
