import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { afterDeployText, createdDatabaseId, deployedUrl, PLACEHOLDER_DATABASE_ID, withDatabaseId } from "../../scripts/lib/deploy-steps";
import { ensureAssetsDir } from "../../scripts/lib/assets";
import { root, wranglerConfig, wranglerEnv } from "../../scripts/lib/wrangler";

/** Workers' limit on a Worker's compressed size on the Free plan (Paid allows 10 MB): the stricter one. */
const WORKER_GZIP_LIMIT = 3 * 1024 * 1024;

describe("npm run deploy, offline", () => {
  const out = mkdtempSync(join(tmpdir(), "nakes-dry-run-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("bundles the Worker with wrangler deploy --dry-run, under Workers' size limit, with its bindings and assets", () => {
    ensureAssetsDir();
    const run = spawnSync(join(root, "node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", out, "--config", wranglerConfig], {
      cwd: root,
      env: wranglerEnv(),
      encoding: "utf8",
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(0);
    const bundle = readdirSync(out).filter((f) => f.endsWith(".js") || f.endsWith(".mjs") || f.endsWith(".wasm"));
    expect(bundle).toContain("index.js");
    const raw = bundle.reduce((n, f) => n + readFileSync(join(out, f)).byteLength, 0);
    const gzip = bundle.reduce((n, f) => n + gzipSync(readFileSync(join(out, f)), { level: 9 }).byteLength, 0);
    console.log(`Worker bundle: ${(raw / 1024).toFixed(0)} KiB, gzip ${(gzip / 1024).toFixed(0)} KiB (limit ${WORKER_GZIP_LIMIT / 1024 / 1024} MB on Free, 10 MB on Paid)`);
    expect(gzip).toBeLessThan(WORKER_GZIP_LIMIT);
    expect(output).toMatch(/env\.DB \(nakes-roster\)\s+D1 Database/);
    expect(output).toMatch(/Read \d+ files? from the assets directory/);
  }, 120_000);
});

describe("reading and writing what wrangler prints and reads", () => {
  const created = [
    "✅ Successfully created DB 'nakes-roster' using primary location hint apac",
    "Created your new D1 database.",
    "",
    "To access your new D1 Database in your Worker, add the following snippet to your configuration file:",
    "{",
    '  "d1_databases": [',
    "    {",
    '      "binding": "nakes_roster",',
    '      "database_name": "nakes-roster",',
    '      "database_id": "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f"',
    "    }",
    "  ]",
    "}",
  ].join("\n");

  it("takes the new database's id from wrangler d1 create's snippet, JSON or TOML", () => {
    expect(createdDatabaseId(created)).toBe("4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f");
    expect(createdDatabaseId('[[d1_databases]]\nbinding = "DB"\ndatabase_id = "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f"')).toBe("4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f");
    expect(() => createdDatabaseId("✘ [ERROR] A request to the Cloudflare API failed.")).toThrow(/no database_id/);
  });

  it("writes the id into wrangler.jsonc in place of the placeholder, keeping every comment and the migrations folder", () => {
    const text = readFileSync(wranglerConfig, "utf8");
    expect(text).toContain(PLACEHOLDER_DATABASE_ID);
    const written = withDatabaseId(text, "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f");
    expect(written).not.toContain(PLACEHOLDER_DATABASE_ID);
    expect(written.replace("4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f", PLACEHOLDER_DATABASE_ID)).toBe(text);
    expect(() => withDatabaseId(written, "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f")).toThrow(/found 0/);
    expect(() => withDatabaseId(text, "not-an-id")).toThrow(/Not a database id/);
  });

  it("finds the deployed origin in wrangler deploy's target list, workers.dev or a custom domain", () => {
    const deployed = (targets: string[]) =>
      ["Uploaded nakes-roster-api (4.02 sec)", "Deployed nakes-roster-api triggers (1.20 sec)", ...targets.map((t) => `  ${t}`), "Current Version ID: 0b7e…"].join("\n");
    expect(deployedUrl(deployed(["https://nakes-roster-api.dinkes-bengkulu.workers.dev", "schedule: 0 18 * * *"]))).toBe("https://nakes-roster-api.dinkes-bengkulu.workers.dev");
    expect(deployedUrl(deployed(["schedule: 0 18 * * *", "roster.dinkes.bengkuluprov.go.id (custom domain)"]))).toBe("https://roster.dinkes.bengkuluprov.go.id");
    expect(deployedUrl("No targets deployed for nakes-roster-api")).toBeNull();
  });

  it("ends by naming the pane, the manifest and the remote admin-token command", () => {
    const text = afterDeployText("https://nakes-roster-api.dinkes-bengkulu.workers.dev");
    expect(text).toContain("https://nakes-roster-api.dinkes-bengkulu.workers.dev/taskpane.html");
    expect(text).toContain("https://nakes-roster-api.dinkes-bengkulu.workers.dev/manifest.xml");
    expect(text).toMatch(/npm run token -- create --role admin .* --remote/);
  });
});
