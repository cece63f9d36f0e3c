/**
 * npm run token -- create --role admin|uploader|analyst --scope 1706 --name "Dinkes Mukomuko"
 * npm run token -- revoke --id tok_…
 * npm run token -- list
 *
 * Works on the local database of `npm start` (wrangler's local D1), on one kept elsewhere with
 * --persist-to DIR (wrangler's own flag), or with --remote on the deployed database. The token is
 * printed once; only its SHA-256 is stored.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { tokenCreateRequestSchema } from "../shared/api/tokens";
import { NATIONAL_SCOPE } from "../worker/auth/scope";
import { TOKEN_LIST_SQL, tokenRevokeScript } from "../worker/store/tokens";
import { applyMigrations, query, type Target } from "./lib/wrangler";
import { newToken, runScript } from "./lib/local-db";

const USAGE = `Pemakaian / usage:
  npm run token -- create --role <admin|uploader|analyst> --scope <ID|kode wilayah|kode fasyankes> --name "<nama>" [--persist-to DIR | --remote]
  npm run token -- revoke --id <token id> [--persist-to DIR | --remote]
  npm run token -- list [--persist-to DIR | --remote]`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: "string" },
      scope: { type: "string" },
      name: { type: "string" },
      id: { type: "string" },
      "persist-to": { type: "string" },
      remote: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) fail("Perintah tidak ada / no command.");
  if (values.remote && values["persist-to"]) fail("--remote dan --persist-to tidak bisa bersama / cannot be combined.");
  const target: Target = { remote: values.remote, persistTo: values["persist-to"] };
  // A fresh local database needs its tables before the first token (remote ones are migrated on deploy).
  if (!target.remote) await applyMigrations(target);

  if (command === "create") {
    // The command line may also issue national tokens (scope ID), which the API does not.
    const schema = tokenCreateRequestSchema.extend({ scope: tokenCreateRequestSchema.shape.scope.or(z.literal(NATIONAL_SCOPE)) });
    const parsed = schema.safeParse({ role: values.role, scope: values.scope, name: values.name });
    if (!parsed.success) fail(`Argumen tidak sah / invalid arguments: ${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; ")}`);
    const t = await newToken(parsed.data);
    await runScript(t.sql, target);
    console.log(`Token dibuat / token created: ${t.id} (${parsed.data.role}, scope ${parsed.data.scope}, "${parsed.data.name}")`);
    console.log("Simpan sekarang, token hanya ditampilkan sekali / save it now, it is shown only once:\n");
    console.log(t.token);
    return;
  }
  if (command === "revoke") {
    if (!values.id) fail("--id diperlukan / --id is required.");
    const before = await query<{ revoked_at: string | null }>(`SELECT revoked_at FROM tokens WHERE id = '${values.id.replace(/'/g, "''")}'`, target);
    if (before.length === 0) fail(`Token ${values.id} tidak ditemukan / not found.`);
    await runScript(tokenRevokeScript(values.id, new Date().toISOString()), target);
    console.log(`Token ${values.id} dicabut / revoked.`);
    return;
  }
  if (command === "list") {
    const rows = await query<Record<string, string | null>>(TOKEN_LIST_SQL, target);
    console.table(rows);
    return;
  }
  fail(`Perintah tidak dikenal / unknown command: ${command}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
