import type { Lang } from "../../shared/schema/issue";
import type { Reference } from "../../shared/reference/index";
import { matchHeaders } from "../../shared/table/headers";
import { absoluteColumnSpan } from "./a1";
import { DATE_COLUMNS, DATE_FORMAT } from "./date-columns";
import { facilityChoiceText, type FacilityChoice } from "./facility-choice";
import { noProgress } from "./host";
import { writeTextBlock } from "./safety";
import { excelStrings, SHEETS, TABLES, type ExcelStrings } from "./strings";
import type { ProgressFn, RosterTableName } from "./types";

/**
 * Inserts the roster template (SPEC §3): a Nakes and a Pelatihan sheet, each one Excel table with
 * the template headers; text-formatted columns (a NIK typed there stays 16 digits) formatted before
 * anything is written; dropdown lists for the coded columns, fed from a hidden "Referensi" sheet
 * filled from the reference data; frozen header row; widths that fit the content.
 *
 * A sheet (or table) that already exists is left as it is, rows and all; only the dropdowns of a
 * table it recognises are pointed at the refreshed lists.
 */

export interface TemplateOptions {
  lang?: Lang;
  /** The facility master, when the pane has it: kode_fasyankes then gets a dropdown by name too. */
  facilities?: readonly FacilityChoice[];
  /** Rows below the header prepared with formats and dropdowns (default 2,000). */
  rows?: number;
}

/** Numeric columns keep Excel's General format; every other column is text. */
const NUMBER_COLUMNS = new Set(["tahun"]);

const WIDTHS: Record<string, number> = {
  nik: 130,
  nip: 140,
  nama: 180,
  jenis_kelamin: 85,
  tanggal_lahir: 85,
  jenis_tenaga: 140,
  pendidikan: 110,
  status_kepegawaian: 140,
  kode_fasyankes: 100,
  no_str: 140,
  str_berlaku_sampai: 110,
  no_sip: 140,
  sip_berlaku_sampai: 110,
  tmt_penugasan: 95,
  keterangan: 220,
  kode_pelatihan: 160,
  tahun: 60,
  penyelenggara: 200,
};

interface List {
  /** The column key whose cells get this dropdown. */
  key: string;
  title: string;
  items: { code: string; label: string }[];
}

function lists(reference: Reference, t: ExcelStrings, lang: Lang, facilities: TemplateOptions["facilities"]): List[] {
  const out: List[] = [
    { key: "jenis_kelamin", title: t.lists.jenisKelamin, items: [{ code: "L", label: t.sexLabels.L }, { code: "P", label: t.sexLabels.P }] },
    { key: "jenis_tenaga", title: t.lists.jenisTenaga, items: reference.jenis_tenaga.map((p) => ({ code: p.code, label: p.label[lang] })) },
    { key: "pendidikan", title: t.lists.pendidikan, items: reference.pendidikan.map((p) => ({ code: p.code, label: p.label[lang] })) },
    { key: "status_kepegawaian", title: t.lists.status, items: reference.status_kepegawaian.map((s) => ({ code: s.code, label: s.label[lang] })) },
    { key: "kode_pelatihan", title: t.lists.pelatihan, items: reference.pelatihan.map((p) => ({ code: p.code, label: p.label[lang] })) },
  ];
  if (facilities?.length) out.push(facilityList(facilities, t));
  return out;
}

/** The kode_fasyankes list: what a pick writes ("Nama (kode)"), the code beside it. */
function facilityList(facilities: readonly FacilityChoice[], t: ExcelStrings): List {
  return { key: "kode_fasyankes", title: t.lists.fasyankes, items: facilities.map((f) => ({ code: facilityChoiceText(f), label: f.kode })) };
}

/** Points a column's cells at a list: a dropdown that warns (never refuses) on other values, which the validator judges. */
function setDropdown(range: Excel.Range, source: string, t: ExcelStrings): void {
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  range.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: t.listAlert.title, message: t.listAlert.message };
  range.dataValidation.prompt = { showPrompt: true, title: t.listPrompt.title, message: t.listPrompt.message };
}

export interface TemplateResult {
  /** Sheets created now. */
  created: string[];
  /** Sheets that were there already and were left alone (only their dropdowns refreshed). */
  kept: string[];
}

export async function insertTemplate(reference: Reference, onProgress: ProgressFn = noProgress, options: TemplateOptions = {}): Promise<TemplateResult> {
  const lang = options.lang ?? "id";
  const t = excelStrings(lang);
  const prepared = Math.max(1, options.rows ?? 2_000);
  const allLists = lists(reference, t, lang, options.facilities);
  const kinds: RosterTableName[] = ["nakes", "pelatihan"];
  const result: TemplateResult = { created: [], kept: [] };

  await Excel.run(async (context) => {
    const wb = context.workbook;
    onProgress(0, 3, t.template);
    const probes = kinds.map((kind) => ({
      kind,
      sheet: wb.worksheets.getItemOrNullObject(SHEETS[kind]),
      table: wb.tables.getItemOrNullObject(TABLES[kind]),
    }));
    const refSheet = wb.worksheets.getItemOrNullObject(SHEETS.reference);
    await context.sync();

    // Tables the user already has: their headers, to find the coded columns.
    const existing = probes
      .filter((p) => !p.table.isNullObject)
      .map((p) => ({ kind: p.kind, table: p.table, header: p.table.getHeaderRowRange().load("values,rowIndex,columnIndex"), body: p.table.getDataBodyRange().load("rowCount"), sheet: p.table.worksheet }));
    if (existing.length) await context.sync();
    onProgress(1, 3, t.template);

    // The lists, on the hidden Referensi sheet: code in one column, its label beside it.
    const ref = refSheet.isNullObject ? wb.worksheets.add(SHEETS.reference) : refSheet;
    if (!refSheet.isNullObject) ref.getRange().clear("All");
    const sources = new Map<string, string>();
    allLists.forEach((list, i) => {
      const col = i * 2;
      const rows = [[list.title, t.lists.label], ...list.items.map((item) => [item.code, item.label])];
      writeTextBlock(ref.getRangeByIndexes(0, col, rows.length, 2), rows);
      ref.getRangeByIndexes(0, col, 1, 2).format.font.bold = true;
      ref.getRangeByIndexes(0, col, 1, 1).format.columnWidth = 130;
      ref.getRangeByIndexes(0, col + 1, 1, 1).format.columnWidth = 260;
      if (list.items.length) sources.set(list.key, `=${absoluteColumnSpan(SHEETS.reference, col, 1, list.items.length)}`);
    });
    ref.visibility = "Hidden";

    const dropdown = (range: Excel.Range, source: string) => setDropdown(range, source, t);

    for (const p of probes) {
      const old = existing.find((e) => e.kind === p.kind);
      if (old) {
        result.kept.push(SHEETS[p.kind]);
        const headers = ((old.header.values[0] ?? []) as unknown[]).map((v) => String(v ?? ""));
        const keys = matchHeaders(headers, p.kind).keys;
        const rows = Math.max(old.body.rowCount, prepared);
        keys.forEach((key, i) => {
          const source = key ? sources.get(key) : undefined;
          if (source) dropdown(old.sheet.getRangeByIndexes(old.header.rowIndex + 1, old.header.columnIndex + i, rows, 1), source);
        });
        continue;
      }
      if (!p.sheet.isNullObject) {
        // The user's own sheet of that name: not ours to touch.
        result.kept.push(SHEETS[p.kind]);
        continue;
      }
      result.created.push(SHEETS[p.kind]);
      const columns = reference.kolom[p.kind];
      const sheet = wb.worksheets.add(SHEETS[p.kind]);
      // Formats first: a value typed later into a text column stays text.
      columns.forEach((c, i) => {
        const format = DATE_COLUMNS.has(c.key) ? DATE_FORMAT : NUMBER_COLUMNS.has(c.key) ? "General" : "@";
        sheet.getRangeByIndexes(1, i, prepared, 1).numberFormat = [[format]];
      });
      writeTextBlock(sheet.getRangeByIndexes(0, 0, 1, columns.length), [columns.map((c) => c.header)]);
      const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 1, columns.length), true);
      table.name = TABLES[p.kind];
      table.style = "TableStyleMedium2";
      columns.forEach((c, i) => {
        const source = sources.get(c.key);
        if (source) dropdown(sheet.getRangeByIndexes(1, i, prepared, 1), source);
        sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = WIDTHS[c.key] ?? Math.max(60, c.header.length * 7 + 20);
      });
      sheet.freezePanes.freezeRows(1);
    }
    if (result.created.includes(SHEETS.nakes)) wb.worksheets.getItem(SHEETS.nakes).activate();
    await context.sync();
    onProgress(3, 3, t.template);
  });
  return result;
}

/** Columns of the Referensi sheet a list takes: its choices, and the code or label beside them. */
const LIST_WIDTH = 2;
/** Rows of the Referensi sheet looked at for list titles. */
const TITLE_ROW = 0;

/**
 * Offers the facilities of the master (GET /v1/facilities) in the Nakes table's kode_fasyankes column, by name
 * (issue 13 item 8): `facilities` as GET /v1/facilities returns them (kode, nama); each choice
 * reads "Nama (kode)" and the reader keeps only the code (`facilityCodeOfChoice`). The list goes
 * into its own block of the hidden Referensi sheet (replacing an earlier one), so the other lists
 * stay as they are. Nothing happens without a Nakes table (insert the template first) or without
 * a kode_fasyankes column in it; an empty list removes nothing.
 *
 * Round trips: three. Returns the choices offered (0 when there was nowhere to offer them).
 */
export async function offerFacilities(
  facilities: readonly FacilityChoice[],
  onProgress: ProgressFn = noProgress,
  options: { lang?: Lang; rows?: number } = {},
): Promise<{ offered: number }> {
  const t = excelStrings(options.lang);
  const prepared = Math.max(1, options.rows ?? 2_000);
  if (!facilities.length) return { offered: 0 };
  return Excel.run(async (context) => {
    const wb = context.workbook;
    onProgress(0, 3, t.template);
    const table = wb.tables.getItemOrNullObject(TABLES.nakes);
    const refSheet = wb.worksheets.getItemOrNullObject(SHEETS.reference);
    await context.sync();
    if (table.isNullObject) return { offered: 0 };
    const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex");
    const body = table.getDataBodyRange().load("rowCount");
    const sheet = table.worksheet;
    const titles = refSheet.isNullObject ? null : refSheet.getUsedRangeOrNullObject(true).load("values,columnIndex,columnCount");
    await context.sync();
    onProgress(1, 3, t.template);
    const headers = ((header.values[0] ?? []) as unknown[]).map((v) => String(v ?? ""));
    const column = matchHeaders(headers, "nakes").keys.indexOf("kode_fasyankes");
    if (column < 0) return { offered: 0 };

    // The block of the facility list: where a list of that title is (in either language), else after the last list.
    const ref = refSheet.isNullObject ? wb.worksheets.add(SHEETS.reference) : refSheet;
    const known = new Set([excelStrings("id").lists.fasyankes, excelStrings("en").lists.fasyankes]);
    let at = 0;
    if (titles && !titles.isNullObject) {
      const row = (titles.values[TITLE_ROW] ?? []) as unknown[];
      const found = row.findIndex((v, i) => (i + titles.columnIndex) % LIST_WIDTH === 0 && known.has(String(v)));
      const end = titles.columnIndex + titles.columnCount;
      at = found >= 0 ? titles.columnIndex + found : end + ((LIST_WIDTH - (end % LIST_WIDTH)) % LIST_WIDTH);
      if (found >= 0) ref.getRangeByIndexes(0, at, 1_048_576, LIST_WIDTH).clear("All");
    }
    const list = facilityList(facilities, t);
    const rows = [[list.title, t.lists.code], ...list.items.map((item) => [item.code, item.label])];
    writeTextBlock(ref.getRangeByIndexes(0, at, rows.length, LIST_WIDTH), rows);
    ref.getRangeByIndexes(0, at, 1, LIST_WIDTH).format.font.bold = true;
    ref.getRangeByIndexes(0, at, 1, 1).format.columnWidth = 260;
    ref.visibility = "Hidden";
    const count = Math.max(body.rowCount, prepared);
    setDropdown(sheet.getRangeByIndexes(header.rowIndex + 1, header.columnIndex + column, count, 1), `=${absoluteColumnSpan(SHEETS.reference, at, 1, list.items.length)}`, t);
    await context.sync();
    onProgress(3, 3, t.template);
    return { offered: list.items.length };
  });
}
