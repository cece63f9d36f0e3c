import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { manifestFor } from "../../scripts/manifest";
import { root } from "../../scripts/lib/wrangler";

const dir = mkdtempSync(join(tmpdir(), "nakes-manifest-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/manifest.ts", ...args], { cwd: root, encoding: "utf8" });

describe("npm run manifest", () => {
  const url = "https://nakes-roster-api.dinkes-bengkulu.workers.dev";

  it("prints the manifest the Worker serves at that origin, and writes it with --out", () => {
    const printed = cli("--url", url);
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toBe(manifestFor({ url }));
    const out = join(dir, "manifest-produksi.xml");
    expect(cli("--url", url, "--out", out).status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(printed.stdout);
  }, 60_000);

  it("writes nothing but the XML to stdout, so `npm run -s manifest -- --url … > file.xml` is a valid manifest", () => {
    // npm's own "> nakes-roster@1.0.0 manifest" banner goes to stdout unless -s: the README says -s.
    const npm = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", "manifest", "--", "--url", url], { cwd: root, encoding: "utf8", shell: process.platform === "win32" });
    expect(npm.status, npm.stderr).toBe(0);
    expect(npm.stdout.startsWith('<?xml version="1.0"')).toBe(true);
    expect(npm.stdout).toBe(manifestFor({ url }));
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const toStdout = [...readme.matchAll(/npm run (-s )?manifest -- [^\n`]*/g)].filter((m) => !/--out/.test(m[0]));
    for (const m of toStdout) expect(m[1], m[0]).toBe("-s ");
  }, 60_000);

  it("refuses an http address and a missing --url with a message, writing nothing", () => {
    const http = cli("--url", "http://roster.dinkes.example.go.id");
    expect(http.status).toBe(2);
    expect(http.stdout).toBe("");
    expect(http.stderr).toMatch(/https/);
    const none = cli();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--url/);
  }, 60_000);
});
