import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { assetsDir } from "../../scripts/lib/assets";
import { root, wranglerConfig } from "../../scripts/lib/wrangler";

/**
 * wrangler refuses to start (dev, deploy, the vitest plugin) when the assets folder is missing, so a
 * fresh checkout must get it before anything starts wrangler.
 */
describe("the Worker's static assets folder", () => {
  it("is the folder the pane is built into and the scripts create", () => {
    const config = unstable_readConfig({ config: wranglerConfig });
    // wrangler reads the folder relative to the config file's own folder.
    expect(resolve(dirname(wranglerConfig), config.assets!.directory!)).toBe(resolve(assetsDir));
    const vite = readFileSync(resolve(root, "addin", "vite.config.ts"), "utf8");
    expect(vite).toContain('outDir: here("../dist/addin")');
  });

  it("is created by npm install itself (postinstall), so a fresh checkout's wrangler dev starts", () => {
    const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall).toBe("tsx scripts/lib/assets.ts");
  });

  it("serves the manifest's .html URLs as named and leaves the Worker's own paths to the Worker", () => {
    const config = unstable_readConfig({ config: wranglerConfig });
    expect(config.assets?.html_handling).toBe("none");
    expect(config.assets?.run_worker_first).toEqual(expect.arrayContaining(["/v1/*", "/openapi.json", "/manifest.xml", "/config.json"]));
    expect(config.observability).toMatchObject({ enabled: true, redact_query_string: true });
  });
});
