import type { CoverageLevel } from "../../shared/api/coverage";
import { PONED_TEAM } from "../../shared/coverage/facility";
import { facilitySumColumns, type VersionColumns } from "../../shared/coverage/indicators";
import { membersOf } from "../../shared/coverage/standard";
import { jenisTenagaSchema, type JenisStandar, type JenisTenaga } from "../../shared/reference/codes";
import { sqlLiteral as quote } from "../db/literal";
import type { Sql } from "../db/types";
import { STAGED_NAKES } from "./coverage-staged";
import { regionFacilities, UNIT_SQL } from "./coverage-region";

/**
 * SQL of coverage_version (migrations 0050, 0065): one row per facility and roster version, holding
 * from the roster's as_of (valid_from) to the next later-dated roster's (valid_to; NULL: current),
 * with its persons per profession as columns t_<JENIS> and its PONED-team mask poned_tim (bit i:
 * PONED_TEAM[i] has a PONED-trained person). Both are derived in SQL from the version's own rows, so
 * they cannot disagree with them.
 */

export const JENIS = jenisTenagaSchema.options;

/** The staff-count column of a profession (codes are [A-Z_], never request text). */
export function countColumn(j: JenisTenaga): string {
  return `t_${j}`;
}

/** Persons of a standard jenis in a version row `v` (KEFARMASIAN = APOTEKER + TTK). */
export function standardCountSql(v: string, s: JenisStandar): string {
  return membersOf(s)
    .map((j) => `${v}.${countColumn(j)}`)
    .join(" + ");
}

const PONED_COMPLETE = (1 << PONED_TEAM.length) - 1;

/** SQL for the PONED-team mask of version `v` from its PONED training row. */
function ponedMaskSql(v: string): string {
  const bits = PONED_TEAM.map((j, i) => `(CASE WHEN p.${countColumn(j)} > 0 THEN ${1 << i} ELSE 0 END)`).join(" + ");
  return `COALESCE((SELECT ${bits} FROM coverage_pelatihan p WHERE p.version_id = ${v}.id AND p.kode = 'PONED'), 0)`;
}

/**
 * The refresh's statements for coverage_version (?1 upload id, ?2 the roster's as_of), before its
 * fact and training rows: the facilities of this upload end the version that held at its as_of
 * there (the same intervals as store/versions.ts commitVersionsSql gives roster_versi); then one
 * version per facility from its as_of, with persons per profession (a NIK counts once per jenis),
 * ending where the next later-dated version begins (none: current).
 */
export function insertVersionsSql(p: readonly string[]): Sql[] {
  return [
    {
      sql: `UPDATE coverage_version SET valid_to = ?2
        WHERE upload_id <> ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)
          AND kode_fasyankes IN (SELECT DISTINCT kode_fasyankes FROM (${STAGED_NAKES}))`,
      params: [...p],
    },
    {
      sql: `INSERT INTO coverage_version (upload_id, kode_fasyankes, valid_from, valid_to, ${JENIS.map(countColumn).join(", ")})
        SELECT ?1, s.kode_fasyankes, ?2,
          (SELECT MIN(x.valid_from) FROM coverage_version x WHERE x.kode_fasyankes = s.kode_fasyankes AND x.valid_from > ?2),
          ${JENIS.map((j) => `COUNT(DISTINCT CASE WHEN s.jenis_tenaga = ${quote(j)} THEN s.nik END)`).join(",\n          ")}
        FROM (${STAGED_NAKES}) AS s GROUP BY s.kode_fasyankes`,
      params: [...p],
    },
  ];
}

/** The PONED-team mask of upload ?1's versions, once their training rows are in. */
export function ponedTeamSql(uploadId: string): Sql {
  return { sql: `UPDATE coverage_version SET poned_tim = ${ponedMaskSql("coverage_version")} WHERE upload_id = ?1`, params: [uploadId] };
}

/**
 * The id of facility `kode`'s roster version current at the end of the as_of day (its interval holds
 * ?1, exclusive). Intervals of one facility never overlap, so at most one is; it is sought from the
 * latest valid_from before ?1 backwards in the covering index (kode_fasyankes, valid_from, valid_to),
 * so a facility's earlier versions (a version a month: 24 after two years) are not read.
 */
const currentVersionId = (kode: string) =>
  `(SELECT x.id FROM coverage_version x WHERE x.kode_fasyankes = ${kode} AND x.valid_from < ?1 AND (x.valid_to IS NULL OR x.valid_to >= ?1)
    ORDER BY x.valid_from DESC LIMIT 1)`;

/** CTEs `f` and `cur`: the region's roster versions current at the end of the as_of day, each with its row unit. */
export function currentVersions(level: CoverageLevel, where: string): string {
  return `${regionFacilities(where)},
cur AS (
  SELECT v.id, v.poned_tim, ${JENIS.map((j) => `v.${countColumn(j)}`).join(", ")},
    f.kode, f.jenis, f.kategori, f.rawat_inap, f.poned, f.kode_wilayah, ${UNIT_SQL[level]} AS unit
  FROM f JOIN coverage_version v ON v.id = ${currentVersionId("f.kode")}
)`;
}

/** CTEs `f` and `cur` with only the version ids and units, from the covering index: for statements that join fact tables. */
export function currentIds(level: CoverageLevel, where: string): string {
  return `${regionFacilities(where)},
cur AS MATERIALIZED (
  SELECT ${currentVersionId("f.kode")} AS id, ${UNIT_SQL[level]} AS unit FROM f
)`;
}

/** How the indicator declarations' SQL reads a current version row `cur` (shared/coverage/indicators.ts). */
const VERSION_COLUMNS: VersionColumns = {
  count: countColumn,
  standardCount: (s) => standardCountSql("cur", s),
  ponedComplete: PONED_COMPLETE,
};

/** Per unit: the indicators declared as per-facility sums (facilities by kind, staff per profession, the puskesmas indicators). */
export function facilitySumsSql(level: CoverageLevel, where: string): string {
  return `WITH ${currentVersions(level, where)} SELECT unit, ${facilitySumColumns(VERSION_COLUMNS).join(",\n  ")} FROM cur GROUP BY unit`;
}

/** Per unit: the region's active facilities without a roster version at the end of the as_of day. */
export function withoutRosterSql(level: CoverageLevel, where: string): string {
  const unit = UNIT_SQL[level];
  return `WITH ${regionFacilities(where)}
      SELECT ${unit} AS unit, COUNT(*) AS n FROM f
      WHERE ${currentVersionId("f.kode")} IS NULL
      GROUP BY ${unit}`;
}
