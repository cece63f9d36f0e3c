import { jsonChunks } from "./bulk";
import { prepare } from "./limits";
import type { Reader } from "./types";

/** A column to match and the values it may hold. */
export type InLookup = readonly [column: string, values: Iterable<string>];

/**
 * The rows matching any of several IN-lists, read in one batch. Each list's values travel as JSON
 * chunks within D1's limits (db/bulk's jsonChunks), one statement per chunk: `sql(column)` with the
 * chunk bound as ?1, matched as `<column> IN (SELECT value->>0 FROM json_each(?1))`. A row matching
 * two lists comes back once per list. No statement, and no round trip, when every list is empty.
 * @param sql the SELECT for one column (the caller's table, columns and other conditions)
 */
export async function findInLists<T>(db: Reader, lookups: readonly InLookup[], sql: (column: string) => string): Promise<T[]> {
  const statements: D1PreparedStatement[] = [];
  for (const [column, values] of lookups) {
    for (const chunk of jsonChunks([...values].map((v) => [v]))) statements.push(prepare(db, { sql: sql(column), params: [chunk.json] }));
  }
  if (statements.length === 0) return [];
  return (await db.batch<T>(statements)).flatMap((r) => r.results);
}
