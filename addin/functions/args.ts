import { coverageLevelSchema, coverageRegionSchema, type CoverageLevel } from "../../shared/api/coverage";
import { listKindSchema, placementRequestSchema, type ListKind } from "../../shared/api/tindak-lanjut";
import { deriveFigures, professionsFor } from "../../shared/coverage/figures";
import { standardJenisOf } from "../../shared/coverage/standard";
import { levelFitsRegion, levelOfRegion } from "../../shared/coverage/units";
import { jenisTenagaSchema, type JenisStandar } from "../../shared/reference/codes";
import { toIso } from "../../shared/normalize/calendar";
import { DATE_LIFETIME, DATE_UNREADABLE, readDate } from "../../shared/normalize/dates";
import { badArgument } from "./errors";

/**
 * Turns what Excel passes (strings, numbers, booleans, null for an omitted or empty argument) into a
 * valid coverage question, or throws #VALUE! with a message: nothing here sends a request.
 */

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A region code: typed as text ("1706") or as a number (1706) when Excel turned it into one. */
export function parseRegion(v: unknown): string {
  const raw = typeof v === "number" && Number.isInteger(v) && v > 0 ? String(v) : typeof v === "string" ? v.trim().toUpperCase() : "";
  if (isBlank(v) || !coverageRegionSchema.safeParse(raw).success) {
    throw badArgument(
      `wilayah "${String(v ?? "")}" bukan kode wilayah (2, 4 atau 6 digit, mis. "1706") atau kode fasyankes`,
      `wilayah "${String(v ?? "")}" is not a region code (2, 4 or 6 digits, e.g. "1706") or a facility code`,
    );
  }
  return raw;
}

/**
 * A date: an Excel date (a serial number of a whole day), or text as a roster's date cells are read
 * (ISO "2026-11-01", day-first "01/11/2026", "1 November 2026": the shared reader, SPEC §3.1);
 * blank means today (the API's default, today in the region's zone). A whole number that reads
 * as a year (2026) is a year, not a date.
 */
export function parseDate(v: unknown): string | undefined {
  if (isBlank(v)) return undefined;
  const wholeDay = typeof v === "number" ? Number.isInteger(v) : typeof v === "string";
  const packed = wholeDay ? readDate(v as string | number) : DATE_UNREADABLE;
  // Empty, lifetime and the negative reasons are all "no date" here; a packed date is ≥ 10000101.
  if (packed <= DATE_LIFETIME) {
    throw badArgument(
      `tanggal "${String(v)}" tidak dikenali: pakai sel tanggal, "2026-11-01" atau "01/11/2026"`,
      `tanggal "${String(v)}" is not a date: use a date cell, "2026-11-01" or "01/11/2026"`,
    );
  }
  return toIso(packed);
}

const LEVEL_ALIASES: Record<string, CoverageLevel> = {
  fasyankes: "facility",
  faskes: "facility",
  kabupaten: "regency",
  kota: "regency",
  kabkota: "regency",
  provinsi: "province",
  nasional: "national",
};

/** A level in English or Indonesian; blank is one level below the region (the API's default). */
export function parseLevel(v: unknown, region: string): CoverageLevel | undefined {
  if (isBlank(v)) return undefined;
  const word = typeof v === "string" ? v.trim().toLowerCase() : "";
  const level = LEVEL_ALIASES[word] ?? coverageLevelSchema.safeParse(word).data;
  if (level === undefined) {
    throw badArgument(
      `level "${String(v)}" tidak dikenal: fasyankes, kecamatan, kabupaten, provinsi atau nasional`,
      `level "${String(v)}" is unknown: facility, kecamatan, regency, province or national`,
    );
  }
  if (!levelFitsRegion(level, region)) {
    throw badArgument(
      `level "${String(v)}" lebih kasar dari wilayah ${region} (${levelOfRegion(region)})`,
      `level "${String(v)}" is coarser than region ${region} (${levelOfRegion(region)})`,
    );
  }
  return level;
}

const ALL_JENIS: readonly string[] = [...jenisTenagaSchema.options, "KEFARMASIAN"];

function parseJenisWord(v: unknown): string {
  const word = typeof v === "string" ? v.trim().toUpperCase().replace(/[\s-]+/g, "_") : "";
  if (!ALL_JENIS.includes(word)) {
    throw badArgument(
      `jenis_tenaga "${String(v)}" tidak dikenal (mis. DOKTER, BIDAN, PERAWAT, KEFARMASIAN)`,
      `jenis_tenaga "${String(v)}" is unknown (e.g. DOKTER, BIDAN, PERAWAT, KEFARMASIAN)`,
    );
  }
  return word;
}

/** A profession as the staffing standard counts it (APOTEKER and TTK count as KEFARMASIAN). */
export function parseStandardJenis(v: unknown): JenisStandar | null {
  if (isBlank(v)) return null;
  const word = parseJenisWord(v);
  return word === "KEFARMASIAN" ? "KEFARMASIAN" : standardJenisOf(jenisTenagaSchema.parse(word));
}

/**
 * Every figure key the API can answer, whatever the active standard set: the figures of an empty
 * region with every profession shown and every standard jenis (APOTEKER and TTK as KEFARMASIAN). Lower-cased for a case-insensitive lookup.
 */
const KNOWN_KEYS: ReadonlyMap<string, string> = (() => {
  const standard = [...new Set(jenisTenagaSchema.options.map(standardJenisOf))];
  const keys = Object.keys(deriveFigures({}, null, professionsFor(null, standard), standard));
  return new Map(keys.map((k) => [k.toLowerCase(), k]));
})();

/** The figure key of `indikator`, with `.JENIS` appended when a profession is given. */
export function parseIndicator(indikator: unknown, jenis: unknown): string {
  const name = typeof indikator === "string" ? indikator.trim() : "";
  if (name === "") throw badArgument("indikator kosong (mis. \"puskesmas_tanpa_dokter\")", "indikator is empty (e.g. \"puskesmas_tanpa_dokter\")");
  const word = isBlank(jenis) ? null : parseJenisWord(jenis);
  const wanted = word === null ? name : `${name}.${word}`;
  // Standard figures (kekurangan, standar_terpenuhi …) count APOTEKER and TTK as KEFARMASIAN.
  const asStandard = word === null || word === "KEFARMASIAN" ? null : `${name}.${standardJenisOf(jenisTenagaSchema.parse(word))}`;
  const found = KNOWN_KEYS.get(wanted.toLowerCase()) ?? (asStandard === null ? undefined : KNOWN_KEYS.get(asStandard.toLowerCase()));
  if (found === undefined) {
    throw badArgument(
      `indikator "${wanted}" tidak dikenal (mis. nakes, puskesmas_tanpa_dokter, kekurangan.BIDAN, kepadatan_10k)`,
      `indikator "${wanted}" is unknown (e.g. nakes, puskesmas_tanpa_dokter, kekurangan.BIDAN, kepadatan_10k)`,
    );
  }
  return found;
}

/** A list of SPEC §9 by its API name, any case ("sip", "STR", "Penugasan", …). */
export function parseListKind(v: unknown): ListKind {
  const word = typeof v === "string" ? v.trim().toLowerCase() : "";
  const kind = listKindSchema.safeParse(word);
  if (!kind.success) {
    throw badArgument(
      `daftar "${String(v ?? "")}" tidak dikenal: sip, str, penugasan, poned atau pelatihan`,
      `daftar "${String(v ?? "")}" is not a list: sip, str, penugasan, poned or pelatihan`,
    );
  }
  return kind.data;
}

/** A placement region: a province, regency or kecamatan code (POST /v1/penempatan takes no facility). */
export function parsePlacementRegion(v: unknown): string {
  const region = parseRegion(v);
  if (!placementRequestSchema.shape.region.safeParse(region).success) {
    throw badArgument(
      `wilayah "${region}" harus kode wilayah (2, 4 atau 6 digit), bukan fasyankes: rencana penempatan disusun per wilayah`,
      `wilayah "${region}" must be a region code (2, 4 or 6 digits), not a facility: a placement plan is made per region`,
    );
  }
  return region;
}

/** The profession of a placement: required, as the staffing standard counts it. */
export function parsePlacementJenis(v: unknown): JenisStandar {
  const jenis = parseStandardJenis(v);
  if (jenis === null) throw badArgument('jenis_tenaga kosong: mis. "DOKTER" atau "BIDAN"', 'jenis_tenaga is empty: e.g. "DOKTER" or "BIDAN"');
  return jenis;
}

/** How many new staff: a whole number within the bounds of POST /v1/penempatan (text "10" accepted). */
export function parseCount(v: unknown): number {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : Number.NaN;
  const bounds = placementRequestSchema.shape.jumlah;
  if (!bounds.safeParse(n).success) {
    throw badArgument(
      `jumlah "${String(v ?? "")}" harus bilangan bulat 1 sampai 10.000`,
      `jumlah "${String(v ?? "")}" must be a whole number from 1 to 10,000`,
    );
  }
  return n;
}
