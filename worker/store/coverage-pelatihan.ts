import type { CoverageLevel } from "../../shared/api/coverage";
import type { Sql } from "../db/types";
import { STAGED_NAKES, STAGED_PELATIHAN } from "./coverage-staged";
import { sqlLiteral as quote } from "../db/literal";
import { countColumn, currentIds, JENIS } from "./coverage-versions";

/**
 * SQL of coverage_pelatihan (migration 0050): per facility version and training code, the persons
 * per profession (columns t_<JENIS>) with at least one course of that code.
 */

/** The refresh's training counts of upload ?1's versions (after they are in), set-based over its staged rows. */
export function insertTrainingSql(uploadId: string): Sql {
  const staged = `(${STAGED_NAKES}) AS s JOIN coverage_version v ON v.upload_id = ?1 AND v.kode_fasyankes = s.kode_fasyankes`;
  return {
    sql: `INSERT INTO coverage_pelatihan (version_id, kode, ${JENIS.map(countColumn).join(", ")})
        SELECT v.id, t.kode_pelatihan,
          ${JENIS.map((j) => `COUNT(DISTINCT CASE WHEN s.jenis_tenaga = ${quote(j)} THEN s.nik END)`).join(",\n          ")}
        FROM ${staged} JOIN (SELECT DISTINCT nik, kode_pelatihan FROM (${STAGED_PELATIHAN})) AS t ON t.nik = s.nik
        GROUP BY v.id, t.kode_pelatihan`,
    params: [uploadId],
  };
}

/** Per unit and training code: persons per profession (a column per jenis) of the current versions. */
export function trainingSumsSql(level: CoverageLevel, where: string): string {
  return `WITH ${currentIds(level, where)}
      SELECT cur.unit, p.kode, ${JENIS.map((j) => `SUM(p.${countColumn(j)}) AS ${j}`).join(", ")}
      FROM cur JOIN coverage_pelatihan p ON p.version_id = cur.id
      GROUP BY cur.unit, p.kode`;
}
