/**
 * The browser the scenarios drive is found on any machine `npm install` ran on, in the order of
 * TOOLCHAIN.md: CHROMIUM_PATH, a system Chromium or Chrome, then the @sparticuz/chromium devDependency.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { findChromium, launchChromium } from "../support/browser";

describe("finding Chromium for the browser tests", () => {
  const dir = mkdtempSync(join(tmpdir(), "nakes-chromium-find-"));
  const fakeChromium = join(dir, "chromium");
  writeFileSync(fakeChromium, "#!/bin/sh\n");
  chmodSync(fakeChromium, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("CHROMIUM_PATH wins over a Chromium on PATH", () => {
    const other = join(dir, "my-chrome");
    writeFileSync(other, "#!/bin/sh\n");
    chmodSync(other, 0o755);
    expect(findChromium({ CHROMIUM_PATH: other, PATH: dir })).toEqual({ source: "CHROMIUM_PATH", path: other });
  });

  test("a CHROMIUM_PATH that is not an executable file is an error naming it, not a silent fallback", () => {
    const missing = join(dir, "nothing-here");
    expect(() => findChromium({ CHROMIUM_PATH: missing, PATH: dir })).toThrow(missing);
  });

  test("an executable chromium on PATH is the system Chromium", () => {
    expect(findChromium({ PATH: dir })).toEqual({ source: "system", path: fakeChromium });
  });

  test("a non-executable chromium on PATH is passed over", () => {
    const plain = mkdtempSync(join(tmpdir(), "nakes-chromium-plain-"));
    writeFileSync(join(plain, "chromium"), "");
    try {
      expect(findChromium({ PATH: plain }).path).not.toBe(join(plain, "chromium"));
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  test("the Chromium found here launches headless and renders a page", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent("<main><h1>Roster Nakes</h1></main>");
      expect(await page.getByRole("heading").textContent()).toBe("Roster Nakes");
      expect((await page.screenshot()).byteLength).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
