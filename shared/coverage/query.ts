import type { CoverageQuery } from "../api/coverage";
import type { ResolvedQuery } from "./build";
import { defaultLevel, levelFitsRegion, levelOfRegion } from "./units";

export type Resolution = { ok: true; query: ResolvedQuery } | { ok: false; message: { id: string; en: string } };

/** as_of years the API answers for: uploads reach back to the 1990s, and nothing is planned past 2100. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/**
 * Fills the defaults of a coverage query and refuses what it cannot answer well: a level coarser than
 * its region, an as_of outside the years it knows, and one row per facility or kecamatan of the whole
 * country (tens of thousands of rows: ask per province).
 */
export function resolveQuery(q: CoverageQuery, today: string): Resolution {
  const region = q.region ?? null;
  const level = q.level ?? defaultLevel(region);
  const asOf = q.as_of ?? today;
  if (!levelFitsRegion(level, region)) {
    return {
      ok: false,
      message: {
        id: `level "${level}" lebih kasar dari region ${region} (${levelOfRegion(region)}): pilih level yang sama atau lebih rinci`,
        en: `level "${level}" is coarser than region ${region} (${levelOfRegion(region)}): choose the same or a finer level`,
      },
    };
  }
  if (region === null && (level === "facility" || level === "kecamatan")) {
    return {
      ok: false,
      message: {
        id: `level "${level}" untuk seluruh Indonesia terlalu besar: sebutkan region (provinsi atau lebih rinci)`,
        en: `level "${level}" for the whole country is too large: give a region (a province or finer)`,
      },
    };
  }
  const year = Number(asOf.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return {
      ok: false,
      message: {
        id: `as_of ${asOf} di luar rentang tahun ${FIRST_YEAR}–${LAST_YEAR}`,
        en: `as_of ${asOf} is outside the years ${FIRST_YEAR}–${LAST_YEAR}`,
      },
    };
  }
  return { ok: true, query: { level, region, as_of: asOf, jenis_tenaga: q.jenis_tenaga ?? null } };
}
