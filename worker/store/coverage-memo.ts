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

/**
 * Bytes of memos kept per database at most (0.2 % of D1's 10 GB): the newest are kept, the oldest go
 * first. A day's questions take far less: a province by regency ≈ 160 KB, the country's part ≈ 10 KB.
 */
export const MEMO_BUDGET_BYTES = 20_000_000;

/** How a memo is kept: `pinned` for the questions the scheduled job answers ahead (coverage/warm.ts). */
export interface MemoKeeping {
  pinned?: boolean;
  /** Bytes kept at most (default MEMO_BUDGET_BYTES). */
  budget?: number;
}

/**
 * Remembers `rows` (JSON text) for `question`, read at `generation`, if that is still the current
 * generation: a write committed since the read leaves nothing behind, so a stale answer is never
 * stored. Memos of older generations (never read again) go in the same batch, then, past the byte
 * budget, the oldest unpinned ones first (the pinned ones only when they alone pass it). Null when the
 * rows are larger than one D1 value may be (D1_LIMITS.maxValueBytes): that question is answered from
 * the statements each time.
 */
export function memoStoreSql(question: string, generation: number, rows: string, at: string, keep: MemoKeeping = {}): Sql[] | null {
  const bytes = utf8Bytes(rows);
  if (bytes > D1_LIMITS.maxValueBytes) return null;
  const current = "(SELECT n FROM coverage_generation WHERE id = 1)";
  return [
    { sql: `DELETE FROM coverage_memo WHERE generation <> ${current}`, params: [] },
    {
      sql: `INSERT OR REPLACE INTO coverage_memo (question, generation, stored_at, pinned, bytes, rows)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE ${current} = ?2`,
      params: [question, generation, at, keep.pinned ? 1 : 0, bytes, rows],
    },
    {
      sql: `DELETE FROM coverage_memo WHERE (SELECT SUM(bytes) FROM coverage_memo) > ?1 AND question IN (
              SELECT question FROM (SELECT question, SUM(bytes) OVER (ORDER BY pinned DESC, stored_at DESC, question DESC) AS upto FROM coverage_memo)
              WHERE upto > ?1)`,
      params: [keep.budget ?? MEMO_BUDGET_BYTES],
    },
  ];
}
