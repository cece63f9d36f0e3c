import type { CoverageResponse } from "../../../../shared/api/coverage";
import { buildCoverage, describeUnit, regionPopulation, type ResolvedQuery, type UnitSums } from "../../../../shared/coverage/build";
import { isoYear } from "../../../../shared/normalize/calendar";
import type { CoverageFacility } from "../../../../shared/coverage/facility";
import { addSums, key, type Sums } from "../../../../shared/coverage/keys";
import { populationByCode, populationResolver, regionTree, type PopulationRow } from "../../../../shared/coverage/population";
import type { StandardRule } from "../../../../shared/coverage/standard";
import { inRegion, unitOf } from "../../../../shared/coverage/units";
import { windowsFor } from "../../../../shared/coverage/windows";
import type { FacilityAggregate } from "./aggregate";
import { evaluateFacility } from "./facility";

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
 * Coverage straight from per-facility aggregates: the tests' reference computation of SPEC §6 (the
 * oracle). The Worker computes the same sums set-based in SQL; its tests compare the two.
 */
export function coverageFromAggregates(data: CoverageData, query: ResolvedQuery): CoverageResponse {
  const w = windowsFor(query.as_of);
  const selected = data.facilities.filter((f) => inRegion(query.region, f));
  const pop = populationResolver(populationByCode(data.population, isoYear(query.as_of)), regionTree(selected));
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
