import { PENUGASAN_TERM_YEARS } from "../../shared/coverage/windows";
import { isNakes } from "../../shared/coverage/professions";
import { countColumn, JENIS, ponedMaskSql, quote } from "./columns";
import { prepare } from "../db/limits";
import type { Sql } from "../db/types";
import { STAGED_NAKES, STAGED_PELATIHAN } from "./sources";

/** What the final batch of an upload tells coverage: which upload became current, and when. */
export interface RefreshTarget {
  uploadId: string;
  /** ISO timestamp at which the upload is recorded (the same instant for all its facilities). */
  at: string;
  /** The roster's own date (yyyy-mm-dd): its versions hold from it (SPEC §6). */
  asOf: string;
}


const needsStr = JENIS.filter(isNakes).map(quote).join(", ");

/**
 * The statements that keep coverage's per-facility-version aggregates current, set-based over the
 * staged rows of the upload (INSERT … SELECT … GROUP BY, never per row). They belong in the same
 * batch that makes the upload current, so counts and rows change in one transaction and a reader
 * never sees one without the other. ?1 upload id, ?2 the roster's as_of.
 */
export function coverageRefreshSql(t: RefreshTarget): Sql[] {
  const p = [t.uploadId, t.asOf];
  const staged = `(${STAGED_NAKES}) AS s JOIN coverage_version v ON v.upload_id = ?1 AND v.kode_fasyankes = s.kode_fasyankes`;
  return [
    // The facilities of this upload: the version that held at its as_of ends there (the same
    // intervals as store/versions.ts commitVersionsSql gives roster_versi).
    {
      sql: `UPDATE coverage_version SET valid_to = ?2
        WHERE upload_id <> ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)
          AND kode_fasyankes IN (SELECT DISTINCT kode_fasyankes FROM (${STAGED_NAKES}))`,
      params: p,
    },
    // One version per facility from its as_of, with persons per profession (a NIK counts once per
    // jenis); it ends where the next later-dated version begins (none: current).
    {
      sql: `INSERT INTO coverage_version (upload_id, kode_fasyankes, valid_from, valid_to, ${JENIS.map(countColumn).join(", ")})
        SELECT ?1, s.kode_fasyankes, ?2,
          (SELECT MIN(x.valid_from) FROM coverage_version x WHERE x.kode_fasyankes = s.kode_fasyankes AND x.valid_from > ?2),
          ${JENIS.map((j) => `COUNT(DISTINCT CASE WHEN s.jenis_tenaga = ${quote(j)} THEN s.nik END)`).join(",\n          ")}
        FROM (${STAGED_NAKES}) AS s GROUP BY s.kode_fasyankes`,
      params: p,
    },
    {
      sql: `INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n)
        SELECT v.id, 'str_tidak_ada', '', s.jenis_tenaga, COUNT(DISTINCT s.nik) FROM ${staged}
        WHERE s.no_str IS NULL AND s.jenis_tenaga IN (${needsStr})
        GROUP BY v.id, s.jenis_tenaga`,
      params: [t.uploadId],
    },
    {
      sql: `INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n)
        SELECT v.id, 'sip', s.sip_berlaku_sampai, s.jenis_tenaga, COUNT(DISTINCT s.nik) FROM ${staged}
        WHERE s.sip_berlaku_sampai IS NOT NULL
        GROUP BY v.id, s.sip_berlaku_sampai, s.jenis_tenaga`,
      params: [t.uploadId],
    },
    // Term end = TMT + 5 years, SQLite's date arithmetic (shared/coverage/dates agrees with it).
    {
      sql: `INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n)
        SELECT v.id, 'penugasan', date(s.tmt_penugasan, '+${PENUGASAN_TERM_YEARS} years'), s.jenis_tenaga, COUNT(DISTINCT s.nik) FROM ${staged}
        WHERE s.status_kepegawaian = 'PENUGASAN_KHUSUS' AND s.tmt_penugasan IS NOT NULL
        GROUP BY v.id, date(s.tmt_penugasan, '+${PENUGASAN_TERM_YEARS} years'), s.jenis_tenaga`,
      params: [t.uploadId],
    },
    {
      sql: `INSERT INTO coverage_pelatihan (version_id, kode, ${JENIS.map(countColumn).join(", ")})
        SELECT v.id, t.kode_pelatihan,
          ${JENIS.map((j) => `COUNT(DISTINCT CASE WHEN s.jenis_tenaga = ${quote(j)} THEN s.nik END)`).join(",\n          ")}
        FROM ${staged} JOIN (SELECT DISTINCT nik, kode_pelatihan FROM (${STAGED_PELATIHAN})) AS t ON t.nik = s.nik
        GROUP BY v.id, t.kode_pelatihan`,
      params: [t.uploadId],
    },
    {
      sql: `UPDATE coverage_version SET poned_tim = ${ponedMaskSql("coverage_version")} WHERE upload_id = ?1`,
      params: [t.uploadId],
    },
  ];
}

/** The refresh as prepared statements (checked against D1's limits), for the upload's final batch. */
export function coverageRefreshStatements(db: Pick<D1Database, "prepare">, t: RefreshTarget): D1PreparedStatement[] {
  return coverageRefreshSql(t).map((s) => prepare(db, s));
}
