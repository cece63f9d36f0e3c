import { D1_LIMITS, utf8Bytes } from "../db/limits";
import type { Sql } from "../db/types";

/**
 * SQL of coverage_generation and coverage_memo (migration 0105): coverage answers remembered per
 * question until the data they were read from changes. The generation is a counter that the tables'
 * triggers bump on every row written to a table the coverage statements read, in the writer's own
 * transaction; a remembered answer holds only while the generation it was read at is current.
 */

/** The generation now: read in the same batch (one snapshot) as the statements whose rows are remembered. */
export const GENERATION_SQL: Sql = { sql: "SELECT n AS generation FROM coverage_generation WHERE id = 1", params: [] };

/**
 * One row: the current generation and, when remembered at it, the question's rows (JSON text; NULL
 * when not remembered or remembered at an older generation).
 */
export function memoLookupSql(question: string): Sql {
  return {
    sql: `SELECT g.n AS generation, (SELECT m.rows FROM coverage_memo m WHERE m.question = ?1 AND m.generation = g.n) AS rows
          FROM coverage_generation g WHERE g.id = 1`,
    params: [question],
  };
}

/** Memos kept per database at most; the oldest go first (a day's questions are far fewer). */
export const MEMO_LIMIT = 2000;

/**
 * Remembers `rows` (JSON text) for `question`, read at `generation`, if that is still the current
 * generation: a write committed since the read leaves nothing behind, so a stale answer is never
 * stored. Memos of older generations (never read again) and those past MEMO_LIMIT go in the same
 * batch. Null when the rows are larger than one D1 value may be (D1_LIMITS.maxValueBytes): that
 * question is answered from the statements each time.
 */
export function memoStoreSql(question: string, generation: number, rows: string, at: string): Sql[] | null {
  if (utf8Bytes(rows) > D1_LIMITS.maxValueBytes) return null;
  const current = "(SELECT n FROM coverage_generation WHERE id = 1)";
  return [
    { sql: `DELETE FROM coverage_memo WHERE generation <> ${current}`, params: [] },
    {
      sql: `INSERT OR REPLACE INTO coverage_memo (question, generation, stored_at, rows)
            SELECT ?1, ?2, ?3, ?4 WHERE ${current} = ?2`,
      params: [question, generation, at, rows],
    },
    {
      sql: `DELETE FROM coverage_memo WHERE question IN (
              SELECT question FROM coverage_memo ORDER BY stored_at, question
              LIMIT max(0, (SELECT COUNT(*) FROM coverage_memo) - ${MEMO_LIMIT}))`,
      params: [],
    },
  ];
}
