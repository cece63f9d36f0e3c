import type { Cell } from "../../shared/schema/cell";
import type { Lang } from "../../shared/schema/issue";
import { cellAddress, columnLetters } from "./a1";
import { SyncBatch } from "./budget";
import { noProgress } from "./host";
import { columnKind, freshSheet, GAP_FILL, HEADER_FILL, MET_FILL, OUTPUT_FORMATS as FORMATS } from "./output-sheet";
import { writeTextBlock, writeTypedBlock } from "./safety";
import { excelStrings, SHEETS } from "./strings";
import type { ProgressFn, SheetOutputTable } from "./types";

/**
 * Writes coverage pulls (or any output tables) into a sheet, replacing the previous pull in place:
 * the sheet is kept (formulas elsewhere that point into it keep working) and its contents,
 * formats, conditional formats and charts are replaced. Tables stack from A1, each under its
 * title. Conditional formats cover exactly the written rows: "met" columns green where met, red
 * where not; "gap" columns red above 0, green at 0. A column chart shows a gap summed per
 * category, from a small summary block to the right of the tables.
 */

export interface CoverageWriteOptions {
  /** Default: "Cakupan" for several tables, the table's title for one. */
  sheetName?: string;
  /** Keys of columns holding "standard met" flags (TRUE/FALSE, "Y"/"N"). */
  met?: readonly string[];
  /** Keys of columns holding shortfalls in persons (default: keys starting with "kekurangan"). */
  gap?: readonly string[];
  /**
   * The chart: `value` summed per `category` (column keys). Default: the first gap column per the
   * first of jenis / jenis_tenaga / profesi that the table has. `false`: no chart.
   */
  chart?: { category: string; value: string; title?: string } | false;
  lang?: Lang;
}

const CHART_NAME = "NakesRosterGrafik";
const CATEGORY_KEYS = ["jenis", "jenis_tenaga", "profesi"];

export async function writeCoverage(
  tables: SheetOutputTable | readonly SheetOutputTable[],
  onProgress: ProgressFn = noProgress,
  options: CoverageWriteOptions = {},
): Promise<{ sheetName: string }> {
  const list: readonly SheetOutputTable[] = Array.isArray(tables) ? tables : [tables as SheetOutputTable];
  const single = !Array.isArray(tables);
  const sheetName = options.sheetName ?? (single ? sheetNameFor((tables as SheetOutputTable).title) : SHEETS.coverage);
  const t = excelStrings(options.lang);
  const totalRows = list.reduce((n, tb) => n + tb.rows.length, 0);

  await Excel.run(async (context) => {
    const { sheet } = await freshSheet(context, sheetName);

    const batch = new SyncBatch(context);
    let row = 0;
    let widest = 0;
    let written = 0;
    let chartSpec: { table: SheetOutputTable; category: number; value: number; title?: string } | null = null;
    for (const table of list) {
      const kinds = table.columns.map((c) => columnKind(c.type));
      const width = Math.max(1, table.columns.length);
      widest = Math.max(widest, width);
      await batch.room(table.title.length + 100);
      writeTextBlock(sheet.getRangeByIndexes(row, 0, 1, 1), [[table.title]]);
      sheet.getRangeByIndexes(row, 0, 1, 1).format.font.bold = true;
      sheet.getRangeByIndexes(row, 0, 1, 1).format.font.size = 13;
      const headerRow = row + 1;
      const labels = table.columns.map((c) => c.label);
      if (labels.length) {
        writeTextBlock(sheet.getRangeByIndexes(headerRow, 0, 1, labels.length), [labels]);
        const header = sheet.getRangeByIndexes(headerRow, 0, 1, labels.length).format;
        header.font.bold = true;
        header.fill.color = HEADER_FILL;
        header.wrapText = true;
      }
      const first = headerRow + 1;
      for (let start = 0; start < table.rows.length; start += 5_000) {
        const block = table.rows.slice(start, start + 5_000);
        await batch.room(JSON.stringify(block).length);
        writeTypedBlock(sheet, first + start, 0, block, kinds);
        written += block.length;
        onProgress(written, totalRows, t.writingCoverage);
      }
      if (table.rows.length) {
        conditionalFormats(sheet, table, first, options);
        const spec = chartFor(table, options);
        if (spec && !chartSpec) chartSpec = { table, ...spec };
      }
      row = first + table.rows.length + 1;
    }
    for (let c = 0; c < widest; c++) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = c < 2 ? 110 : 90;

    if (chartSpec) {
      const summary = sumBy(chartSpec.table.rows, chartSpec.category, chartSpec.value);
      if (summary.length) {
        const col = widest + 1;
        const category = chartSpec.table.columns[chartSpec.category]!.label;
        const value = chartSpec.table.columns[chartSpec.value]!.label;
        writeTextBlock(sheet.getRangeByIndexes(0, col, 1, 2), [[category, value]]);
        sheet.getRangeByIndexes(0, col, 1, 2).format.font.bold = true;
        writeTypedBlock(sheet, 1, col, summary, [{ kind: "text" }, { kind: "number", format: FORMATS.integer }]);
        const source = sheet.getRangeByIndexes(0, col, summary.length + 1, 2);
        const chart = sheet.charts.add("ColumnClustered", source, "Columns");
        chart.name = CHART_NAME;
        chart.title.text = chartSpec.title ?? t.chartTitle(value, category);
        chart.legend.visible = false;
        chart.setPosition(cellAddress(summary.length + 3, col), cellAddress(summary.length + 22, col + 7));
      }
    }
    await batch.flush();
    onProgress(totalRows, totalRows, t.writingCoverage);
  });
  return { sheetName };
}

/** A sheet name from a title: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetNameFor(title: string): string {
  const clean = title.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  return (clean || SHEETS.coverage).slice(0, 31).trim();
}

function conditionalFormats(sheet: Excel.Worksheet, table: SheetOutputTable, firstRow: number, options: CoverageWriteOptions): void {
  const met = new Set(options.met ?? []);
  const gap = new Set(options.gap ?? table.columns.filter((c) => c.key.startsWith("kekurangan")).map((c) => c.key));
  table.columns.forEach((column, i) => {
    const range = sheet.getRangeByIndexes(firstRow, i, table.rows.length, 1);
    const top = `${columnLetters(i)}${firstRow + 1}`;
    if (met.has(column.key)) {
      const yes = range.conditionalFormats.add("Custom");
      yes.custom.rule.formula = `=OR(${top}=TRUE,${top}="Y")`;
      yes.custom.format.fill.color = MET_FILL;
      const no = range.conditionalFormats.add("Custom");
      no.custom.rule.formula = `=OR(${top}=FALSE,${top}="N")`;
      no.custom.format.fill.color = GAP_FILL;
    } else if (gap.has(column.key)) {
      const short = range.conditionalFormats.add("CellValue");
      short.cellValue.rule = { formula1: "0", operator: "GreaterThan" };
      short.cellValue.format.fill.color = GAP_FILL;
      const none = range.conditionalFormats.add("CellValue");
      none.cellValue.rule = { formula1: "0", operator: "EqualTo" };
      none.cellValue.format.fill.color = MET_FILL;
    }
  });
}

function chartFor(table: SheetOutputTable, options: CoverageWriteOptions): { category: number; value: number; title?: string } | null {
  if (options.chart === false) return null;
  const index = (key: string) => table.columns.findIndex((c) => c.key === key);
  if (options.chart) {
    const category = index(options.chart.category);
    const value = index(options.chart.value);
    return category >= 0 && value >= 0 ? { category, value, ...(options.chart.title ? { title: options.chart.title } : {}) } : null;
  }
  const gapKeys = options.gap ?? table.columns.filter((c) => c.key.startsWith("kekurangan")).map((c) => c.key);
  const value = gapKeys.map(index).find((i) => i >= 0);
  const category = CATEGORY_KEYS.map(index).find((i) => i >= 0);
  return value !== undefined && category !== undefined ? { category, value } : null;
}

/** Sum of `value` per `category`, largest first. */
function sumBy(rows: readonly Cell[][], category: number, value: number): Cell[][] {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const key = r[category];
    const v = r[value];
    if (key === null || key === undefined || typeof v !== "number") continue;
    sums.set(String(key), (sums.get(String(key)) ?? 0) + v);
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v]);
}
