import type { Reader, Writer } from "../db/types";
import { findActiveTokenByHash, insertToken, newTokenId, type NewToken } from "../store/tokens";
import { hashSecret, newSecret } from "./secret";
import type { TokenInfo } from "./token-info";

/**
 * Tokens as callers know them, by their secret (SPEC §7 Access: stored only as hashes): the secret is
 * made and hashed here, the row kept by store/tokens.ts.
 */

/** Creates a token; the secret is returned once and only its hash is stored. */
export async function createToken(db: Writer, t: NewToken, now = new Date().toISOString()): Promise<{ id: string; token: string }> {
  const token = newSecret();
  const id = newTokenId();
  await insertToken(db, id, await hashSecret(token), t, now);
  return { id, token };
}

/** The live token with this secret, or null (unknown or revoked). */
export async function findActiveToken(db: Reader, secret: string): Promise<TokenInfo | null> {
  return findActiveTokenByHash(db, await hashSecret(secret));
}
