import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import type { Role } from "../../shared/reference/codes";
import { hashSecret, newSecret } from "../../worker/auth/secret";
import { toScript } from "../../worker/db/literal";
import { seedSql } from "../../worker/seed/data";
import { newTokenId, tokenInsertScript } from "../../worker/store/tokens";
import { applyMigrations, executeFile, type Target } from "./wrangler";

/**
 * The local database of `npm start` and `npm run token`: migrations, the seed generated from shared/,
 * tokens. Everything goes through wrangler's own commands, so it matches what `wrangler dev` reads.
 */

export interface TokenSpec {
  role: Role;
  scope: string;
  name: string;
}

export async function runScript(sql: string, t: Target): Promise<void> {
  const dir = join(tmpdir(), `nakes-roster-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `script-${Date.now()}.sql`);
  writeFileSync(file, sql);
  await executeFile(file, t);
}

export const seedScript = (): string => toScript(seedSql());

export async function prepareLocalDatabase(t: Target, extraSql = ""): Promise<void> {
  await applyMigrations(t);
  await runScript(`${seedScript()}\n${extraSql}`, t);
}

/** A new token: its secret (shown once) and the SQL that stores its hash. */
export async function newToken(t: TokenSpec, now = new Date().toISOString()): Promise<{ id: string; token: string; sql: string }> {
  const token = newSecret();
  const id = newTokenId();
  return { id, token, sql: tokenInsertScript(id, await hashSecret(token), { ...t, createdBy: "cli" }, now) };
}

export const LOCAL_ADMIN_ID = "tok_local_admin";

/**
 * The local admin token of `npm start`: kept in the persistence directory so restarts keep the token
 * the user pasted into the add-in; re-stored (and un-revoked) on every start.
 */
export async function localAdminToken(persistTo: string, spec: TokenSpec): Promise<{ token: string; sql: string }> {
  const file = join(persistTo, "nakes-roster-admin-token.txt");
  let token = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  if (!/^nkr_[A-Za-z0-9_-]{43}$/.test(token)) {
    token = newSecret();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
  }
  return { token, sql: tokenInsertScript(LOCAL_ADMIN_ID, await hashSecret(token), { ...spec, createdBy: "npm start" }, new Date().toISOString(), true) };
}
