import type { Lang } from "../../shared/schema/issue";
import { stringsFor } from "../i18n";
import { listTable, planTable } from "../tindak-lanjut/to-sheet";
import { parseCount, parseDate, parseListKind, parsePlacementJenis, parsePlacementRegion, parseRegion } from "./args";
import type { CellValue } from "./compute";
import type { FollowUpSource } from "./follow-up-source";

/**
 * NAKES.TINDAKLANJUT and NAKES.PENEMPATAN (issue 16 item 4), free of office.js: arguments in, a spilled
 * array out (a header row of column labels in the user's language, then one row per person or per
 * puskesmas, the columns of the pane's sheets), or a thrown FunctionError: #VALUE! for a bad argument
 * before any request, #N/A with the API's words when it refuses (an analyst token asking for a list of
 * people gets 403: SPEC §9) or cannot answer. Dates spill as ISO text ("2026-12-01"), which sorts and
 * reads the same in every locale; a spilled array has no cell formats to show a serial as a date.
 */

/** Excel shows null in a spilled array as 0: an empty string keeps "none" apart from zero. */
const spill = (columns: { label: string }[], rows: (string | number | boolean | null)[][]): CellValue[][] => [
  columns.map((c) => c.label),
  ...rows.map((row) => row.map((v) => (v === null ? "" : typeof v === "boolean" ? String(v) : v))),
];

/** `=NAKES.TINDAKLANJUT("1706"; "sip")`: the action list of a region (or one facility), most urgent first. */
export async function tindakLanjut(source: FollowUpSource, lang: Lang, wilayah: unknown, daftar: unknown, tanggal?: unknown): Promise<CellValue[][]> {
  const region = parseRegion(wilayah);
  const list = parseListKind(daftar);
  const asOf = parseDate(tanggal);
  const response = await source.list({ list, region, ...(asOf ? { as_of: asOf } : {}) });
  const { columns, rows } = listTable(response, stringsFor(lang));
  return spill(columns, rows);
}

/** `=NAKES.PENEMPATAN("1706"; "DOKTER"; 10)`: where N new staff of one profession go, in placement order. */
export async function penempatan(
  source: FollowUpSource,
  lang: Lang,
  wilayah: unknown,
  jenisTenaga: unknown,
  jumlah: unknown,
  tanggal?: unknown,
): Promise<CellValue[][]> {
  const region = parsePlacementRegion(wilayah);
  const jenis = parsePlacementJenis(jenisTenaga);
  const count = parseCount(jumlah);
  const asOf = parseDate(tanggal);
  const response = await source.plan({ region, jenis_tenaga: jenis, jumlah: count, ...(asOf ? { as_of: asOf } : {}) });
  const { columns, rows } = planTable(response, stringsFor(lang));
  return spill(columns, rows);
}
