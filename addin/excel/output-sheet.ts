import type { ColumnKind } from "./safety";
import type { OutputColumnType } from "./types";

/**
 * What every sheet the add-in fills from an API answer shares (Cakupan, Tindak lanjut, Rencana
 * penempatan): a sheet replaced in place, number formats per column type, the two fills.
 */

/** Number formats of the numeric output column types (shares are fractions 0…1, shown as %). */
export const OUTPUT_FORMATS: Record<Exclude<OutputColumnType, "text">, string> = { integer: "#,##0", number: "#,##0.00", share: "0.0%" };

/** Fill of a cell that meets its standard (green) and of one that falls short (red), as Excel's presets. */
export const MET_FILL = "#C6EFCE";
export const GAP_FILL = "#FFC7CE";
/** Header fill of every output table. */
export const HEADER_FILL = "#D9E1F2";

/** A column's format from the type the API gave it (a code such as "1706" stays text, a count an integer). */
export function columnKind(type: OutputColumnType): ColumnKind {
  return type === "text" ? { kind: "text" } : { kind: "number", format: OUTPUT_FORMATS[type] };
}

/**
 * The sheet `sheetName`, empty and ready for a new pull: added when missing, else kept (formulas
 * elsewhere that point into it keep working) with its charts, tables, conditional formats, contents
 * and formats removed. With `keep`, the table of that name on this sheet stays (it is refreshed in
 * place by the caller with Table.resize, so structured references such as `TindakLanjut_SIP[Nama]`
 * elsewhere keep pointing at it): its cells are emptied of contents and formats, never cleared as a
 * whole ("Clear All" over a whole table removes the table in Excel). Resolves to the sheet, the kept
 * table (null when there was none to keep) and the names of the tables removed (free again for the
 * new pull). Two `context.sync` round trips when the sheet exists, one when it does not.
 */
export async function freshSheet(
  context: Excel.RequestContext,
  sheetName: string,
  keep?: string,
): Promise<{ sheet: Excel.Worksheet; tables: string[]; kept: Excel.Table | null }> {
  const found = context.workbook.worksheets.getItemOrNullObject(sheetName);
  await context.sync();
  if (found.isNullObject) return { sheet: context.workbook.worksheets.add(sheetName), tables: [], kept: null };
  const charts = found.charts.load("items/name");
  const tables = found.tables.load("items/name");
  await context.sync();
  const kept = keep === undefined ? null : (tables.items.find((t) => t.name.toLowerCase() === keep.toLowerCase()) ?? null);
  for (const chart of charts.items) chart.delete();
  for (const table of tables.items) if (table !== kept) table.delete();
  found.getRange().conditionalFormats.clearAll();
  if (kept) {
    found.getRange().clear("Contents");
    found.getRange().clear("Formats");
  } else {
    found.getRange().clear("All");
  }
  return { sheet: found, tables: tables.items.filter((t) => t !== kept).map((t) => t.name), kept };
}
