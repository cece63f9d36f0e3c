import type { CoverageResponse } from "../../shared/api/coverage";
import type { Lang } from "../../shared/schema/issue";
import { parseDate, parseIndicator, parseLevel, parseRegion, parseStandardJenis } from "./args";
import { badArgument, notAvailable } from "./errors";
import type { CoverageSource } from "./source";

/**
 * What the three functions compute, free of office.js: arguments in, a value out, or a thrown
 * FunctionError (#VALUE! before any request, #N/A when the API has no answer).
 */

export type CellValue = string | number;

/** A region the API knows nothing of answers with no facility at all, roster or not. */
function requireKnownRegion(region: string, r: CoverageResponse): void {
  const facilities = (r.figures["fasyankes"] ?? 0) + (r.figures["fasyankes_tanpa_roster"] ?? 0);
  if (facilities === 0 && r.tables.wilayah.rows.length === 0) {
    throw notAvailable(`Wilayah ${region} tidak dikenal atau tidak punya fasyankes.`, `Region ${region} is unknown or has no facilities.`);
  }
}

function figureOf(region: string, r: CoverageResponse, key: string): number {
  requireKnownRegion(region, r);
  if (!(key in r.figures)) {
    throw notAvailable(`Indikator ${key} tidak ada pada set standar aktif (${r.standard_set}).`, `Indicator ${key} is not in the active standard set (${r.standard_set}).`);
  }
  const value = r.figures[key];
  if (value === null || value === undefined) {
    throw notAvailable(
      `${key} tidak dapat dihitung untuk ${region} (mis. data penduduk atau puskesmas tidak ada).`,
      `${key} cannot be computed for ${region} (e.g. no population or no puskesmas).`,
    );
  }
  return value;
}

export async function cakupan(source: CoverageSource, wilayah: unknown, indikator: unknown, jenisTenaga?: unknown, tanggal?: unknown): Promise<number> {
  const region = parseRegion(wilayah);
  const key = parseIndicator(indikator, jenisTenaga);
  const asOf = parseDate(tanggal);
  return figureOf(region, await source.figures(region, asOf), key);
}

export async function gap(source: CoverageSource, wilayah: unknown, jenisTenaga: unknown, tanggal?: unknown): Promise<number> {
  const region = parseRegion(wilayah);
  if (typeof jenisTenaga !== "string" || jenisTenaga.trim() === "") {
    throw badArgument("jenis_tenaga kosong: mis. \"BIDAN\", atau \"SEMUA\" untuk seluruh jenis", "jenis_tenaga is empty: e.g. \"BIDAN\", or \"SEMUA\" for all professions");
  }
  const jenis = /^(semua|all)$/i.test(jenisTenaga.trim()) ? null : parseStandardJenis(jenisTenaga);
  const asOf = parseDate(tanggal);
  return figureOf(region, await source.figures(region, asOf), jenis === null ? "kekurangan" : `kekurangan.${jenis}`);
}

/** The region's coverage table: a header row of column labels, then one row per unit. */
export async function tabel(source: CoverageSource, lang: Lang, wilayah: unknown, level?: unknown, tanggal?: unknown): Promise<CellValue[][]> {
  const region = parseRegion(wilayah);
  const lvl = parseLevel(level, region);
  const asOf = parseDate(tanggal);
  const r = await source.table(region, lvl, asOf);
  requireKnownRegion(region, r);
  const { columns, rows } = r.tables.wilayah;
  // Excel shows null in a spilled array as 0: an empty string keeps "unknown" apart from zero.
  return [columns.map((c) => c.label[lang]), ...rows.map((row) => row.map((v) => v ?? ""))];
}
