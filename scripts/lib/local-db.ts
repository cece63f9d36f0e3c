import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import type { Role } from "../../shared/reference/codes";
import { hashSecret, newSecret } from "../../worker/auth/secret";
import { toScript } from "../../worker/db/literal";
import { seedSql } from "../../fixtures/seed/data";
import { newTokenId, tokenInsertScript } from "../../worker/store/tokens";
import { deploymentDatabases } from "./deploy-steps";
import { rawWorkerConfig } from "./worker-config";
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

/** Runs SQL on one bound database (`binding`: DB, default, or a province's DB_xx). */
export async function runScript(sql: string, t: Target, binding = "DB"): Promise<void> {
  const dir = join(tmpdir(), `nakes-roster-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `script-${Date.now()}.sql`);
  writeFileSync(file, sql);
  await executeFile(file, t, true, binding);
}

export const seedScript = (): string => toScript(seedSql());

/**
 * The seed per bound database (SPEC §7: one database per province): DB gets the region codes and the
 * demo data of every province without a database of its own; each `DB_xx` of `bindings` its province's
 * demo facilities and population. With DB alone, DB gets everything (seedScript).
 */
export function seedScripts(bindings: readonly string[]): { binding: string; sql: string }[] {
  const own = bindings.filter((b) => /^DB_\d{2}$/.test(b)).map((b) => b.slice(3));
  const national = { binding: "DB", sql: toScript(seedSql({ inRegion: (w) => !own.includes(w.slice(0, 2)) })) };
  return [national, ...own.map((p) => ({ binding: `DB_${p}`, sql: toScript(seedSql({ wilayah: false, inRegion: (w) => w.startsWith(p) })) }))];
}

/**
 * Migrates every bound database and seeds each (seedScripts); `extraSql` (tokens) goes to DB only,
 * where tokens live whatever their scope.
 */
export async function prepareLocalDatabase(t: Target, extraSql = ""): Promise<void> {
  await applyMigrations(t);
  const bindings = deploymentDatabases(rawWorkerConfig().d1_databases).map((d) => d.binding);
  for (const { binding, sql } of seedScripts(bindings)) await runScript(binding === "DB" ? `${sql}\n${extraSql}` : sql, t, binding);
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
