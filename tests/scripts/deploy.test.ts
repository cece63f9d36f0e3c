import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEV_ADDIN_ID } from "../../shared/office/manifest";
import {
  afterDeployText,
  createdDatabaseId,
  createMissingDatabases,
  deployedUrl,
  deploymentDatabases,
  needsOwnAddinId,
  PLACEHOLDER_DATABASE_ID,
  withAddinId,
  withDatabaseId,
} from "../../scripts/lib/deploy-steps";
import { checkDryRun, dryRunSummary, WORKER_GZIP_LIMIT } from "../../scripts/lib/dry-run";
import { root, runWrangler, wranglerConfig } from "../../scripts/lib/wrangler";
import { LOGIN_ADVICE } from "../../scripts/lib/wrangler-output";
import { workerConfig } from "../../scripts/lib/worker-config";

describe("npm run deploy, offline", () => {
  const out = mkdtempSync(join(tmpdir(), "nakes-dry-run-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("bundles the Worker with wrangler deploy --dry-run, under Workers' size limit, with its bindings and assets", async () => {
    // The same run and the same check as `npm run deploy -- --dry-run` (scripts/lib/dry-run.ts).
    const output = await runWrangler(["deploy", "--dry-run", "--outdir", out], { quiet: true });
    const report = checkDryRun(out, output);
    console.log(dryRunSummary(report));
    expect(report.problems).toEqual([]);
    expect(report.files).toContain("index.js");
    expect(report.gzip).toBeLessThan(WORKER_GZIP_LIMIT);
  }, 120_000);

  it("reports a dry run that proves nothing: no bundle, no D1 binding, no assets", () => {
    const empty = mkdtempSync(join(tmpdir(), "nakes-dry-run-empty-"));
    try {
      const report = checkDryRun(empty, "Read 0 files from the assets directory");
      expect(report.problems).toHaveLength(3);
      expect(report.problems.join("\n")).toMatch(/index\.js[\s\S]*DB[\s\S]*assets/);
      writeFileSync(join(empty, "index.js"), "export default {}");
      expect(checkDryRun(empty, "env.DB (nakes-roster)      D1 Database\nRead 12 files from the assets directory").problems).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("each deployment's own add-in id", () => {
  it("is the development id in the committed config, which the first deploy replaces", () => {
    expect(workerConfig().addinId).toBe(DEV_ADDIN_ID);
    expect(needsOwnAddinId(workerConfig().addinId)).toBe(true);
    expect(needsOwnAddinId(undefined)).toBe(true);
    expect(needsOwnAddinId("4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f")).toBe(false);
  });

  it("is written into wrangler.jsonc in place of the development id, keeping everything else, once", () => {
    const text = readFileSync(wranglerConfig, "utf8");
    const written = withAddinId(text, "4F1C2B9E-7A31-4C5D-9E8F-0A1B2C3D4E5F");
    expect(written).not.toContain(DEV_ADDIN_ID);
    expect(written.replace("4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f", DEV_ADDIN_ID)).toBe(text);
    expect(() => withAddinId(written, "0b7e2f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b")).toThrow(/found 0/);
    expect(() => withAddinId(text, "not-an-id")).toThrow(/Not an add-in id/);
  });
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
    // -s: npm's own "> nakes-roster@… manifest" banner stays out of what the command prints.
    expect(text).toMatch(/npm run -s manifest -- --url https:\/\/nakes-roster-api\.dinkes-bengkulu\.workers\.dev/);
  });
});

describe("npm run deploy with province databases bound (SPEC §7)", () => {
  // wrangler.jsonc as committed, plus two province bindings with the placeholder id, as an operator adds them.
  const committed = readFileSync(wranglerConfig, "utf8");
  const entry = (binding: string) => `,\n    {\n      "binding": "${binding}",\n      "database_name": "nakes-roster-${binding.slice(3)}",\n      "database_id": "${PLACEHOLDER_DATABASE_ID}",\n      "migrations_dir": "migrations"\n    }`;
  const withProvinces = committed.replace(/("migrations_dir": "migrations"\n    \})/, `$1${entry("DB_36")}${entry("DB_17")}`);
  const bound = [
    { binding: "DB", database_name: "nakes-roster", database_id: PLACEHOLDER_DATABASE_ID },
    { binding: "DB_36", database_name: "nakes-roster-36", database_id: PLACEHOLDER_DATABASE_ID },
    { binding: "DB_17", database_name: "nakes-roster-17", database_id: PLACEHOLDER_DATABASE_ID },
  ];
  /** A fake wrangler: `d1 create` prints wrangler 4's snippet with a fresh id; every call is recorded. */
  function fakeWrangler() {
    const calls: string[][] = [];
    let n = 0;
    const run = async (args: string[]) => {
      calls.push(args);
      if (args[0] === "d1" && args[1] === "create") return `Created your new D1 database.\n{\n  "database_id": "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e${String(++n).padStart(2, "0")}"\n}`;
      throw new Error(`unexpected wrangler ${args.join(" ")}`);
    };
    return { calls, run };
  }

  it("lists DB first, then each province's database in code order, and refuses a config without DB", () => {
    expect(deploymentDatabases(bound).map((d) => d.binding)).toEqual(["DB", "DB_17", "DB_36"]);
    expect(() => deploymentDatabases(bound.slice(1))).toThrow(/no D1 binding named DB/);
  });

  it("creates DB and every province database that has no id yet, writing each id into its own binding", async () => {
    const { calls, run } = fakeWrangler();
    const saved: string[] = [];
    const { text, created } = await createMissingDatabases(withProvinces, deploymentDatabases(bound), "apac", run, (t) => saved.push(t));
    expect(calls).toEqual([
      ["d1", "create", "nakes-roster", "--location", "apac"],
      ["d1", "create", "nakes-roster-17", "--location", "apac"],
      ["d1", "create", "nakes-roster-36", "--location", "apac"],
    ]);
    expect(created.map((c) => c.binding)).toEqual(["DB", "DB_17", "DB_36"]);
    expect(text).not.toContain(PLACEHOLDER_DATABASE_ID);
    // Each id sits in its own binding's entry; the rest of the file is unchanged.
    expect(text).toMatch(/"binding": "DB_17",\s*"database_name": "nakes-roster-17",\s*"database_id": "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e02"/);
    expect(text).toMatch(/"binding": "DB_36",\s*"database_name": "nakes-roster-36",\s*"database_id": "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e03"/);
    expect(text.replace(/4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e0\d/g, PLACEHOLDER_DATABASE_ID)).toBe(withProvinces);
    // Saved after each creation, so a failure part-way loses no id.
    expect(saved).toHaveLength(3);
    expect(saved[2]).toBe(text);
  });

  it("creates nothing on a second run, and only the missing one when a province is added later", async () => {
    const first = fakeWrangler();
    const done = deploymentDatabases(bound).map((d, i) => ({ ...d, database_id: `4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e0${i + 1}` }));
    expect((await createMissingDatabases("{}", done, "apac", first.run)).created).toEqual([]);
    expect(first.calls).toEqual([]);
    const later = fakeWrangler();
    const added = [...done.slice(0, 2), { binding: "DB_36", database_name: "nakes-roster-36", database_id: PLACEHOLDER_DATABASE_ID }];
    const { created } = await createMissingDatabases(withProvinces, added, "weur", later.run);
    expect(later.calls).toEqual([["d1", "create", "nakes-roster-36", "--location", "weur"]]);
    expect(created.map((c) => c.binding)).toEqual(["DB_36"]);
  });

  it("names the binding whose placeholder is missing", () => {
    expect(() => withDatabaseId(committed, "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f", "DB_17")).toThrow(/binding DB_17 .* found 0/);
  });
});

describe("npm run deploy without a Cloudflare login", () => {
  const home = mkdtempSync(join(tmpdir(), "nakes-deploy-no-login-"));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("stops at once with its own advice, before building or creating anything, and suggests no option it refuses", () => {
    const before = readFileSync(wranglerConfig, "utf8");
    const run = spawnSync(join(root, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx"), ["scripts/deploy.ts"], {
      cwd: root,
      encoding: "utf8",
      shell: process.platform === "win32",
      env: { ...process.env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: home, CLOUDFLARE_API_TOKEN: "", CLOUDFLARE_ACCOUNT_ID: "", WRANGLER_SEND_METRICS: "false" },
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(output).toContain(LOGIN_ADVICE);
    expect(output).not.toMatch(/\u001b|--temporary|\[2\/5\]/);
    expect(readFileSync(wranglerConfig, "utf8")).toBe(before);
  }, 120_000);
});
