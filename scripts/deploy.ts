/**
 * npm run deploy: the API and the task pane to Cloudflare, on one origin (README "Deploy"):
 *   1. builds the pane (dist/addin, the Worker's static assets);
 *   2. creates the D1 database when worker/wrangler.jsonc has none yet, and writes its id there;
 *   3. applies the migrations to it and stores the region codes (no demo data);
 *   4. deploys the Worker;
 *   5. prints the pane's URL, the manifest's URL and how to make the first admin token.
 * Re-runnable: a second run skips step 2, and steps 3–4 change only what changed.
 *
 *   npm run deploy [-- --location apac]   # D1's location hint for a new database (default apac: Indonesia)
 *   npm run deploy -- --dry-run           # steps 1 and 4 without an account: bundle into dist/worker
 *
 * Needs a Cloudflare login first: `npx wrangler login` (or CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { toScript } from "../worker/db/literal";
import { referenceWilayah } from "../worker/seed/data";
import { upsertWilayahSql } from "../worker/store/wilayah";
import { buildAddin } from "./serve-addin";
import { afterDeployText, createdDatabaseId, deployedUrl, PLACEHOLDER_DATABASE_ID, withDatabaseId } from "./lib/deploy-steps";
import { runScript } from "./lib/local-db";
import { rawWorkerConfig } from "./lib/worker-config";
import { applyMigrations, root, runWrangler, wranglerConfig } from "./lib/wrangler";

const step = (n: number, text: string) => console.log(`\n[${n}/5] ${text}`);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { location: { type: "string", default: "apac" }, "dry-run": { type: "boolean", default: false } } });

  step(1, "Membangun panel / building the task pane (dist/addin) …");
  await buildAddin();

  if (values["dry-run"]) {
    step(4, "Uji bundel tanpa akun / bundling without an account (wrangler deploy --dry-run) …");
    await runWrangler(["deploy", "--dry-run", "--outdir", join(root, "dist", "worker")]);
    return;
  }

  try {
    await runWrangler(["whoami"], { quiet: true });
  } catch {
    throw new Error("Belum masuk ke Cloudflare / not logged in to Cloudflare: run `npx wrangler login` (or set CLOUDFLARE_API_TOKEN), then npm run deploy again.");
  }

  const db = rawWorkerConfig().d1_databases?.find((d) => d.binding === "DB");
  if (!db) throw new Error("worker/wrangler.jsonc has no D1 binding named DB");
  if (!db.database_id || db.database_id === PLACEHOLDER_DATABASE_ID) {
    step(2, `Membuat basis data D1 / creating the D1 database "${db.database_name}" (location ${values.location}) …`);
    const out = await runWrangler(["d1", "create", db.database_name, "--location", values.location!], { quiet: true });
    const id = createdDatabaseId(out);
    writeFileSync(wranglerConfig, withDatabaseId(readFileSync(wranglerConfig, "utf8"), id));
    console.log(`  database_id ${id} → worker/wrangler.jsonc (commit this change)`);
  } else {
    step(2, `Basis data sudah ada / database exists: ${db.database_name} (${db.database_id})`);
  }

  step(3, "Migrasi dan kode wilayah / migrations and region codes (remote) …");
  await applyMigrations({ remote: true }, false);
  await runScript(toScript(upsertWilayahSql(referenceWilayah())), { remote: true });

  step(4, "Men-deploy Worker / deploying the Worker …");
  const out = await runWrangler(["deploy"]);
  const origin = deployedUrl(out);

  step(5, "Langkah berikut / next steps");
  console.log(origin ? afterDeployText(origin) : "wrangler printed no URL: open the Worker in the Cloudflare dashboard; the pane is at <url>/taskpane.html, the manifest at <url>/manifest.xml.");
}

main().catch((e: unknown) => {
  console.error(`\nDeploy berhenti / stopped: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
