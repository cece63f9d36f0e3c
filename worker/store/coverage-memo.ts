import { D1_LIMITS, prepare, utf8Bytes } from "../db/limits";
import type { Reader, Sql } from "../db/types";

/**
 * SQL of coverage_generation and coverage_memo (migration 0105): coverage answers remembered per
 * question until the data they were read from changes. The generation is a counter that the tables'
 * triggers bump on every row written to a table the coverage statements read, in the writer's own
 * transaction; a remembered answer holds only while the generation it was read at is current.
 */

/** The current generation, as an SQL expression. */
const CURRENT = "(SELECT n FROM coverage_generation WHERE id = 1)";

/** The generation now: read in the same batch (one snapshot) as the statements whose rows are remembered. */
export const GENERATION_SQL: Sql = { sql: `SELECT ${CURRENT} AS generation`, params: [] };

/**
 * The question's rows as remembered at the current generation (JSON text, its parts joined in
 * order); null when not remembered, or remembered at an older generation.
 */
export async function lookupMemo(db: Reader, question: string): Promise<string | null> {
  const { results } = await prepare(db, {
    sql: `SELECT m.rows FROM coverage_memo m
          WHERE m.question = ?1 AND m.generation = ${CURRENT} ORDER BY m.part`,
    params: [question],
  }).all<{ rows: string }>();
  return results.length > 0 ? results.map((r) => r.rows).join("") : null;
}

/** Parts a memo may take at most (each one D1 value): a larger answer is read afresh each time. */
export const MEMO_MAX_PARTS = 8;

/**
 * `text` in parts of at most `maxBytes` UTF-8 bytes each, never splitting a surrogate pair; null when
 * it needs more than MEMO_MAX_PARTS.
 */
export function memoParts(text: string, maxBytes: number = D1_LIMITS.maxValueBytes): string[] | null {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    if (parts.length === MEMO_MAX_PARTS) return null;
    // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair: 4 for 2): start from the ASCII case and shrink.
    let end = Math.min(text.length, at + maxBytes);
    while (utf8Bytes(text.slice(at, end)) > maxBytes) end = at + Math.floor((end - at) * 0.9);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts;
}

/**
 * Bytes of memos kept per database at most (0.2 % of D1's 10 GB): the newest are kept, the oldest go
 * first. A day's questions take far less: the largest province by regency ≈ 390 KB, the whole
 * country on one database ≈ 1 MB (bench:coverage, bench:fold).
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
 * stored; its parts (memoParts) go in one batch, so all or none are stored. Memos of older
 * generations (never read again) go first, then, past the byte budget, the oldest unpinned questions
 * (the pinned ones only when they alone pass it). Null when the rows need more than MEMO_MAX_PARTS:
 * that question is answered from the statements each time.
 */
export function memoStoreSql(question: string, generation: number, rows: string, at: string, keep: MemoKeeping = {}): Sql[] | null {
  const parts = memoParts(rows);
  if (!parts) return null;
  return [
    // The question's older parts go only when this memo replaces them (its generation is current): a
    // late store of a stale read leaves the memo another request stored meanwhile.
    { sql: `DELETE FROM coverage_memo WHERE generation <> ${CURRENT} OR (question = ?1 AND ?2 = ${CURRENT})`, params: [question, generation] },
    ...parts.map((text, part) => ({
      sql: `INSERT INTO coverage_memo (question, part, generation, stored_at, pinned, bytes, rows)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE ${CURRENT} = ?3`,
      params: [question, part, generation, at, keep.pinned ? 1 : 0, utf8Bytes(text), text],
    })),
    {
      sql: `DELETE FROM coverage_memo WHERE (SELECT SUM(bytes) FROM coverage_memo) > ?1 AND question IN (
              SELECT question FROM (
                SELECT question, SUM(SUM(bytes)) OVER (ORDER BY MAX(pinned) DESC, MAX(stored_at) DESC, question DESC) AS upto
                FROM coverage_memo GROUP BY question)
              WHERE upto > ?1)`,
      params: [keep.budget ?? MEMO_BUDGET_BYTES],
    },
  ];
}
