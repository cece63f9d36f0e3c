import { prepare } from "../db/limits";
import type { Sql } from "../db/types";
import { factVersionsSql, stageFactsSql } from "../store/coverage-facts";
import { insertTrainingSql } from "../store/coverage-pelatihan";
import { insertVersionsSql, ponedTeamSql } from "../store/coverage-versions";

/** What the final batch of an upload tells coverage: which upload became current, and when. */
export interface RefreshTarget {
  uploadId: string;
  /** ISO timestamp at which the upload is recorded (the same instant for all its facilities). */
  at: string;
  /** The roster's own date (yyyy-mm-dd): its versions hold from it (SPEC §6). */
  asOf: string;
}

/**
 * The statements that keep coverage's aggregates current, set-based over the staged rows of the
 * upload (each one grouped insert from a select, never per row; their SQL: worker/store/coverage-*.ts): per
 * facility version the persons per profession and training, and the dated counts per change
 * (coverage_fakta, migration 0090). They belong in the same batch that makes the upload current, so
 * counts and rows change in one transaction and a reader never sees one without the other. In this
 * order: versions first (the facts' intervals and the training rows hang on them), the PONED mask
 * last (it reads the training rows). ?1 upload id, ?2 the roster's as_of.
 */
export function coverageRefreshSql(t: RefreshTarget): Sql[] {
  const p = [t.uploadId, t.asOf];
  return [...insertVersionsSql(p), stageFactsSql(p), ...factVersionsSql(p), insertTrainingSql(t.uploadId), ponedTeamSql(t.uploadId)];
}

/** The refresh as prepared statements (checked against D1's limits), for the upload's final batch. */
export function coverageRefreshStatements(db: Pick<D1Database, "prepare">, t: RefreshTarget): D1PreparedStatement[] {
  return coverageRefreshSql(t).map((s) => prepare(db, s));
}
