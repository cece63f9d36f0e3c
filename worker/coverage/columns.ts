import { jenisTenagaSchema, type JenisStandar, type JenisTenaga } from "../../shared/reference/codes";
import { PONED_TEAM } from "../../shared/coverage/facility";
import { membersOf } from "../../shared/coverage/standard";

/**
 * How coverage_version holds per-version facts as columns: t_<JENIS> persons per profession, and the
 * PONED-team mask (bit i: PONED_TEAM[i] has a PONED-trained person). Both are derived in SQL from the
 * version's own rows, so they cannot disagree with them.
 */
export const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

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

/**
 * valid_to of a coverage_fakta row that holds still (migration 0090): a date after every roster
 * date rather than NULL, so current rows sit together in the table's key (facility, kind, valid_to).
 */
export const OPEN_END = "'9999-12-31'";

export const PONED_COMPLETE = (1 << PONED_TEAM.length) - 1;

/** SQL for the PONED-team mask of version `v` from its PONED training row. */
export function ponedMaskSql(v: string): string {
  const bits = PONED_TEAM.map((j, i) => `(CASE WHEN p.${countColumn(j)} > 0 THEN ${1 << i} ELSE 0 END)`).join(" + ");
  return `COALESCE((SELECT ${bits} FROM coverage_pelatihan p WHERE p.version_id = ${v}.id AND p.kode = 'PONED'), 0)`;
}
