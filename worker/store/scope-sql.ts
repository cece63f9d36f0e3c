import { NATIONAL } from "../../shared/coverage/units";
import { regionOfCodeSql } from "../../shared/reference/facilities";

/**
 * The scope rule of shared/validate/scope.ts (and auth/scope.ts inScope) as SQL conditions, for the
 * store modules that filter rows by scope. Here, with the SQL, so that store/ never imports auth/.
 */

/**
 * SQL condition "facility row `f`'s code and master row name the same place" (one region a prefix of
 * the other; a code of no facility shape says nothing): shared/validate/scope's regionOf is null otherwise.
 */
export function facilityRegionAgreesSql(f: string): string {
  const row = `COALESCE(${f}.kecamatan, ${f}.kode_wilayah)`;
  const code = regionOfCodeSql(`${f}.kode`);
  return `(${code} IS NULL OR substr(${row}, 1, length(${code})) = ${code} OR substr(${code}, 1, length(${row})) = ${row})`;
}

/**
 * SQL condition "facility row `f` is inside scope ?n", the same rule as shared/validate/scope's
 * inScope: a facility scope is that one code; a region scope holds a facility when the region its
 * code names (shared/reference/facilities) and its master row's kecamatan/regency agree (one a
 * prefix of the other) and the more precise of them lies in the scope. A region scope never matches
 * a code by equal text.
 */
export function facilityInScopeSql(f: string, param: string): string {
  const row = `COALESCE(${f}.kecamatan, ${f}.kode_wilayah)`;
  const code = regionOfCodeSql(`${f}.kode`);
  const agree = facilityRegionAgreesSql(f);
  const precise = `(CASE WHEN length(${code}) > length(${row}) THEN ${code} ELSE ${row} END)`;
  const isRegion = `(length(${param}) IN (2, 4, 6) AND ${param} NOT GLOB '*[^0-9]*')`;
  return `(${param} = '${NATIONAL}' OR (NOT ${isRegion} AND ${f}.kode = ${param}) OR (${isRegion} AND ${agree} AND substr(${precise}, 1, length(${param})) = ${param}))`;
}

