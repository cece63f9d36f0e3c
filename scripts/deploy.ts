/**
 * npm run deploy: the API and the task pane to Cloudflare, on one origin (README "Deploy"):
 *   1. checks the Cloudflare login first (wrangler whoami's text: it exits 0 even when logged out);
 *   2. builds the pane (dist/addin, the Worker's static assets);
 *   3. gives this deployment its own add-in id (ADDIN_ID) and creates each bound D1 database (DB and
 *      every province's DB_xx) that worker/wrangler.jsonc has no id for yet, writing them there
 *      (commit that change);
 *   4. applies the migrations to every bound database and stores the region codes in DB (no demo data);
 *   5. deploys the Worker and prints the pane's URL, the manifest's URL and how to make the first
 *      admin token.
 * Re-runnable: a second run skips the new id and database, and steps 4–5 change only what changed.
 *
 *   npm run deploy [-- --location apac]   # D1's location hint for a new database (default apac: Indonesia)
 *   npm run deploy -- --dry-run           # without an account: builds the pane, bundles into dist/worker
 *                                         # and checks the bundle (size under 3 MB gzip, D1 binding, assets)
 *
 * Needs a Cloudflare login first: `npx wrangler login` (or CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID),
 * and a workers.dev subdomain on the account (README "Deploy", step 1).
 */
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { toScript } from "../worker/db/literal";
import { referenceWilayah } from "../fixtures/seed/data";
import { upsertWilayahSql } from "../worker/store/wilayah";
import { buildAddin } from "./serve-addin";
import { afterDeployText, createMissingDatabases, deployedUrl, deploymentDatabases, needsOwnAddinId, withAddinId } from "./lib/deploy-steps";
import { checkDryRun, dryRunSummary } from "./lib/dry-run";
import { runScript } from "./lib/local-db";
import { rawWorkerConfig } from "./lib/worker-config";
import { applyMigrations, root, runWrangler, wranglerConfig } from "./lib/wrangler";
import { LOGIN_ADVICE, whoamiLoggedIn } from "./lib/wrangler-output";

/** Prints "[n/total] text": the dry run has its own, shorter count. */
const stepper = (total: number) => (n: number, text: string) => console.log(`\n[${n}/${total}] ${text}`);

async function dryRun(): Promise<void> {
  const step = stepper(3);
  step(1, "Membangun panel / building the task pane (dist/addin) …");
  await buildAddin();
  step(2, "Uji bundel tanpa akun / bundling without an account (wrangler deploy --dry-run) …");
  const outdir = join(root, "dist", "worker");
  rmSync(outdir, { recursive: true, force: true });
  const output = await runWrangler(["deploy", "--dry-run", "--outdir", outdir]);
  step(3, "Memeriksa bundel / checking the bundle …");
  const report = checkDryRun(outdir, output);
  console.log(`  ${dryRunSummary(report)}`);
  if (report.problems.length > 0) throw new Error(report.problems.join("\n  "));
  console.log("  Bundel siap di-deploy / the bundle is ready to deploy (D1 binding, assets, size checked). Nothing was uploaded.");
}

async function deploy(location: string): Promise<void> {
  const step = stepper(5);
  step(1, "Memeriksa login Cloudflare / checking the Cloudflare login (wrangler whoami) …");
  if (!whoamiLoggedIn(await runWrangler(["whoami"], { quiet: true }))) throw new Error(LOGIN_ADVICE);

  step(2, "Membangun panel / building the task pane (dist/addin) …");
  await buildAddin();

  const raw = rawWorkerConfig();
  const databases = deploymentDatabases(raw.d1_databases);
  step(3, "Konfigurasi deployment / this deployment's configuration (worker/wrangler.jsonc) …");
  if (needsOwnAddinId(raw.vars?.["ADDIN_ID"])) {
    const id = randomUUID();
    writeFileSync(wranglerConfig, withAddinId(readFileSync(wranglerConfig, "utf8"), id));
    console.log(`  ADDIN_ID ${id} → worker/wrangler.jsonc: id add-in milik deployment ini / this deployment's own add-in id (commit this change)`);
  }
  // DB and each province's DB_xx (SPEC §7): every bound database without an id yet is created.
  const { created } = await createMissingDatabases(readFileSync(wranglerConfig, "utf8"), databases, location, runWrangler, (text) => writeFileSync(wranglerConfig, text));
  for (const d of databases) {
    const made = created.find((c) => c.binding === d.binding);
    console.log(
      made
        ? `  Basis data D1 dibuat / D1 database created: ${d.binding} "${d.database_name}" (location ${location}), database_id ${made.id} → worker/wrangler.jsonc (commit this change)`
        : `  Basis data sudah ada / database exists: ${d.binding} ${d.database_name} (${d.database_id})`,
    );
  }

  step(4, "Migrasi dan kode wilayah / migrations and region codes (remote) …");
  await applyMigrations({ remote: true }, false);
  await runScript(toScript(upsertWilayahSql(referenceWilayah())), { remote: true });

  step(5, "Men-deploy Worker / deploying the Worker …");
  const out = await runWrangler(["deploy"]);
  const origin = deployedUrl(out);
  console.log(origin ? afterDeployText(origin) : "wrangler printed no URL: open the Worker in the Cloudflare dashboard; the pane is at <url>/taskpane.html, the manifest at <url>/manifest.xml.");
}

const USAGE = "npm run deploy [-- --location <apac|weur|enam|…>]  |  npm run deploy -- --dry-run";

async function main(): Promise<void> {
  let values: { location?: string; "dry-run"?: boolean };
  try {
    ({ values } = parseArgs({ options: { location: { type: "string", default: "apac" }, "dry-run": { type: "boolean", default: false } } }));
  } catch (e) {
    // Only the options above exist (not wrangler's own, e.g. --temporary): say which.
    throw new Error(`${e instanceof Error ? e.message : String(e)}. Pakai / usage: ${USAGE}`);
  }
  if (values["dry-run"]) await dryRun();
  else await deploy(values.location!);
}

main().catch((e: unknown) => {
  // WranglerError's message is already the scripts' advice (no login, no workers.dev subdomain) or
  // wrangler's last lines without colour codes and without options only wrangler itself takes.
  console.error(`\nDeploy berhenti / stopped: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
