import type { CoverageResponse, CoverageTable } from "../../shared/api/coverage";
import type { Lang } from "../../shared/schema/issue";
import type { SheetOutputTable } from "../excel/types";

/**
 * The one place that knows the shape of GET /v1/coverage: turns its tables into the tables the
 * workbook layer writes. Labels follow the UI language; values pass through unchanged (shares
 * stay fractions 0…1, as the API sends them).
 */
export const COVERAGE_TABLES = ["wilayah", "profesi", "standar"] as const;
export type CoverageTableKey = (typeof COVERAGE_TABLES)[number];

export function tableToSheet(table: CoverageTable, lang: Lang): SheetOutputTable {
  return {
    title: table.label[lang],
    columns: table.columns.map((c) => ({ key: c.key, label: c.label[lang], type: c.type })),
    rows: table.rows,
  };
}

export function coverageToSheets(response: CoverageResponse, lang: Lang, which: readonly CoverageTableKey[] = COVERAGE_TABLES): SheetOutputTable[] {
  return which.map((key) => tableToSheet(response.tables[key], lang));
}
