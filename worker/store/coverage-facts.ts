import type { CoverageLevel } from "../../shared/api/coverage";
import type { Sql } from "../db/types";
import { STAGED_NAKES } from "./coverage-staged";
import { regionFacilities, UNIT_SQL } from "./coverage-region";
import { sqlLiteral as quote } from "../db/literal";
import { JENIS } from "./coverage-versions";
import { isNakes } from "../../shared/coverage/professions";

/**
 * SQL of coverage_fakta (migration 0090): coverage's dated person counts per facility (kind 'sip':
 * by valid-until, 'penugasan': by TMT, 'str_tidak_ada': undated), each row holding between two
 * roster dates, versioned per change as store/nakes.ts versions persons. Written by the refresh in
 * the upload's final batch; read by GET /v1/coverage.
 */

/**
 * valid_to of a coverage_fakta row that holds still (migration 0090): a date after every roster
 * date rather than NULL, so current rows sit together in the table's key (facility, kind, valid_to).
 */
const OPEN_END = "'9999-12-31'";

const needsStr = JENIS.filter(isNakes).map(quote).join(", ");

/**
 * The upload's dated person counts (one statement: the final batch stays short), written into
 * coverage_fakta_staged (migration 0100: within the final batch only, never beside the held rows of
 * coverage_fakta, whose pages a twin per row would split), then resolved against the counts that held
 * at its as_of (factVersionsSql). Penugasan is kept by TMT, not term end: the read compares TMTs with
 * thresholds the shared calendar computes (shared/coverage/windows.ts), so the term rule (29
 * February, SPEC §5) lives in one place. ?1 upload id, ?2 the roster's as_of.
 */
export function stageFactsSql(p: readonly string[]): Sql {
  return {
    sql: `INSERT INTO coverage_fakta_staged (upload_id, kode_fasyankes, kind, tgl, jenis, n)
        SELECT ?1, s.kode_fasyankes, 'str_tidak_ada', '', s.jenis_tenaga, COUNT(DISTINCT s.nik) FROM (${STAGED_NAKES}) AS s
        WHERE s.no_str IS NULL AND s.jenis_tenaga IN (${needsStr})
        GROUP BY s.kode_fasyankes, s.jenis_tenaga
        UNION ALL
        SELECT ?1, s.kode_fasyankes, 'sip', ${SIP_DATE}, s.jenis_tenaga, COUNT(DISTINCT s.nik) FROM (${STAGED_NAKES}) AS s
        WHERE s.sip_berlaku_sampai IS NOT NULL
        GROUP BY s.kode_fasyankes, ${SIP_DATE}, s.jenis_tenaga
        UNION ALL
        SELECT ?1, s.kode_fasyankes, 'penugasan', s.tmt_penugasan, s.jenis_tenaga, COUNT(DISTINCT s.nik) FROM (${STAGED_NAKES}) AS s
        WHERE s.status_kepegawaian = 'PENUGASAN_KHUSUS' AND s.tmt_penugasan IS NOT NULL
        GROUP BY s.kode_fasyankes, s.tmt_penugasan, s.jenis_tenaga`,
    params: [...p],
  };
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

/** A staged fact row of upload ?1 with the same key and count as row `o` (found by its whole key). */
const STAGED_SAME = (o: string) =>
  `EXISTS (SELECT 1 FROM coverage_fakta_staged s WHERE s.upload_id = ?1 AND s.kode_fasyankes = ${o}.kode_fasyankes AND s.kind = ${o}.kind
    AND s.tgl = ${o}.tgl AND s.jenis = ${o}.jenis AND s.n = ${o}.n)`;

/**
 * Resolves the upload's staged fact rows (migration 0090: dated counts versioned per change, as
 * store/nakes.ts personVersionsSql versions persons), after its coverage_version rows are in (their
 * valid_to is dN, the next later-dated roster's as_of, or NULL: none, open). Each staged row is compared (key and
 * count) with the row that held at as_of ?2:
 * 1. a held row the upload changes or drops but that ran on past dN gets its part from dN as a row of
 *    its own (the later roster had it unchanged);
 * 2. the held rows the upload changes or drops end at as_of (one that began at as_of, a roster
 *    replaced on its own date, would hold nowhere and goes);
 * 3. staged rows that no held row repeats enter coverage_fakta, holding from as_of until dN; the
 *    staging is emptied (migration 0100: the repeated ones never touch coverage_fakta).
 * A cycle that changes 3 % of persons so writes the counts that changed, not every facility's.
 */
export function factVersionsSql(p: readonly string[]): Sql[] {
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
      // What still holds at ?2 after the two steps above repeats a staged row. It is current (valid_to
      // the open end: found by its whole key) or ends at a later roster's date (a range short of the
      // open end, so never walking a facility's current rows per staged row).
      sql: `INSERT INTO coverage_fakta (kode_fasyankes, kind, tgl, jenis, valid_from, valid_to, n)
        SELECT s.kode_fasyankes, s.kind, s.tgl, s.jenis, ?2,
          COALESCE((SELECT v.valid_to FROM coverage_version v WHERE v.upload_id = ?1 AND v.kode_fasyankes = s.kode_fasyankes), ${OPEN_END}), s.n
        FROM coverage_fakta_staged s
        WHERE s.upload_id = ?1
          AND NOT EXISTS (SELECT 1 FROM coverage_fakta o WHERE o.kode_fasyankes = s.kode_fasyankes AND o.kind = s.kind AND o.valid_to = ${OPEN_END}
            AND o.tgl = s.tgl AND o.jenis = s.jenis AND o.valid_from > '' AND o.valid_from <= ?2 AND o.n = s.n)
          AND NOT EXISTS (SELECT 1 FROM coverage_fakta o WHERE o.kode_fasyankes = s.kode_fasyankes AND o.kind = s.kind AND o.valid_to > ?2 AND o.valid_to < ${OPEN_END}
            AND o.tgl = s.tgl AND o.jenis = s.jenis AND o.valid_from > '' AND o.valid_from <= ?2 AND o.n = s.n)
        ORDER BY s.kode_fasyankes, s.kind, s.tgl, s.jenis`,
      params: [...p],
    },
    { sql: "DELETE FROM coverage_fakta_staged WHERE upload_id = ?1", params: [p[0]!] },
  ];
}

/**
 * The fact rows that hold at ?2 and that a coverage read needs, as seeks in coverage_fakta's key
 * (facility, kind, valid_to, tgl; migration 0090): the current ones (valid_to open) by date — SIPs
 * only up to the end of the "expiring" window ?3 (later ones count nowhere), the other kinds whole —
 * and the ones that ended after ?2. The latest date so never reads a facility's history. Three
 * terms: D1 caps a compound SELECT's.
 */
const FACT_ROWS = [
  `c.kind = 'sip' AND c.valid_to = ${OPEN_END} AND c.tgl <= ?3`,
  `c.kind IN ('penugasan', 'str_tidak_ada') AND c.valid_to = ${OPEN_END}`,
  `c.kind IN ('sip', 'penugasan', 'str_tidak_ada') AND c.valid_to > ?2 AND c.valid_to < ${OPEN_END} AND (c.kind <> 'sip' OR c.tgl <= ?3)`,
].map((seek) => `coverage_fakta c ON c.kode_fasyankes = u.kode AND ${seek} AND c.valid_from > '' AND c.valid_from <= ?2`);

/**
 * Per unit, kind and jenis: the fact rows that hold at ?2, summed before and after their threshold.
 * Person counts kept per date, each row with the roster dates it holds between (migration 0090):
 * SIPs only up to the end of the "expiring" window (the key (facility, kind, tgl) skips later ones);
 * STR missing undated. A 'sip' date is its valid-until (before as_of: expired); a 'penugasan' date
 * is its TMT (before ?4: the term has ended; from ?4 and before ?5: ending soon).
 */
export function factSumsSql(level: CoverageLevel, where: string): string {
  const unit = UNIT_SQL[level];
  return `WITH ${regionFacilities(where)},
      u AS MATERIALIZED (SELECT f.kode, ${unit} AS unit FROM f),
      c AS (${FACT_ROWS.map((on) => `SELECT u.unit, c.kind, c.tgl, c.jenis, c.n FROM u CROSS JOIN ${on}`).join("\n        UNION ALL ")})
      SELECT c.unit, c.kind, c.jenis,
        SUM(CASE WHEN c.kind = 'str_tidak_ada' OR c.tgl < (CASE c.kind WHEN 'penugasan' THEN ?4 ELSE ?2 END) THEN c.n ELSE 0 END) AS before,
        SUM(CASE WHEN c.kind <> 'str_tidak_ada' AND c.tgl >= (CASE c.kind WHEN 'penugasan' THEN ?4 ELSE ?2 END) THEN c.n ELSE 0 END) AS after,
        SUM(CASE WHEN c.kind = 'penugasan' AND c.tgl >= ?4 AND c.tgl < ?5 THEN c.n ELSE 0 END) AS soon
      FROM c GROUP BY c.unit, c.kind, c.jenis`;
}
