import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../scripts/openapi";

/**
 * examples/ is a small typed client (openapi-typescript types + openapi-fetch), its own package because
 * openapi-typescript needs TypeScript 5. Here its types are generated from the API's live document and
 * the client is typechecked against them, so a change to the API that breaks the client fails CI.
 */
const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
const bin = (name: string) => join(examples, "node_modules", ".bin", name);
const work = mkdtempSync(join(tmpdir(), "nakes-examples-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { cwd: examples, encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
};

describe("the typed client in examples/", () => {
  it("is installed with the project (npm workspaces), TypeScript 5 beside the root's", () => {
    expect(existsSync(bin("openapi-typescript")), "run npm install at the project root").toBe(true);
    expect(run(bin("tsc"), ["--version"]).output).toMatch(/Version 5\./);
  });

  it("typechecks against types generated from the live /openapi.json", async () => {
    const doc = join(work, "openapi.json");
    writeFileSync(doc, JSON.stringify(await openApiDocument()));
    const gen = run(bin("openapi-typescript"), [doc, "-o", join(examples, "schema.d.ts")]);
    expect(gen.status, gen.output).toBe(0);
    const tsc = run(bin("tsc"), ["-p", "tsconfig.json"]);
    expect(tsc.status, tsc.output).toBe(0);
  }, 120_000);

  it("runs on any shell, and its coverage example needs no more than an analyst token", () => {
    const scripts = (JSON.parse(readFileSync(join(examples, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    // No sh-only expansions (${VAR:-default}) or variables in npm scripts: cmd.exe runs them too.
    for (const [name, line] of Object.entries(scripts)) expect(line, name).not.toMatch(/\$\{|\$[A-Z_]|%[A-Z_]+%/);
    const source = readFileSync(join(examples, "coverage.ts"), "utf8");
    const calls = [...source.matchAll(/\.(GET|POST|PUT|DELETE)\("([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(calls.length).toBeGreaterThan(0);
    // The aggregate endpoints an analyst may call (README "The API"): nothing that names people.
    const analyst = new Set(["GET /v1/coverage", "GET /v1/standards", "GET /v1/reference", "GET /v1/facilities", "POST /v1/penempatan"]);
    for (const call of calls) expect(analyst.has(call), call).toBe(true);
  });

  it("generates schema.d.ts with its own script from a saved document, as `npm run schema -w examples -- FILE` does", async () => {
    const doc = join(work, "openapi-for-script.json");
    writeFileSync(doc, JSON.stringify(await openApiDocument()));
    const gen = run(process.execPath, ["--experimental-strip-types", "generate-schema.ts", doc]);
    expect(gen.status, gen.output).toBe(0);
    expect(readFileSync(join(examples, "schema.d.ts"), "utf8")).toContain('"/v1/coverage"');
  }, 120_000);

  it("would fail to compile a query the API does not accept, so the check has teeth", () => {
    const bad = join(examples, `wrong-call-${process.pid}.ts`);
    writeFileSync(bad, 'import { nakesClient } from "./client.ts";\nawait nakesClient("http://x", "t").GET("/v1/coverage", { params: { query: { level: "desa" } } });\n');
    try {
      const tsc = run(bin("tsc"), ["-p", "tsconfig.json"]);
      expect(tsc.status).not.toBe(0);
      expect(tsc.output).toContain('"desa"');
    } finally {
      rmSync(bad, { force: true });
    }
  }, 120_000);
});
