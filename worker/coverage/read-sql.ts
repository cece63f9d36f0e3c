import type { ResolvedQuery } from "../../shared/coverage/build";
import type { JenisStandar } from "../../shared/reference/codes";
import type { Sql } from "../db/types";
import { factSumsSql } from "../store/coverage-facts";
import { trainingSumsSql } from "../store/coverage-pelatihan";
import { bindUsed, placedSql, populationSql, regionNamesSql, regionSelection } from "../store/coverage-region";
import { standardSumsSql } from "../store/coverage-standards";
import { facilitySumsSql, withoutRosterSql } from "../store/coverage-versions";

/**
 * Which statements answer GET /v1/coverage (their SQL: worker/store/coverage-*.ts). They sum the
 * per-facility-version aggregates (never the staff rows) of the versions current at the end of the
 * as_of day, grouped by row unit, all with the same bound parameters (store/coverage-region.ts).
 */


/** SQLite caps a result at SQLITE_MAX_COLUMN (D1: 100); 5 columns per jenis stay well under it. */
const JENIS_PER_STATEMENT = 16;

/**
 * The statements of one coverage question, by name, for a standard set naming `standardJenis`; one
 * batch runs them all.
 */
export function coverageSql(q: ResolvedQuery, standardJenis: readonly JenisStandar[]) {
  const r = regionSelection(q);
  const st = (sql: string) => bindUsed(sql, r.params);
  return {
    // The indicators declared as per-facility sums (shared/coverage/indicators.ts).
    facilities: st(facilitySumsSql(q.level, r.facilities)),
    standard: chunks(standardJenis, JENIS_PER_STATEMENT).map((part, i) => st(standardSumsSql(q.level, r.facilities, part, i === 0))),
    facts: st(factSumsSql(q.level, r.facilities)),
    training: st(trainingSumsSql(q.level, r.facilities)),
    withoutRoster: st(withoutRosterSql(q.level, r.facilities)),
    // Facility rows name the units at facility level; elsewhere only the region tree is needed.
    placed: st(placedSql(q.level, r.facilities)),
    population: st(populationSql(r.population)),
    names: st(regionNamesSql(r.population)),
  } satisfies Record<string, Sql | Sql[]>;
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

export type CoverageStatements = ReturnType<typeof coverageSql>;
/** Result rows per statement name; a name with several statements gets their rows together. */
export type CoverageRows = { [K in keyof CoverageStatements]: Record<string, unknown>[] } & { rules: Record<string, unknown>[] };
