import type { Lang } from "../../shared/schema/issue";
import type { Reference } from "../../shared/reference/index";
import { matchHeaders } from "../../shared/table/headers";
import { absoluteColumnSpan } from "./a1";
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
  /** The facility master, when the pane has it: kode_fasyankes then gets a dropdown too. */
  facilities?: readonly { kode: string; nama?: string | null }[];
  /** Rows below the header prepared with formats and dropdowns (default 2,000). */
  rows?: number;
}

/** Columns whose values are dates: shown day first, as Indonesia writes them. */
const DATE_COLUMNS = new Set(["tanggal_lahir", "str_berlaku_sampai", "sip_berlaku_sampai", "tmt_penugasan"]);
const DATE_FORMAT = "dd/mm/yyyy";
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
  if (facilities?.length) out.push({ key: "kode_fasyankes", title: t.lists.fasyankes, items: facilities.map((f) => ({ code: f.kode, label: f.nama ?? "" })) });
  return out;
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

    const dropdown = (range: Excel.Range, source: string) => {
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: t.listAlert.title, message: t.listAlert.message };
      range.dataValidation.prompt = { showPrompt: true, title: t.listPrompt.title, message: t.listPrompt.message };
    };

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
