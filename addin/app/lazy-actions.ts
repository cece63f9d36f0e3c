import type { Lang } from "../../shared/schema/issue";
import type { WorkbookActions } from "../actions/types";

/**
 * The workbook actions with their code (addin/excel/*) loaded on first use or in the background
 * after the first paint, not with the first screen (issue 13 item 1).
 */
export function lazyWorkbookActions(lang: Lang): WorkbookActions & { preload: () => Promise<unknown> } {
  let real: Promise<WorkbookActions> | null = null;
  const load = () => (real ??= import("../actions/office").then((m) => m.createOfficeActions(lang)));
  return {
    preload: load,
    insertTemplate: (reference, onProgress) => load().then((a) => a.insertTemplate(reference, onProgress)),
    readRoster: (onProgress) => load().then((a) => a.readRoster(onProgress)),
    markIssues: (cells, onProgress) => load().then((a) => a.markIssues(cells, onProgress)),
    writeResults: (issues, cells, lang2, onProgress) => load().then((a) => a.writeResults(issues, cells, lang2, onProgress)),
    selectCell: (cell) => load().then((a) => a.selectCell(cell)),
    watchSelection: (onSelect) => load().then((a) => a.watchSelection(onSelect)),
    writeCoverage: (tables, onProgress) => load().then((a) => a.writeCoverage(tables, onProgress)),
    offerFacilities: (facilities, onProgress) => load().then((a) => a.offerFacilities?.(facilities, onProgress) ?? { offered: 0 }),
    writeActionList: (sheet, onProgress) => load().then((a) => a.writeActionList!(sheet, onProgress)),
    writePlacementPlan: (sheet, onProgress) => load().then((a) => a.writePlacementPlan!(sheet, onProgress)),
  };
}
