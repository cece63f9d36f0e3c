import { D1_LIMITS, D1LimitError, assertWithinLimits, utf8Bytes } from "./limits";
import type { Sql, SqlValue } from "./types";

/**
 * Set-based bulk writes: many rows travel as ONE bound JSON parameter that SQLite expands with
 * json_each, so a chunk of thousands of rows is one statement with a handful of parameters:
 *
 *   INSERT INTO t (a, b, c) SELECT ?1, value->>0, value->>1 FROM json_each(?2)
 *
 * Chunks are cut by rows (≤ maxRowsPerChunk) and by bytes (the JSON stays under D1's value limit).
 */

export interface ChunkOptions {
  maxRows?: number;
  maxBytes?: number;
}

export interface Chunk {
  /** JSON array of tuples. */
  json: string;
  rows: number;
}

/** A bulk statement and the rows it carries. */
export interface BulkSql extends Sql {
  rows: number;
}

/** Tuples → JSON arrays of tuples, each within the row and byte limits. */
export function jsonChunks(tuples: Iterable<readonly SqlValue[]>, opts: ChunkOptions = {}): Chunk[] {
  return [...jsonChunkStream(tuples, opts)];
}

/**
 * The same, one chunk at a time: a caller that sends each batch before building the next never holds
 * a whole upload's JSON at once (a Worker has 128 MB).
 */
export function* jsonChunkStream(tuples: Iterable<readonly SqlValue[]>, opts: ChunkOptions = {}): Generator<Chunk> {
  const maxRows = Math.min(opts.maxRows ?? D1_LIMITS.maxRowsPerChunk, D1_LIMITS.maxRowsPerChunk);
  const maxBytes = Math.min(opts.maxBytes ?? D1_LIMITS.maxValueBytes, D1_LIMITS.maxValueBytes);
  let parts: string[] = [];
  let bytes = 2; // the brackets
  for (const t of tuples) {
    const json = JSON.stringify(t);
    const size = utf8Bytes(json);
    if (size + 2 > maxBytes) throw new D1LimitError(`one row is ${size} bytes of JSON; a chunk holds at most ${maxBytes}`);
    if (parts.length > 0 && (parts.length >= maxRows || bytes + size + 1 > maxBytes)) {
      yield { json: `[${parts.join(",")}]`, rows: parts.length };
      parts = [];
      bytes = 2;
    }
    bytes += size + (parts.length > 0 ? 1 : 0);
    parts.push(json);
  }
  if (parts.length > 0) yield { json: `[${parts.join(",")}]`, rows: parts.length };
}

export interface BulkInsert {
  /** INSERT target, e.g. "nakes (upload_id, kode_fasyankes, row_no, nik)". */
  into: string;
  /**
   * The SELECT list over json_each's `value`, e.g. ["?1", "value->>0", "value->>1"]. Fixed values are
   * bound as ?1…?n (in `fixed`); the chunk is bound last.
   */
  select: string[];
  fixed?: SqlValue[];
  /** Appended after FROM json_each(…), e.g. "ON CONFLICT (kode) DO UPDATE SET …". */
  tail?: string;
}

/** One INSERT … SELECT … FROM json_each(?) per chunk, each checked against D1's limits. */
export function bulkInsert(spec: BulkInsert, tuples: Iterable<readonly SqlValue[]>, opts: ChunkOptions = {}): BulkSql[] {
  return [...bulkInsertStream(spec, tuples, opts)];
}

/** The same, built as it is consumed (see jsonChunkStream). */
export function* bulkInsertStream(spec: BulkInsert, tuples: Iterable<readonly SqlValue[]>, opts: ChunkOptions = {}): Generator<BulkSql> {
  const fixed = spec.fixed ?? [];
  const chunkParam = `?${fixed.length + 1}`;
  // SQLite needs a WHERE before an upsert's ON CONFLICT when the source is a SELECT.
  const tail = spec.tail ? ` WHERE true ${spec.tail}` : "";
  const sql = `INSERT INTO ${spec.into} SELECT ${spec.select.join(", ")} FROM json_each(${chunkParam})${tail}`;
  for (const chunk of jsonChunkStream(tuples, opts)) yield { ...assertWithinLimits({ sql, params: [...fixed, chunk.json] }), rows: chunk.rows };
}

/** A long text cut into pieces of at most `maxBytes` UTF-8 bytes (never inside a surrogate pair). */
export function textParts(text: string, maxBytes: number = D1_LIMITS.maxValueBytes): string[] {
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (bytes + w > maxBytes) {
      parts.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += w;
    if (w === 4) i++;
  }
  if (start < text.length || parts.length === 0) parts.push(text.slice(start));
  return parts;
}
