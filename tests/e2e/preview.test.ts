/**
 * `npm run preview` (the production configuration: one wrangler dev serving the built pane as static
 * assets, the API and /manifest.xml from one origin) driven in Chromium: a new officer opens the pane,
 * finds its own origin already set as the server, pastes a token and connects. Every request the page
 * makes stays on that origin, so no CORS preflight is ever sent.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { id as t } from "../../addin/i18n/id";
import { startPreview, type Preview } from "../../scripts/preview";
import { freePort } from "../support/api-server";
import { launchChromium, openPane, snap, type OpenPane } from "../support/browser";

describe("the production preview: pane, API and manifest on one origin", () => {
  const persistTo = mkdtempSync(join(tmpdir(), "nakes-preview-"));
  let preview: Preview | undefined;
  let browser: Browser | undefined;
  let pane: OpenPane | undefined;
  const requests: { method: string; url: string }[] = [];
  let setupError: unknown = null;
  const ready = () => {
    if (setupError) throw setupError;
    return { preview: preview!, pane: pane! };
  };

  beforeAll(async () => {
    try {
      preview = await startPreview({ port: await freePort(), persistTo });
      browser = await launchChromium();
      pane = await openPane(browser, preview.paneUrl);
      pane.page.on("request", (r) => requests.push({ method: r.method(), url: r.url() }));
    } catch (e) {
      setupError = e;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    rmSync(persistTo, { recursive: true, force: true });
  });

  test("serves a manifest whose every URL is the preview's own origin, with no localhost in it", async () => {
    const { preview } = ready();
    const xml = await (await fetch(preview.manifestUrl)).text();
    expect(xml).toContain(`<SourceLocation DefaultValue="${preview.origin}/taskpane.html"/>`);
    expect(xml).not.toContain("localhost");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u).origin).toBe(preview.origin);
    for (const path of ["/taskpane.html", "/functions.js", "/functions.json", "/assets/icon-32.png"]) {
      expect((await fetch(`${preview.origin}${path}`)).status, path).toBe(200);
    }
  });

  test("a new officer finds the pane's own origin as the server, pastes a token and connects, with no CORS request", async () => {
    const { preview, pane } = ready();
    const page = pane.page;
    await page.getByRole("tab", { name: t.tabs.settings }).click();
    await expect.poll(() => page.getByLabel(t.settings.apiUrl).inputValue()).toBe(preview.origin);
    await page.getByLabel(t.settings.token).fill(preview.adminToken);
    await page.getByRole("button", { name: t.settings.test, exact: true }).click();
    await page.getByText(t.settings.testOkTitle, { exact: true }).waitFor({ timeout: 60_000 });
    await snap(page, "pratinjau-terhubung");
    const api = requests.filter((r) => new URL(r.url).pathname.startsWith("/v1/"));
    expect(api.length).toBeGreaterThan(0);
    for (const r of requests.filter((r) => !r.url.startsWith("https://appsforoffice.microsoft.com"))) expect(new URL(r.url).origin, r.url).toBe(preview.origin);
    expect(requests.filter((r) => r.method === "OPTIONS")).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
