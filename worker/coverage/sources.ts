import { facilityRegionAgreesSql } from "../store/scope-sql";
import { facilitiesAtSql } from "../store/facilities";
import { populationAtSql } from "../store/population";

/**
 * The two tables of other modules that coverage reads, seen through one normalising subquery each, so a
 * change of their columns touches only this file. Facilities are those of the as_of date (?2 of every
 * coverage statement, SPEC §6: attributes dated by berlaku_mulai). Facility flags come out as 0/1 integers. A facility
 * whose stored row disagrees with its code (stored before codes were checked by kind, SPEC §3.3) lies
 * in no region, so no region's coverage counts it.
 */
export const FACILITY_SOURCE = `SELECT kode, nama, jenis, kode_wilayah, kecamatan, kategori, rawat_inap, poned
  FROM (${facilitiesAtSql("?2")}) AS x WHERE aktif = 1 AND ${facilityRegionAgreesSql("x")}`;

export const POPULATION_SOURCE = populationAtSql("?2");

/** Region names (provinces, regencies, kecamatan) as kode_wilayah/nama, for row labels. */
export const REGION_NAME_SOURCE = `SELECT kode AS kode_wilayah, nama FROM wilayah`;

/**
 * The staged rows of one upload (?1 = upload id), the only rows the refresh reads: normalised Nakes
 * rows and the training courses of their NIKs.
 */
export const STAGED_NAKES = `SELECT kode_fasyankes, nik, jenis_tenaga, status_kepegawaian, no_str, sip_berlaku_sampai, tmt_penugasan
  FROM nakes WHERE upload_id = ?1`;

export const STAGED_PELATIHAN = `SELECT nik, kode_pelatihan FROM pelatihan WHERE upload_id = ?1`;
