import { LIST_COLUMNS, type ListKind, type ListResponse, type PlacementResponse } from "../../shared/api/tindak-lanjut";
import type { Cell } from "../../shared/schema/cell";
import type { ActionColumn, ActionColumnType, ActionListSheet, PlacementSheet } from "../excel/tindak-lanjut";
import type { Strings } from "../i18n";

/**
 * The one place that knows the shapes of GET /v1/tindak-lanjut and POST /v1/penempatan on the add-in
 * side (shared/api/tindak-lanjut.ts, SPEC §9): turns them into the tables the workbook layer writes
 * and the arrays NAKES.TINDAKLANJUT / NAKES.PENEMPATAN spill. Labels follow the UI language; codes
 * (jenis tenaga, status, kategori, pelatihan) stay codes, as the roster writes them.
 */

/**
 * Sheet and Excel table of each list and of the plan. The same in both languages, so a refresh finds
 * and replaces its own sheet whatever language the pane speaks (as addin/excel/strings.ts SHEETS).
 */
export const LIST_SHEETS: Readonly<Record<ListKind, { sheet: string; table: string }>> = {
  sip: { sheet: "Tindak lanjut SIP", table: "TindakLanjut_SIP" },
  str: { sheet: "Tindak lanjut STR", table: "TindakLanjut_STR" },
  penugasan: { sheet: "Tindak lanjut Penugasan", table: "TindakLanjut_Penugasan" },
  poned: { sheet: "Tindak lanjut PONED", table: "TindakLanjut_PONED" },
  pelatihan: { sheet: "Tindak lanjut Pelatihan", table: "TindakLanjut_Pelatihan" },
};
export const PLAN_SHEET = { sheet: "Rencana penempatan", table: "RencanaPenempatan" } as const;

/**
 * Rows whose `batas` falls within this many days after as_of are coloured amber (on or before as_of:
 * red). A display choice of the pane: SPEC §9 sorts by urgency but sets no colour bands.
 */
export const SOON_DAYS = 30;

/** The columns of the placement plan, in order (the keys of shared/api placementRowSchema). */
export const PLAN_COLUMNS = ["urutan", "kode_fasyankes", "nama_fasyankes", "kategori", "tambahan", "sebelum", "sesudah", "alasan"] as const;

const TYPES: Readonly<Record<string, ActionColumnType>> = {
  batas: "date",
  sip_berlaku_sampai: "date",
  str_berlaku_sampai: "date",
  tmt_penugasan: "date",
  akhir_masa: "date",
  sisa_hari: "integer",
  kekurangan_setelah_pergi: "integer",
  urutan: "integer",
  tambahan: "integer",
  sebelum: "integer",
  sesudah: "integer",
};

/** A column's label and type: the label in the UI language, the key itself where no label exists. */
export function columnOf(key: string, t: Strings): ActionColumn {
  return { key, label: t.tindak.columns[key] ?? key, type: TYPES[key] ?? "text" };
}

/** One cell of a row: state codes as words, the PONED team's missing professions joined, null as blank. */
function cellOf(key: string, value: unknown, t: Strings): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(", ");
  if (key === "keadaan" && typeof value === "string") return t.tindak.states[value] ?? value;
  return typeof value === "number" || typeof value === "boolean" ? value : String(value);
}

/** A list's columns (LIST_COLUMNS order) and its rows as cells, dates as ISO strings. */
export function listTable(response: ListResponse, t: Strings): { columns: ActionColumn[]; rows: Cell[][] } {
  const keys = LIST_COLUMNS[response.list];
  const rows = (response.rows as readonly Record<string, unknown>[]).map((row) => keys.map((k) => cellOf(k, row[k], t)));
  return { columns: keys.map((k) => columnOf(k, t)), rows };
}

/** The plan's columns (PLAN_COLUMNS) and its rows, in placement order. */
export function planTable(response: PlacementResponse, t: Strings): { columns: ActionColumn[]; rows: Cell[][] } {
  const rows = response.rows.map((row) => PLAN_COLUMNS.map((k) => cellOf(k, row[k], t)));
  return { columns: PLAN_COLUMNS.map((k) => columnOf(k, t)), rows };
}

/** The sheet of one list, titled with the list, the region as the user chose it and the date. */
export function listToSheet(response: ListResponse, regionLabel: string, t: Strings): ActionListSheet {
  const { sheet, table } = LIST_SHEETS[response.list];
  return {
    sheetName: sheet,
    tableName: table,
    title: t.tindak.title(t.tindak.lists[response.list], regionLabel, response.as_of),
    ...listTable(response, t),
    urgency: { column: "batas", asOf: response.as_of, soonDays: SOON_DAYS },
  };
}

/** The plan's sheet: table, indicators before and after, and the chart of each puskesmas's gap. */
export function planToSheet(response: PlacementResponse, regionLabel: string, jenisLabel: string, t: Strings): PlacementSheet {
  const names = t.tindak.indicatorNames;
  const { sebelum, sesudah } = response.indikator;
  return {
    sheetName: PLAN_SHEET.sheet,
    tableName: PLAN_SHEET.table,
    title: t.tindak.planSheetTitle(response.jumlah, jenisLabel, regionLabel, response.as_of, response.cakrawala),
    ...planTable(response, t),
    indicators: {
      title: t.tindak.indicators,
      header: t.tindak.indicatorHeader,
      rows: [
        [names.puskesmas, sebelum.puskesmas, sesudah.puskesmas],
        [names.tanpa_dokter, sebelum.tanpa_dokter, sesudah.tanpa_dokter],
        [names.sembilan_jenis_lengkap, sebelum.sembilan_jenis_lengkap, sesudah.sembilan_jenis_lengkap],
        [names.kekurangan(jenisLabel), sebelum.kekurangan, sesudah.kekurangan],
      ],
    },
    chart: { title: t.tindak.chartTitle(jenisLabel), category: "nama_fasyankes", before: "sebelum", after: "sesudah" },
  };
}
