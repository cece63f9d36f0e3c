import type { CoverageColumn, CoverageLevel, CoverageTable, Label } from "../api/coverage";
import type { JenisStandar, JenisTenaga } from "../reference/codes";
import { kodePelatihanSchema } from "../reference/codes";
import type { CoverageFacility } from "./facility";
import type { Figures } from "./figures";
import { key } from "./keys";
import { GROUP_LABEL, HEALTH_GROUPS, professionLabel } from "./professions";

type Cell = string | number | null;
const col = (k: string, id: string, en: string, type: CoverageColumn["type"] = "integer"): CoverageColumn => ({
  key: k,
  label: { id, en },
  type,
});

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
 * Figures that do not apply to a facility row read null, not 0: a hospital has no "9 jenis", a
 * puskesmas without PONED is not "not ready", one without a category is not assessed.
 */
function notApplicable(f: CoverageFacility | null, figures: Figures): Set<string> {
  const na = new Set<string>();
  if (f === null) return na;
  if (figures[key.tanpaRoster] === 1) {
    for (const c of WILAYAH_FIGURES) if (c.key !== key.tanpaRoster) na.add(c.key);
    return na;
  }
  const puskesmasOnly = [
    key.sembilanLengkap,
    key.sembilanLengkapPct,
    key.tanpaDokter,
    key.tanpaDokterPct,
    key.dinilai,
    key.standarTerpenuhi,
    key.standarTerpenuhiPct,
    key.kekuranganTotal,
    key.poned,
    key.ponedSiap,
    key.ponedSiapPct,
  ];
  if (f.jenis !== "PUSKESMAS") puskesmasOnly.forEach((k) => na.add(k));
  if (!f.poned) [key.ponedSiap, key.ponedSiapPct].forEach((k) => na.add(k));
  if (figures[key.dinilai] === 0) [key.standarTerpenuhi, key.standarTerpenuhiPct, key.kekuranganTotal].forEach((k) => na.add(k));
  return na;
}

const WILAYAH_FIGURES: CoverageColumn[] = [
  col(key.penduduk, "Jumlah penduduk", "Population"),
  col(key.fasyankes, "Fasyankes dengan roster", "Facilities with a roster"),
  col(key.tanpaRoster, "Fasyankes belum mengirim roster", "Facilities without a roster"),
  col(key.puskesmas, "Jumlah puskesmas", "Puskesmas"),
  col("tenaga", "Jumlah SDM (semua jenis)", "Staff (all kinds)"),
  col(key.nakesTotal, "Jumlah tenaga kesehatan", "Health workers"),
  col(key.kepadatanTotal, "Nakes per 10.000 penduduk", "Health workers per 10,000 population", "number"),
  col(key.sembilanLengkap, "Puskesmas 9 jenis nakes lengkap", "Puskesmas with all nine professions"),
  col(key.sembilanLengkapPct, "% puskesmas 9 jenis lengkap", "% puskesmas with all nine professions", "share"),
  col(key.tanpaDokter, "Puskesmas tanpa dokter", "Puskesmas without a doctor"),
  col(key.tanpaDokterPct, "% puskesmas tanpa dokter", "% puskesmas without a doctor", "share"),
  col(key.dinilai, "Puskesmas dinilai terhadap standar", "Puskesmas assessed against the standard"),
  col(key.standarTerpenuhi, "Puskesmas memenuhi standar ketenagaan", "Puskesmas meeting the staffing standard"),
  col(key.standarTerpenuhiPct, "% puskesmas memenuhi standar", "% puskesmas meeting the standard", "share"),
  col(key.kekuranganTotal, "Kekurangan tenaga terhadap standar (orang)", "Staff short of the standard (persons)"),
  col(key.poned, "Puskesmas PONED", "PONED puskesmas"),
  col(key.ponedSiap, "Puskesmas PONED dengan tim terlatih", "PONED puskesmas with a trained team"),
  col(key.ponedSiapPct, "% puskesmas PONED siap", "% PONED puskesmas ready", "share"),
  col("sip_kedaluwarsa", "SIP kedaluwarsa", "SIP expired"),
  col("sip_segera_habis", "SIP habis dalam 90 hari", "SIP expiring within 90 days"),
  col("str_tidak_ada", "Tanpa STR", "STR missing"),
  col("penugasan_aktif", "Penugasan khusus aktif", "Special assignments active"),
  col("penugasan_berakhir", "Penugasan khusus berakhir", "Special assignments ended"),
  col("penugasan_segera_berakhir", "Penugasan khusus berakhir dalam 6 bulan", "Special assignments ending within 6 months"),
  ...HEALTH_GROUPS.map((g) =>
    col(
      key.kepadatanKelompok(g),
      `${GROUP_LABEL[g]?.id ?? g} per 10.000 penduduk`,
      `${GROUP_LABEL[g]?.en ?? g} workers per 10,000 population`,
      "number",
    ),
  ),
];

export function wilayahTable(level: CoverageLevel, units: readonly UnitFigures[]): CoverageTable {
  return {
    label: { id: "Cakupan per wilayah", en: "Coverage by area" },
    columns: [...unitColumns(level), ...WILAYAH_FIGURES],
    rows: units.map((u) => {
      const na = notApplicable(u.facility, u.figures);
      return [...unitCells(level, u), ...WILAYAH_FIGURES.map((c) => (na.has(c.key) ? null : (u.figures[c.key] ?? null)))];
    }),
  };
}

const TRAININGS = kodePelatihanSchema.options;
type PerJenis = { column: CoverageColumn; figure: (j: JenisTenaga) => string };
const PROFESI_FIGURES: PerJenis[] = [
  { column: col("tenaga", "Jumlah", "Count"), figure: key.tenaga },
  { column: col("kepadatan_10k", "Per 10.000 penduduk", "Per 10,000 population", "number"), figure: key.kepadatan },
  { column: col("rasio_100k", "Rasio per 100.000 penduduk", "Ratio per 100,000 population", "number"), figure: key.rasio100k },
  { column: col("target_100k", "Target rasio 2019 per 100.000", "2019 ratio target per 100,000", "number"), figure: key.target100k },
  { column: col("str_tidak_ada", "Tanpa STR", "STR missing"), figure: (j) => key.perJenis("str_tidak_ada", j) },
  { column: col("sip_kedaluwarsa", "SIP kedaluwarsa", "SIP expired"), figure: (j) => key.perJenis("sip_kedaluwarsa", j) },
  { column: col("sip_segera_habis", "SIP habis dalam 90 hari", "SIP expiring within 90 days"), figure: (j) => key.perJenis("sip_segera_habis", j) },
  { column: col("penugasan_aktif", "Penugasan khusus aktif", "Special assignments active"), figure: (j) => key.perJenis("penugasan_aktif", j) },
  { column: col("penugasan_berakhir", "Penugasan khusus berakhir", "Special assignments ended"), figure: (j) => key.perJenis("penugasan_berakhir", j) },
  {
    column: col("penugasan_segera_berakhir", "Penugasan khusus berakhir dalam 6 bulan", "Special assignments ending within 6 months"),
    figure: (j) => key.perJenis("penugasan_segera_berakhir", j),
  },
  ...TRAININGS.map((k) => ({
    column: col(`pelatihan.${k}`, `Terlatih ${k}`, `Trained ${k}`),
    figure: (j: JenisTenaga) => key.pelatihan(j, k),
  })),
  ...TRAININGS.map((k) => ({
    column: col(`pelatihan_pct.${k}`, `% terlatih ${k}`, `% trained ${k}`, "share"),
    figure: (j: JenisTenaga) => key.pelatihanPct(j, k),
  })),
];

/** One row per unit and profession that the unit has any of (count or any other figure not 0). */
export function profesiTable(level: CoverageLevel, units: readonly UnitFigures[], jenis: readonly JenisTenaga[]): CoverageTable {
  const rows: Cell[][] = [];
  for (const u of units) {
    for (const j of jenis) {
      const values = PROFESI_FIGURES.map((p) => u.figures[p.figure(j)] ?? null);
      const counts = PROFESI_FIGURES.map((p, i) => (p.column.type === "integer" ? values[i] : null));
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
      ...PROFESI_FIGURES.map((p) => p.column),
    ],
    rows,
  };
}

type PerStandar = { column: CoverageColumn; figure: (s: JenisStandar) => string };
const STANDAR_FIGURES: PerStandar[] = [
  { column: col("puskesmas_dinilai", "Puskesmas dinilai", "Puskesmas assessed"), figure: key.standarDinilai },
  { column: col("puskesmas_ada", "Puskesmas yang memiliki (≥ 1)", "Puskesmas with at least one"), figure: key.puskesmasAda },
  { column: col("minimum", "Kebutuhan minimum (orang)", "Required minimum (persons)"), figure: key.standarMinimum },
  { column: col("tersedia", "Tersedia (orang)", "Available (persons)"), figure: key.standarTenaga },
  { column: col("terpenuhi", "Puskesmas memenuhi", "Puskesmas meeting it"), figure: key.standarTerpenuhiJenis },
  { column: col("terpenuhi_pct", "% puskesmas memenuhi", "% puskesmas meeting it", "share"), figure: key.standarTerpenuhiJenisPct },
  { column: col("kekurangan", "Kekurangan (orang)", "Shortfall (persons)"), figure: key.kekurangan },
];

/** One row per unit and standard jenis, for units with at least one puskesmas assessed. */
export function standarTable(level: CoverageLevel, units: readonly UnitFigures[], standar: readonly JenisStandar[]): CoverageTable {
  const rows: Cell[][] = [];
  for (const u of units) {
    for (const s of standar) {
      if (!u.figures[key.standarDinilai(s)]) continue;
      rows.push([u.kode, u.nama, s, ...STANDAR_FIGURES.map((p) => u.figures[p.figure(s)] ?? null)]);
    }
  }
  return {
    label: { id: "Standar ketenagaan puskesmas", en: "Puskesmas staffing standard" },
    columns: [
      { key: "kode", label: UNIT_LABEL[level], type: "text" },
      col("nama", "Nama", "Name", "text"),
      col("jenis", "Jenis (standar)", "Kind (standard)", "text"),
      ...STANDAR_FIGURES.map((p) => p.column),
    ],
    rows,
  };
}
