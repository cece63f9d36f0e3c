import type { CoverageLevel, CoverageResponse } from "../api/coverage";
import type { JenisStandar } from "../reference/codes";
import type { CoverageFacility } from "./facility";
import { evaluate, figurePlan, figuresObject, unitFigures } from "./figure-plan";
import { professionsFor } from "./figures";
import type { IndexedSums, Sums } from "./keys";
import { standardJenisList, type StandardRule } from "./standard";
import { profesiTable, standarTable, wilayahTable, type UnitFigures } from "./tables";
import { NATIONAL } from "./units";

/** The resolved question: every field filled (defaults applied, level checked against region). */
export interface ResolvedQuery {
  level: CoverageLevel;
  region: string | null;
  as_of: string;
  jenis_tenaga: JenisStandar | null;
}

/** One row unit with its summed contributions (by key, or by position: keys.ts IndexedSums). */
export interface UnitSums<S extends Sums | IndexedSums = Sums> {
  kode: string;
  nama: string | null;
  /** The facility, when the rows are facilities. */
  facility: CoverageFacility | null;
  sums: S;
  penduduk: number | null;
}

export interface CoverageParts {
  query: ResolvedQuery;
  standardSet: string;
  rules: readonly StandardRule[];
  units: readonly UnitSums<Sums | IndexedSums>[];
  /** The whole selected region: the sum of the units, with its own population. */
  total: { sums: Sums | IndexedSums; penduduk: number | null };
}

/** Units in code order: what a sheet reader expects. */
function byCode(a: { kode: string }, b: { kode: string }): number {
  return a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0;
}

/**
 * The response of GET /v1/coverage from summed units: figures derived, tables laid out. A row unit's
 * figures are computed as the tables read them (figure-plan.ts unitFigures); the whole selection's
 * are all of them (`figures`).
 */
export function buildCoverage(p: CoverageParts): CoverageResponse {
  const standardJenis = standardJenisList(p.rules);
  const show = professionsFor(p.query.jenis_tenaga, standardJenis);
  const plan = figurePlan(show);
  const units: UnitFigures[] = [...p.units].sort(byCode).map((u) => ({
    kode: u.kode,
    nama: u.nama,
    facility: u.facility,
    figures: unitFigures(plan, u.sums, u.penduduk, standardJenis),
  }));
  return {
    query: p.query,
    standard_set: p.standardSet,
    tables: {
      wilayah: wilayahTable(p.query.level, units),
      profesi: profesiTable(p.query.level, units, show.jenis),
      standar: standarTable(p.query.level, units, show.standar),
    },
    figures: figuresObject(plan, evaluate(plan, p.total.sums, p.total.penduduk, standardJenis)),
  };
}

/**
 * Name and population of a row unit. Facilities have no population of their own. At kecamatan level
 * the facilities without a kecamatan sit in a unit coded by their regency, which is not the regency:
 * it gets no population (the regency's would inflate nothing but wrong densities).
 */
export function describeUnit(
  level: CoverageLevel,
  kode: string,
  facility: CoverageFacility | null,
  pop: (code: string) => number | null,
  regionName?: (code: string) => string | null,
): { nama: string | null; penduduk: number | null } {
  if (facility) return { nama: facility.nama, penduduk: null };
  if (kode === NATIONAL) return { nama: "Indonesia", penduduk: pop(NATIONAL) };
  if (level === "kecamatan" && kode.length === 4) {
    const name = regionName?.(kode) ?? kode;
    return { nama: `${name}: fasyankes tanpa kode kecamatan`, penduduk: null };
  }
  return { nama: regionName?.(kode) ?? null, penduduk: pop(kode) };
}

/** Population of the whole selection: the nation, a region, or none for a single facility. */
export function regionPopulation(region: string | null, pop: (code: string) => number | null): number | null {
  if (region === null) return pop(NATIONAL);
  return /^\d+$/.test(region) ? pop(region) : null;
}
