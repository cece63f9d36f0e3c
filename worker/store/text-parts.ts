import { textParts } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql } from "../db/types";

/** SQL of text_parts: long texts stored as ordered pieces under D1's value limit. */

export function putTextSql(owner: string, text: string): Sql[] {
  return [
    { sql: "DELETE FROM text_parts WHERE owner = ?1", params: [owner] },
    ...textParts(text).map((body, part) => ({ sql: "INSERT INTO text_parts (owner, part, body) VALUES (?1, ?2, ?3)", params: [owner, part, body] })),
  ];
}

export async function getText(db: Reader, owner: string): Promise<string | null> {
  const { results } = await prepare(db, { sql: "SELECT body FROM text_parts WHERE owner = ?1 ORDER BY part", params: [owner] }).all<{ body: string }>();
  return results.length === 0 ? null : results.map((r) => r.body).join("");
}

export const uploadIssuesOwner = (uploadId: string): string => `upload:${uploadId}:issues`;
export const idempotentBodyOwner = (tokenId: string, key: string): string => `idem:${tokenId}:${key}`;
/** idempotentBodyOwner as an SQL expression over two columns (for set-based sweeps). */
export const idempotentBodyOwnerSql = (tokenCol: string, keyCol: string): string => `'idem:' || ${tokenCol} || ':' || ${keyCol}`;
