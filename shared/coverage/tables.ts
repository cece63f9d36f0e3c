import type { CoverageColumn, CoverageLevel, CoverageTable, Label } from "../api/coverage";
import type { JenisStandar, JenisTenaga } from "../reference/codes";
import type { CoverageFacility } from "./facility";
import type { FigurePlan, FigureRow, FigureValue } from "./figure-plan";
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

/** A unit row's figures (as a plan's values, figure-plan.ts), plus the facility when the rows are facilities. */
export interface UnitFigures {
  kode: string;
  nama: string | null;
  facility: CoverageFacility | null;
  figures: FigureRow;
}

/** A unit's figure by key: undefined where its plan has no such figure (or did not compute it). */
function figureOf(row: FigureRow, k: string): FigureValue | undefined {
  const s = row.plan.slotOf.get(k);
  return s === undefined ? undefined : row.at(s);
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
 * facility without a roster has nothing but that. Per wilayah column, the `appliesTo` of every
 * declaration with its key (a column is null where one of them does not apply).
 */
function appliesOf(columns: readonly CoverageColumn[]): AppliesTo[][] {
  const byKey = new Map<string, Set<AppliesTo>>();
  for (const i of INDICATORS) {
    let set = byKey.get(i.key);
    if (!set) byKey.set(i.key, (set = new Set()));
    set.add(i.appliesTo);
  }
  return columns.map((c) => [...(byKey.get(c.key) ?? [])]);
}

/** Whether each wilayah column (of `applies`, appliesOf) is null on this facility's row. */
function notApplicable(f: CoverageFacility, row: FigureRow, columns: readonly CoverageColumn[], applies: readonly AppliesTo[][]): boolean[] {
  const puskesmas = f.jenis === "PUSKESMAS";
  const holds: Record<AppliesTo, boolean> = {
    all: true,
    puskesmas,
    poned: puskesmas && f.poned,
    assessed: puskesmas && figureOf(row, key.dinilai) !== 0,
  };
  if (figureOf(row, key.tanpaRoster) === 1) return columns.map((c) => c.key !== key.tanpaRoster);
  return applies.map((a) => a.some((x) => !holds[x]));
}

/** The slots of some figure keys in a plan (-1: none). */
const slotsOf = (plan: FigurePlan, keys: readonly string[]) => keys.map((k) => plan.slotOf.get(k) ?? -1);

export function wilayahTable(level: CoverageLevel, units: readonly UnitFigures[]): CoverageTable {
  const figures = wilayahColumns();
  const applies = appliesOf(figures);
  const keys = figures.map((c) => c.key);
  let plan: FigurePlan | null = null;
  let slots: number[] = [];
  const rows: Cell[][] = [];
  for (const u of units) {
    if (u.figures.plan !== plan) slots = slotsOf((plan = u.figures.plan), keys);
    const na = u.facility === null ? null : notApplicable(u.facility, u.figures, figures, applies);
    const row = unitCells(level, u);
    for (let c = 0; c < slots.length; c++) {
      const s = slots[c]!;
      row.push(na?.[c] || s < 0 ? null : (u.figures.at(s) ?? null));
    }
    rows.push(row);
  }
  return {
    label: { id: "Cakupan per wilayah", en: "Coverage by area" },
    columns: [...unitColumns(level), ...figures],
    rows,
  };
}

/** The profesi table's figure columns: the families declared `profesi` (indicators.ts), in list order. */
function profesiFigures(): PerMember<JenisTenaga>[] {
  return profesiIndicators().map((i) => ({ column: { key: i.key, label: i.label, type: i.type }, figure: (j) => memberKey(i, j) }));
}

/** One row per unit and profession that the unit has any of (count or any other figure not 0). */
export function profesiTable(level: CoverageLevel, units: readonly UnitFigures[], jenis: readonly JenisTenaga[]): CoverageTable {
  const figures = profesiFigures();
  // The count columns decide whether a row shows; the others are computed only for rows shown.
  const counts = figures.map((p, c) => (p.column.type === "integer" ? c : -1)).filter((c) => c >= 0);
  const keys = jenis.map((j) => figures.map((p) => p.figure(j)));
  const labels = jenis.map(professionLabel);
  let plan: FigurePlan | null = null;
  let slots: number[][] = [];
  const rows: Cell[][] = [];
  for (const u of units) {
    if (u.figures.plan !== plan) {
      const now = (plan = u.figures.plan);
      slots = keys.map((k) => slotsOf(now, k));
    }
    const f = u.figures;
    for (let n = 0; n < jenis.length; n++) {
      const at = slots[n]!;
      let any = false;
      for (const c of counts) {
        const value = at[c]! < 0 ? null : f.at(at[c]!);
        if (typeof value === "number" && value !== 0) {
          any = true;
          break;
        }
      }
      if (!any) continue;
      const row: Cell[] = [u.kode, u.nama, jenis[n]!, labels[n]!];
      for (const s of at) row.push(s < 0 ? null : (f.at(s) ?? null));
      rows.push(row);
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
  const assessed = standar.map((s) => key.standarDinilai(s));
  const keys = standar.map((s) => figures.map((p) => p.figure(s)));
  let plan: FigurePlan | null = null;
  let slots: number[][] = [];
  let assessedSlots: number[] = [];
  const rows: Cell[][] = [];
  for (const u of units) {
    if (u.figures.plan !== plan) {
      const now = (plan = u.figures.plan);
      slots = keys.map((k) => slotsOf(now, k));
      assessedSlots = slotsOf(now, assessed);
    }
    const f = u.figures;
    for (let n = 0; n < standar.length; n++) {
      const a = assessedSlots[n]!;
      if (a < 0 || !f.at(a)) continue;
      const row: Cell[] = [u.kode, u.nama, standar[n]!];
      for (const s of slots[n]!) row.push(s < 0 ? null : (f.at(s) ?? null));
      rows.push(row);
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
