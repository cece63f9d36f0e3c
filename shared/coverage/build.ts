import type { CoverageLevel, CoverageResponse } from "../api/coverage";
import type { JenisStandar } from "../reference/codes";
import type { FacilityAggregate } from "./aggregate";
import { yearOf } from "./dates";
import { evaluateFacility, type CoverageFacility } from "./facility";
import { deriveFigures, professionsFor } from "./figures";
import { addSums, key, type Sums } from "./keys";
import { populationByCode, populationResolver, regionTree, type PopulationRow } from "./population";
import { standardJenisList, type StandardRule } from "./standard";
import { profesiTable, standarTable, wilayahTable, type UnitFigures } from "./tables";
import { inRegion, NATIONAL, unitOf } from "./units";
import { windowsFor } from "./windows";

/** The resolved question: every field filled (defaults applied, level checked against region). */
export interface ResolvedQuery {
  level: CoverageLevel;
  region: string | null;
  as_of: string;
  jenis_tenaga: JenisStandar | null;
}

/** One row unit with its summed contributions. */
export interface UnitSums {
  kode: string;
  nama: string | null;
  /** The facility, when the rows are facilities. */
  facility: CoverageFacility | null;
  sums: Sums;
  penduduk: number | null;
}

export interface CoverageParts {
  query: ResolvedQuery;
  standardSet: string;
  rules: readonly StandardRule[];
  units: readonly UnitSums[];
  /** The whole selected region: the sum of the units, with its own population. */
  total: { sums: Sums; penduduk: number | null };
}

/** Units in code order: what a sheet reader expects. */
function byCode(a: { kode: string }, b: { kode: string }): number {
  return a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0;
}

/** The response of GET /v1/coverage from summed units: figures derived, tables laid out. */
export function buildCoverage(p: CoverageParts): CoverageResponse {
  const standardJenis = standardJenisList(p.rules);
  const show = professionsFor(p.query.jenis_tenaga, standardJenis);
  const units: UnitFigures[] = [...p.units].sort(byCode).map((u) => ({
    kode: u.kode,
    nama: u.nama,
    facility: u.facility,
    figures: deriveFigures(u.sums, u.penduduk, show, standardJenis),
  }));
  return {
    query: p.query,
    standard_set: p.standardSet,
    tables: {
      wilayah: wilayahTable(p.query.level, units),
      profesi: profesiTable(p.query.level, units, show.jenis),
      standar: standarTable(p.query.level, units, show.standar),
    },
    figures: deriveFigures(p.total.sums, p.total.penduduk, show, standardJenis),
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

/** Everything coverage reads, as plain data: what the Worker keeps in D1. */
export interface CoverageData {
  facilities: readonly CoverageFacility[];
  /** The aggregate of each facility's roster current at as_of; absent = no roster then (not counted). */
  aggregates: ReadonlyMap<string, FacilityAggregate>;
  rules: readonly StandardRule[];
  standardSet: string;
  population: readonly PopulationRow[];
  /** Region names (provinces, regencies, kecamatan) where known. */
  regionName?: (code: string) => string | null;
}

/**
 * Coverage straight from per-facility aggregates: the reference computation of SPEC §6. The Worker
 * computes the same sums set-based in SQL; its tests compare the two.
 */
export function coverageFromAggregates(data: CoverageData, query: ResolvedQuery): CoverageResponse {
  const w = windowsFor(query.as_of);
  const selected = data.facilities.filter((f) => inRegion(query.region, f));
  const pop = populationResolver(populationByCode(data.population, yearOf(query.as_of)), regionTree(selected));
  const units = new Map<string, UnitSums>();
  const total: Sums = {};
  for (const f of selected) {
    const agg = data.aggregates.get(f.kode);
    const sums: Sums = agg ? evaluateFacility(f, agg, data.rules, w) : { [key.tanpaRoster]: 1 };
    const kode = unitOf(query.level, f);
    let unit = units.get(kode);
    if (!unit) {
      const facility = query.level === "facility" ? f : null;
      unit = { kode, facility, sums: {}, ...describeUnit(query.level, kode, facility, pop, data.regionName) };
      units.set(kode, unit);
    }
    addSums(unit.sums, sums);
    addSums(total, sums);
  }
  return buildCoverage({
    query,
    standardSet: data.standardSet,
    rules: data.rules,
    units: [...units.values()],
    total: { sums: total, penduduk: regionPopulation(query.region, pop) },
  });
}
