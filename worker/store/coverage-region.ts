import type { CoverageLevel } from "../../shared/api/coverage";
import type { ResolvedQuery } from "../../shared/coverage/build";
import { addDaysIso } from "../../shared/normalize/calendar";
import { windowsFor } from "../../shared/coverage/windows";
import type { Sql, SqlValue } from "../db/types";
import { facilitiesAtSql } from "./facilities";
import { populationAtSql } from "./population";
import { facilityRegionAgreesSql } from "./scope-sql";

/**
 * What a coverage read selects: the region's facilities, population and names, the unit each level
 * groups facilities into, and the bound parameters every coverage statement shares. The tables of
 * other modules coverage reads are seen through one normalising subquery each, so a change of their
 * columns touches only this file. Every value from the request is a bound parameter; the only text
 * spliced in comes from fixed maps and code lists.
 */

/**
 * The active facilities of the as_of date (?2 of every coverage statement, SPEC §6: attributes dated
 * by berlaku_mulai), flags as 0/1 integers. A facility whose stored row disagrees with its code
 * (stored before codes were checked by kind, SPEC §3.3) lies in no region, so no region's coverage
 * counts it.
 */
const FACILITY_SOURCE = `SELECT kode, nama, jenis, kode_wilayah, kecamatan, kategori, rawat_inap, poned
  FROM (${facilitiesAtSql("?2")}) AS x WHERE aktif = 1 AND ${facilityRegionAgreesSql("x")}`;

const POPULATION_SOURCE = populationAtSql("?2");

/** Region names (provinces, regencies, kecamatan) as kode_wilayah/nama, for row labels. */
const REGION_NAME_SOURCE = `SELECT kode AS kode_wilayah, nama FROM wilayah`;

/** The unit each level groups facilities into (a facility row `f`). */
export const UNIT_SQL: Record<CoverageLevel, string> = {
  facility: "f.kode",
  kecamatan: "COALESCE(f.kecamatan, f.kode_wilayah)",
  regency: "f.kode_wilayah",
  province: "substr(f.kode_wilayah, 1, 2)",
  national: "'ID'",
};

/** Binds exactly the numbered parameters a statement uses (?1 … ?n): D1 refuses extra ones. */
export function bindUsed(sql: string, params: readonly SqlValue[]): Sql {
  const used = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  return { sql, params: params.slice(0, used) };
}

/** A coverage read's bound values and its region's predicates on facilities `f` and population `p`. */
export interface RegionSelection {
  params: SqlValue[];
  facilities: string;
  population: string;
}

/**
 * ?1 end of the as_of day (exclusive: versions current before it), ?2 as_of, ?3 last day of "SIP
 * expiring", ?4 the least TMT of a Penugasan Khusus still running at as_of, ?5 the least TMT running past
 * "penugasan ending" (shared/coverage/windows.ts: the shared calendar's term rule), ?6/?7 the region's bounds.
 */
export function regionSelection(q: ResolvedQuery): RegionSelection {
  const w = windowsFor(q.as_of);
  const base: SqlValue[] = [addDaysIso(q.as_of, 1), w.asOf, w.sipExpiringUntil, w.penugasanActiveFrom, w.penugasanLaterFrom];
  const r = q.region;
  if (r === null) return { params: base, facilities: "1", population: "1" };
  if (/^\d{2}$|^\d{4}$/.test(r)) {
    return {
      params: [...base, r, `${r}:`],
      facilities: "f.kode_wilayah >= ?6 AND f.kode_wilayah < ?7",
      population: "p.kode_wilayah >= ?6 AND p.kode_wilayah < ?7",
    };
  }
  if (/^\d{6}$/.test(r)) return { params: [...base, r], facilities: "f.kecamatan = ?6", population: "p.kode_wilayah = ?6" };
  return { params: [...base, r], facilities: "f.kode = ?6", population: "0" };
}

/** The active facilities of the region, as CTE `f`. */
export function regionFacilities(where: string): string {
  return `f AS (SELECT * FROM (${FACILITY_SOURCE}) AS f WHERE ${where})`;
}

/** The region's facilities (at facility level: the row units), or only where they lie (the region tree). */
export function placedSql(level: CoverageLevel, where: string): string {
  return level === "facility"
    ? `SELECT f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, f.rawat_inap, f.poned
            FROM (${FACILITY_SOURCE}) AS f WHERE ${where}`
    : `SELECT DISTINCT f.kode_wilayah, f.kecamatan FROM (${FACILITY_SOURCE}) AS f WHERE ${where}`;
}

/** Population rows of the region (predicate on `p`). */
export const populationSql = (where: string) => `SELECT p.kode_wilayah, p.tahun, p.jumlah FROM (${POPULATION_SOURCE}) AS p WHERE ${where}`;

/** Names of the region and the regions in it (the same bounds as population). */
export const regionNamesSql = (where: string) => `SELECT p.kode_wilayah, p.nama FROM (${REGION_NAME_SOURCE}) AS p WHERE ${where}`;
