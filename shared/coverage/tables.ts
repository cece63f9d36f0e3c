import type { CoverageColumn, CoverageLevel, CoverageTable, Label } from "../api/coverage";
import type { JenisStandar, JenisTenaga } from "../reference/codes";
import type { CoverageFacility } from "./facility";
import type { Figures } from "./figures";
import { INDICATORS, memberKey, profesiIndicators, standarIndicators, wilayahColumns, type AppliesTo } from "./indicators";
import { key } from "./keys";
import { professionLabel } from "./professions";

type Cell = string | number | null;
const col = (k: string, id: string, en: string, type: CoverageColumn["type"] = "integer"): CoverageColumn => ({
  key: k,
  label: { id, en },
  type,
});

/** A figure column of a per-member table and the figure key it reads for a member. */
type PerMember<M extends string> = { column: CoverageColumn; figure: (member: M) => string };

/** A unit row's figures, plus the facility when the rows are facilities. */
export interface UnitFigures {
  kode: string;
  nama: string | null;
  facility: CoverageFacility | null;
  figures: Figures;
}

const UNIT_LABEL: Record<CoverageLevel, Label> = {
  facility: { id: "Kode fasyankes", en: "Facility code" },
  kecamatan: { id: "Kode kecamatan", en: "District code" },
  regency: { id: "Kode kabupaten/kota", en: "Regency code" },
  province: { id: "Kode provinsi", en: "Province code" },
  national: { id: "Kode", en: "Code" },
};

function unitColumns(level: CoverageLevel): CoverageColumn[] {
  const cols = [
    { key: "kode", label: UNIT_LABEL[level], type: "text" as const },
    col("nama", "Nama", "Name", "text"),
  ];
  if (level === "facility") {
    cols.push(
      col("jenis_fasyankes", "Jenis fasyankes", "Facility kind", "text"),
      col("kode_wilayah", "Kode kabupaten/kota", "Regency code", "text"),
      col("kecamatan", "Kode kecamatan", "District code", "text"),
      col("kategori", "Kategori puskesmas", "Puskesmas category", "text"),
      col("rawat_inap", "Rawat inap (Y/N)", "Inpatient (Y/N)", "text"),
      col("poned", "PONED (Y/N)", "PONED (Y/N)", "text"),
    );
  }
  return cols;
}

function unitCells(level: CoverageLevel, u: UnitFigures): Cell[] {
  const cells: Cell[] = [u.kode, u.nama];
  if (level === "facility") {
    const f = u.facility;
    const yn = (b: boolean | undefined) => (b === undefined ? null : b ? "Y" : "N");
    cells.push(f?.jenis ?? null, f?.kode_wilayah ?? null, f?.kecamatan ?? null, f?.kategori ?? null, yn(f?.rawat_inap), yn(f?.poned));
  }
  return cells;
}

/**
 * The figures a facility row leaves null (indicators.ts appliesTo), not 0: a hospital has no "9
 * jenis", a puskesmas without PONED is not "not ready", one without a category is not assessed; a
 * facility without a roster has nothing but that.
 */
function notApplicable(f: CoverageFacility | null, figures: Figures): Set<string> {
  const na = new Set<string>();
  if (f === null) return na;
  const puskesmas = f.jenis === "PUSKESMAS";
  const applies: Record<AppliesTo, boolean> = {
    all: true,
    puskesmas,
    poned: puskesmas && f.poned,
    assessed: puskesmas && figures[key.dinilai] !== 0,
  };
  for (const i of INDICATORS) {
    if (figures[key.tanpaRoster] === 1 ? i.key !== key.tanpaRoster : !applies[i.appliesTo]) na.add(i.key);
  }
  return na;
}

export function wilayahTable(level: CoverageLevel, units: readonly UnitFigures[]): CoverageTable {
  const figures = wilayahColumns();
  return {
    label: { id: "Cakupan per wilayah", en: "Coverage by area" },
    columns: [...unitColumns(level), ...figures],
    rows: units.map((u) => {
      const na = notApplicable(u.facility, u.figures);
      return [...unitCells(level, u), ...figures.map((c) => (na.has(c.key) ? null : (u.figures[c.key] ?? null)))];
    }),
  };
}

/** The profesi table's figure columns: the families declared `profesi` (indicators.ts), in list order. */
function profesiFigures(): PerMember<JenisTenaga>[] {
  return profesiIndicators().map((i) => ({ column: { key: i.key, label: i.label, type: i.type }, figure: (j) => memberKey(i, j) }));
}

/** One row per unit and profession that the unit has any of (count or any other figure not 0). */
export function profesiTable(level: CoverageLevel, units: readonly UnitFigures[], jenis: readonly JenisTenaga[]): CoverageTable {
  const figures = profesiFigures();
  const rows: Cell[][] = [];
  for (const u of units) {
    for (const j of jenis) {
      const values = figures.map((p) => u.figures[p.figure(j)] ?? null);
      const counts = figures.map((p, i) => (p.column.type === "integer" ? values[i] : null));
      if (!counts.some((v) => typeof v === "number" && v !== 0)) continue;
      rows.push([u.kode, u.nama, j, professionLabel(j), ...values]);
    }
  }
  return {
    label: { id: "Cakupan per jenis tenaga", en: "Coverage by profession" },
    columns: [
      { key: "kode", label: UNIT_LABEL[level], type: "text" },
      col("nama", "Nama", "Name", "text"),
      col("jenis_tenaga", "Kode jenis tenaga", "Profession code", "text"),
      col("profesi", "Jenis tenaga", "Profession", "text"),
      ...figures.map((p) => p.column),
    ],
    rows,
  };
}

/** The standar table's figure columns: the families declared `standar` (indicators.ts), in list order, under their column keys. */
function standarFigures(): PerMember<JenisStandar>[] {
  return standarIndicators().map((i) => ({ column: { key: i.standar ?? i.key, label: i.label, type: i.type }, figure: (s) => memberKey(i, s) }));
}

/** One row per unit and standard jenis, for units with at least one puskesmas assessed. */
export function standarTable(level: CoverageLevel, units: readonly UnitFigures[], standar: readonly JenisStandar[]): CoverageTable {
  const figures = standarFigures();
  const rows: Cell[][] = [];
  for (const u of units) {
    for (const s of standar) {
      if (!u.figures[key.standarDinilai(s)]) continue;
      rows.push([u.kode, u.nama, s, ...figures.map((p) => u.figures[p.figure(s)] ?? null)]);
    }
  }
  return {
    label: { id: "Standar ketenagaan puskesmas", en: "Puskesmas staffing standard" },
    columns: [
      { key: "kode", label: UNIT_LABEL[level], type: "text" },
      col("nama", "Nama", "Name", "text"),
      col("jenis", "Jenis (standar)", "Kind (standard)", "text"),
      ...figures.map((p) => p.column),
    ],
    rows,
  };
}
