import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAddin } from "../../scripts/serve-addin";

/**
 * buildAddin builds the pane for every consumer (npm start, the preview, deploy, the browser tests,
 * bench:pane), so what it writes is what they all serve. One real build into a temporary folder,
 * then a second one while a reader keeps looking.
 */
describe("buildAddin", () => {
  const dir = mkdtempSync(join(tmpdir(), "nakes-pane-build-"));
  const out = join(dir, "addin");
  const filesOf = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(join(d, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

  beforeAll(async () => {
    await buildAddin(out);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes React's production build even when the caller runs under NODE_ENV=test", () => {
    expect(process.env.NODE_ENV).toBe("test");
    const scripts = filesOf(out).filter((f) => f.endsWith(".js"));
    const code = scripts.map((f) => readFileSync(join(out, f), "utf8")).join("\n");
    expect(scripts.length).toBeGreaterThan(3);
    // The development build carries its warnings as text; production replaces them with error codes.
    expect(code).not.toContain("Each child in a list should have a unique");
    expect(code).not.toContain("jsxDEV");
  });

  it("leaves the help page without the pane's code", () => {
    expect(readFileSync(join(out, "help.html"), "utf8")).not.toMatch(/<script|modulepreload/);
  });

  it("gives the service worker a list that holds the page itself and only files that exist", () => {
    const sw = readFileSync(join(out, "sw.js"), "utf8");
    const listed = JSON.parse(/const FILES = (\[.*\]);/.exec(sw)![1]!) as string[];
    // Without the page in its cache every later open waits a network round trip for taskpane.html.
    expect(listed).toContain("./taskpane.html");
    for (const file of listed) expect(existsSync(join(out, file)), file).toBe(true);
  });

  it("rebuilds without a moment where the folder is empty or the page names a missing chunk", async () => {
    const before = new Set(filesOf(out));
    const seen: string[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const page = existsSync(join(out, "taskpane.html")) ? readFileSync(join(out, "taskpane.html"), "utf8") : "";
        if (!page) seen.push("no taskpane.html");
        for (const m of page.matchAll(/"\.\/(assets\/[^"]+\.js)"/g)) if (!existsSync(join(out, m[1]!))) seen.push(`missing ${m[1]}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    try {
      await buildAddin(out);
    } finally {
      watching = false;
      await watch;
    }
    expect(seen).toEqual([]);
    // A pane opened before the rebuild still finds its files: the previous build's stay one build longer.
    for (const file of before) expect(existsSync(join(out, file)), file).toBe(true);
  }, 180_000);
});
