import { isNakes } from "../../shared/coverage/professions";
import { countColumn, JENIS, OPEN_END, ponedMaskSql, quote } from "./columns";
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
 * The statements that keep coverage's aggregates current, set-based over the staged rows of the
 * upload (INSERT … SELECT … GROUP BY, never per row): per facility version the persons per profession
 * and training, and the dated counts per change (coverage_fakta, migration 0090). They belong in the same
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
    // The upload's dated person counts (one statement: the final batch stays short), written as
    // staged (valid_from ''), then resolved against the counts that held at its as_of
    // (factVersionsSql). Penugasan is kept by TMT, not term end: the read compares TMTs with
    // thresholds the shared calendar computes (shared/coverage/windows.ts), so the term rule (29
    // February, SPEC §5) lives in one place.
    {
      sql: `INSERT INTO coverage_fakta (kode_fasyankes, kind, tgl, jenis, valid_from, n)
        SELECT s.kode_fasyankes, 'str_tidak_ada', '', s.jenis_tenaga, '', COUNT(DISTINCT s.nik) FROM (${STAGED_NAKES}) AS s
        WHERE s.no_str IS NULL AND s.jenis_tenaga IN (${needsStr})
        GROUP BY s.kode_fasyankes, s.jenis_tenaga
        UNION ALL
        SELECT s.kode_fasyankes, 'sip', ${SIP_DATE}, s.jenis_tenaga, '', COUNT(DISTINCT s.nik) FROM (${STAGED_NAKES}) AS s
        WHERE s.sip_berlaku_sampai IS NOT NULL
        GROUP BY s.kode_fasyankes, ${SIP_DATE}, s.jenis_tenaga
        UNION ALL
        SELECT s.kode_fasyankes, 'penugasan', s.tmt_penugasan, s.jenis_tenaga, '', COUNT(DISTINCT s.nik) FROM (${STAGED_NAKES}) AS s
        WHERE s.status_kepegawaian = 'PENUGASAN_KHUSUS' AND s.tmt_penugasan IS NOT NULL
        GROUP BY s.kode_fasyankes, s.tmt_penugasan, s.jenis_tenaga`,
      params: p,
    },
    ...factVersionsSql(p),
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

/**
 * A SIP's date as kept: its valid-until, or '' for one already past at the roster's as_of ?2. A fact
 * row holds only from that as_of on, where such a SIP is expired at every date, so those SIPs are
 * one row per facility and jenis (the read counts '' as expired): a read seeks the SIPs that can
 * still be "expiring" instead of every lapsed date, and the count is the same.
 */
const SIP_DATE = "CASE WHEN s.sip_berlaku_sampai < ?2 THEN '' ELSE s.sip_berlaku_sampai END";

/** The facilities of upload ?1 that coverage counts (those with staff rows). */
const MINE = "SELECT kode_fasyankes FROM coverage_version WHERE upload_id = ?1";

/** Committed fact rows of `o` at the upload's facilities that held at ?2. */
const HELD = (o: string) =>
  `${o}.kode_fasyankes IN (${MINE}) AND ${o}.valid_from > '' AND ${o}.valid_from <= ?2 AND ${o}.valid_to > ?2`;

/** A staged fact row of the upload with the same key and count as row `o`. */
const STAGED_SAME = (o: string) =>
  `EXISTS (SELECT 1 FROM coverage_fakta s WHERE s.kode_fasyankes = ${o}.kode_fasyankes AND s.kind = ${o}.kind
    AND s.valid_to = ${OPEN_END} AND s.tgl = ${o}.tgl AND s.jenis = ${o}.jenis AND s.valid_from = '' AND s.n = ${o}.n)`;

/**
 * Resolves the upload's staged fact rows (migration 0090: dated counts versioned per change, as
 * store/nakes.ts personVersionsSql versions persons), after its coverage_version rows are in (their
 * valid_to is dN, the next later-dated roster's as_of, or NULL: none, open). Each staged row is compared (key and
 * count) with the row that held at as_of ?2:
 * 1. a held row the upload changes or drops but that ran on past dN gets its part from dN as a row of
 *    its own (the later roster had it unchanged);
 * 2. the held rows the upload changes or drops end at as_of (one that began at as_of, a roster
 *    replaced on its own date, would hold nowhere and goes);
 * 3. staged rows equal to the held one are dropped (it stands for them), the others hold from as_of
 *    until dN.
 * A cycle that changes 3 % of persons so writes the counts that changed, not every facility's.
 */
function factVersionsSql(p: readonly string[]): Sql[] {
  return [
    {
      sql: `INSERT INTO coverage_fakta (kode_fasyankes, kind, tgl, jenis, valid_from, valid_to, n)
        SELECT o.kode_fasyankes, o.kind, o.tgl, o.jenis, v.valid_to, o.valid_to, o.n
        FROM coverage_fakta o JOIN coverage_version v ON v.upload_id = ?1 AND v.kode_fasyankes = o.kode_fasyankes
        WHERE ${HELD("o")} AND v.valid_to IS NOT NULL AND o.valid_to > v.valid_to AND NOT ${STAGED_SAME("o")}`,
      params: [...p],
    },
    { sql: `DELETE FROM coverage_fakta AS o WHERE ${HELD("o")} AND o.valid_from = ?2 AND NOT ${STAGED_SAME("o")}`, params: [...p] },
    { sql: `UPDATE coverage_fakta AS o SET valid_to = ?2 WHERE ${HELD("o")} AND NOT ${STAGED_SAME("o")}`, params: [...p] },
    {
      sql: `DELETE FROM coverage_fakta AS s WHERE s.kode_fasyankes IN (${MINE}) AND s.valid_from = ''
        AND EXISTS (SELECT 1 FROM coverage_fakta o WHERE o.kode_fasyankes = s.kode_fasyankes AND o.kind = s.kind
          AND o.tgl = s.tgl AND o.jenis = s.jenis AND o.n = s.n AND o.valid_from > '' AND o.valid_from <= ?2 AND o.valid_to > ?2)`,
      params: [...p],
    },
    {
      sql: `UPDATE coverage_fakta AS s SET valid_from = ?2,
          valid_to = COALESCE((SELECT v.valid_to FROM coverage_version v WHERE v.upload_id = ?1 AND v.kode_fasyankes = s.kode_fasyankes), ${OPEN_END})
        WHERE s.kode_fasyankes IN (${MINE}) AND s.valid_from = ''`,
      params: [...p],
    },
  ];
}

/** The refresh as prepared statements (checked against D1's limits), for the upload's final batch. */
export function coverageRefreshStatements(db: Pick<D1Database, "prepare">, t: RefreshTarget): D1PreparedStatement[] {
  return coverageRefreshSql(t).map((s) => prepare(db, s));
}
