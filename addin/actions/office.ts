import type { Lang } from "../../shared/schema/issue";
import { markIssues } from "../excel/annotate";
import { writeCoverage } from "../excel/coverage";
import { readRoster } from "../excel/read";
import { writeResults } from "../excel/results";
import { selectCell, watchSelection } from "../excel/selection";
import { insertTemplate, offerFacilities } from "../excel/template";
import { writeActionList, writePlacementPlan } from "../excel/tindak-lanjut";
import type { WorkbookActions } from "./types";

/** The workbook actions of the running Excel, speaking `lang` in what they write and report. */
export function createOfficeActions(lang: Lang): WorkbookActions {
  return {
    insertTemplate: (reference, onProgress) => insertTemplate(reference, onProgress, { lang }),
    readRoster: (onProgress) => readRoster(onProgress, { lang }),
    markIssues: async (cells, onProgress) => {
      await markIssues(cells, onProgress, { lang });
    },
    writeResults: async (issues, cells, resultLang, onProgress) => {
      await writeResults(issues, cells, resultLang, onProgress);
    },
    selectCell,
    watchSelection,
    writeCoverage: (tables, onProgress) => writeCoverage(tables, onProgress, { lang }),
    offerFacilities: (facilities, onProgress) => offerFacilities(facilities, onProgress, { lang }),
    writeActionList: (sheet, onProgress) => writeActionList(sheet, onProgress),
    writePlacementPlan: (sheet, onProgress) => writePlacementPlan(sheet, onProgress),
  };
}
