import type { Role } from "../../shared/reference/codes";
import { sqlLiteral } from "../db/literal";
import type { Reader, Writer } from "../db/types";

/**
 * SQL of the tokens table: the only place that reads or writes it. Rows hold a secret's hash only;
 * making secrets and hashing them is auth/'s (auth/tokens.ts), so this module never imports auth/.
 */

/** A token's public facts as stored (auth/token-info.ts TokenInfo is this shape). */
export interface TokenRow {
  id: string;
  role: Role;
  /** Region-code prefix (2/4/6 digits), one facility's code, or "ID" for the whole country (SPEC §7 Access). */
  scope: string;
  name: string;
}

export interface NewToken {
  role: Role;
  scope: string;
  name: string;
  createdBy?: string | null;
}

export interface StoredToken extends TokenRow {
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

export const newTokenId = (): string => `tok_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`;

/** Stores a token by the hash of its secret (auth/tokens.ts createToken makes both). */
export async function insertToken(db: Writer, id: string, hash: string, t: NewToken, now: string): Promise<void> {
  await db
    .prepare("INSERT INTO tokens (id, hash, role, scope, name, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    .bind(id, hash, t.role, t.scope, t.name, now, t.createdBy ?? null)
    .run();
}

/** The live token whose secret has this hash, or null (unknown or revoked). */
export async function findActiveTokenByHash(db: Reader, hash: string): Promise<TokenRow | null> {
  return (await db.prepare("SELECT id, role, scope, name FROM tokens WHERE hash = ?1 AND revoked_at IS NULL").bind(hash).first<TokenRow>()) ?? null;
}

export async function getToken(db: Reader, id: string): Promise<StoredToken | null> {
  return (
    (await db.prepare("SELECT id, role, scope, name, created_at, created_by, revoked_at FROM tokens WHERE id = ?1").bind(id).first<StoredToken>()) ?? null
  );
}

export async function listTokens(db: Reader): Promise<StoredToken[]> {
  const { results } = await db
    .prepare(TOKEN_LIST_SQL)
    .all<StoredToken>();
  return results;
}

/** Revokes a token; true when it was live. Revocation is permanent. */
export async function revokeToken(db: Writer, id: string, now = new Date().toISOString()): Promise<boolean> {
  const r = await db.prepare("UPDATE tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL").bind(id, now).run();
  return (r.meta.changes ?? 0) > 0;
}

/**
 * The INSERT as a literal SQL script, for `wrangler d1 execute` (scripts/token.ts, npm start). With
 * `upsert`, the same id is re-stored and un-revoked (the local admin token across restarts).
 */
export function tokenInsertScript(id: string, hash: string, t: NewToken, now: string, upsert = false): string {
  const q = sqlLiteral;
  const insert = `INSERT INTO tokens (id, hash, role, scope, name, created_at, created_by) VALUES (${q(id)}, ${q(hash)}, ${q(t.role)}, ${q(t.scope)}, ${q(t.name)}, ${q(now)}, ${q(t.createdBy ?? null)})`;
  return upsert
    ? `${insert} ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, role = excluded.role, scope = excluded.scope, name = excluded.name, revoked_at = NULL;`
    : `${insert};`;
}

/** Revocation as a literal SQL script (scripts/token.ts). */
export function tokenRevokeScript(id: string, now: string): string {
  return `UPDATE tokens SET revoked_at = ${sqlLiteral(now)} WHERE id = ${sqlLiteral(id)} AND revoked_at IS NULL;`;
}

export const TOKEN_LIST_SQL = "SELECT id, role, scope, name, created_at, created_by, revoked_at FROM tokens ORDER BY created_at DESC, id";
