import type { Issue, Lang } from "../../shared/schema/issue";
import { columnLabel, type TableKind } from "../../shared/table/columns";
import { fromIso, toIso } from "../../shared/normalize/calendar";
import { fromExcelSerial } from "../../shared/normalize/dates";
import { parseArea, sheetReference } from "./a1";
import { DATE_COLUMNS, DATE_FORMAT } from "./date-columns";
import { jsonBytes, SyncBatch } from "./budget";
import { noProgress } from "./host";
import { asText, writeTextBlock } from "./safety";
import { excelStrings, SHEETS } from "./strings";
import type { IssueCell, ProgressFn } from "./types";

/**
 * The "Hasil Validasi" sheet: one row per issue (located or not), a link from each to its cell.
 * Replaced in place on every run. Every text is written into "@" cells, so a value or message
 * such as "=HYPERLINK(…)" stays text; the row number is a number, and the value of a date column
 * is a date (a day-first date cell, never its serial: SPEC §3.1 dates).
 */

const ROWS_PER_BLOCK = 5_000;
/** The link object of one hyperlink beyond its two strings (field names, screen tip); the range path is in COMMAND_OVERHEAD_BYTES. */
const HYPERLINK_BYTES = 80;
const WIDTHS = [90, 70, 45, 120, 120, 70, 150, 420];

export async function writeResults(
  issues: readonly Issue[],
  cells: readonly IssueCell[],
  lang: Lang = "id",
  onProgress: ProgressFn = noProgress,
): Promise<void> {
  const t = excelStrings(lang);
  const h = t.resultHeaders;
  const at = new Map<Issue, IssueCell>();
  for (const c of cells) at.set(c.issue, c);

  const headers = [h.cell, h.table, h.row, h.column, h.value, h.severity, h.code, h.message];
  const rows: string[][] = [];
  const rowNumbers: (number | "")[] = [];
  const dates: (string | null)[] = [];
  const links: { row: number; reference: string; text: string }[] = [];
  for (const issue of issues) {
    const cell = at.get(issue);
    const area = cell ? parseArea(cell.address) : null;
    const place = cell ? `${cell.sheetName}!${cell.address}` : "";
    if (cell) links.push({ row: rows.length + 1, reference: sheetReference(cell.sheetName, cell.address), text: place });
    rows.push([
      place,
      issue.table === "nakes" || issue.table === "pelatihan" ? t.tableLabel[issue.table] : issue.table,
      "",
      columnText(issue, lang),
      asText(issue.value),
      t.severity[issue.severity],
      issue.code,
      issue.message,
    ]);
    rowNumbers.push(area ? area.row + 1 : "");
    dates.push(dateOf(issue));
  }
  if (!rows.length) {
    rows.push(["", "", "", "", "", "", "", t.noFindings]);
    rowNumbers.push("");
  }

  await Excel.run(async (context) => {
    const found = context.workbook.worksheets.getItemOrNullObject(SHEETS.results);
    await context.sync();
    const sheet = found.isNullObject ? context.workbook.worksheets.add(SHEETS.results) : found;
    if (!found.isNullObject) {
      // The filter of the previous run goes first (only if there is one: the user may have removed it).
      const filter = sheet.autoFilter.load("enabled");
      await context.sync();
      if (filter.enabled) sheet.autoFilter.remove();
      sheet.getRange().clear("All");
    }
    const batch = new SyncBatch(context);
    const total = rows.length + links.length;
    let done = 0;

    await batch.room(jsonBytes(headers));
    writeTextBlock(sheet.getRangeByIndexes(0, 0, 1, headers.length), [headers]);
    for (let start = 0; start < rows.length; start += ROWS_PER_BLOCK) {
      const block = rows.slice(start, start + ROWS_PER_BLOCK);
      const numbers = rowNumbers.slice(start, start + ROWS_PER_BLOCK);
      const blockDates = dates.slice(start, start + ROWS_PER_BLOCK);
      const anyDate = blockDates.some((d) => d !== null);
      // With dates, the value column goes twice (as text, then with its dates) beside one format per cell.
      await batch.room(jsonBytes(block) + jsonBytes(numbers) + (anyDate ? jsonBytes(block.map((r) => r[4])) + blockDates.length * 14 : 0));
      writeTextBlock(sheet.getRangeByIndexes(1 + start, 0, block.length, 2), block.map((r) => r.slice(0, 2)));
      // The row number stays a number, so the sheet sorts and filters by it.
      sheet.getRangeByIndexes(1 + start, 2, block.length, 1).values = numbers.map((n) => [n]);
      writeTextBlock(sheet.getRangeByIndexes(1 + start, 3, block.length, 5), block.map((r) => r.slice(3)));
      if (anyDate) {
        // Date values: a date format on their cells, then the ISO date, which Excel reads as that day in the
        // workbook's own date system (1900 or 1904); every other cell of the column stays text.
        const values = sheet.getRangeByIndexes(1 + start, 4, block.length, 1);
        values.numberFormat = blockDates.map((d) => [d === null ? "@" : DATE_FORMAT]);
        values.values = blockDates.map((d, i) => [d ?? block[i]![4]!]);
      }
      done += block.length;
      onProgress(done, total, t.writingResults);
    }
    for (const link of links) {
      await batch.room(HYPERLINK_BYTES + link.reference.length + link.text.length);
      sheet.getRangeByIndexes(link.row, 0, 1, 1).hyperlink = { documentReference: link.reference, textToDisplay: link.text, screenTip: t.goToCell };
      if (++done % 1_000 === 0) onProgress(done, total, t.writingResults);
    }

    // Formats after the values.
    const header = sheet.getRangeByIndexes(0, 0, 1, headers.length);
    header.format.font.bold = true;
    header.format.fill.color = "#D9E1F2";
    WIDTHS.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w));
    sheet.freezePanes.freezeRows(1);
    sheet.autoFilter.apply(sheet.getRangeByIndexes(0, 0, rows.length + 1, headers.length));
    await batch.flush();
    onProgress(total, total, t.writingResults);
  });
}

/**
 * The ISO date an issue's value stands for, when it sits in a date column and is a date: a 1900-system
 * serial (as the add-in reads a date cell, a 1904 workbook's already converted) or an ISO date. Else null.
 */
function dateOf(issue: Issue): string | null {
  if (issue.column === null || !DATE_COLUMNS.has(issue.column)) return null;
  const v = issue.value;
  if (typeof v === "number") {
    const packed = fromExcelSerial(v);
    return packed > 0 ? toIso(packed) : null;
  }
  if (typeof v === "string" && fromIso(v.trim()) > 0) return v.trim();
  return null;
}

/** The column as the user knows it: its header for roster keys, the header text for header issues. */
function columnText(issue: Issue, lang: Lang): string {
  if (issue.column === null) return "";
  if (!SHEET_TABLES.has(issue.table)) return issue.column;
  // header.unknown and header.duplicate name the header as the user wrote it.
  if (issue.code === "header.unknown" || issue.code === "header.duplicate") return issue.column;
  return columnLabel(issue.table as TableKind, issue.column, lang);
}

const SHEET_TABLES = new Set<string>(["nakes", "pelatihan", "fasyankes", "penduduk"]);
