/**
 * Debian's Chromium driven by playwright-core, with the pane's office.js request answered by the fake
 * Excel host of tests/support/fake-excel (bundled for the browser from its browser-entry.ts).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const artefactDir = join(projectRoot, "test-results", "e2e");

/** Fails (never skips) when Chromium is missing, saying how to install it. */
export function requireChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  throw new Error(
    `Chromium was not found at ${CHROMIUM_PATH}; the browser tests need it.\n` +
      "Install it with:  apt-get update && apt-get install -y chromium\n" +
      "(.ci/run does this in CI; set CHROMIUM_PATH to use a Chromium elsewhere.)",
  );
}

/**
 * Headless Chromium with nothing in the background. Playwright gives every launch a fresh temporary
 * profile (its own --user-data-dir), so no state leaks between runs.
 */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

let fakeOfficeSource: Promise<string> | null = null;

/** tests/support/fake-excel/browser-entry.ts as one classic script (what the CDN's office.js is). */
export function fakeOfficeScript(): Promise<string> {
  fakeOfficeSource ??= (async () => {
    const { build } = await import("esbuild");
    const out = await build({
      entryPoints: [join(projectRoot, "tests", "support", "fake-excel", "browser-entry.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2022",
      logLevel: "silent",
    });
    return out.outputFiles[0]!.text;
  })();
  return fakeOfficeSource;
}

export interface PaneOptions {
  /** Office.context.displayLanguage of the fake host. */
  displayLanguage?: string;
  /** Settings already saved in the pane's localStorage (as a returning user has them). */
  settings?: { apiUrl: string; token: string };
  /**
   * The page's "now" (Date only; timers keep running): the roster date the pane puts on its
   * requests is today in the browser, and a fixed one keeps a fixture's dates valid for good.
   */
  now?: Date;
}

export interface OpenPane {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page so far; a test ends by asserting there are none. */
  errors: string[];
}

/**
 * A task pane at its usual size (350 × 700) in a fresh browser context. office.js is the fake host;
 * every other host outside loopback is refused, as a test must not reach the internet.
 */
export async function openPane(browser: Browser, paneUrl: string, options: PaneOptions = {}): Promise<OpenPane> {
  const context = await browser.newContext({ viewport: { width: 350, height: 700 }, deviceScaleFactor: 1 });
  const script = await fakeOfficeScript();
  const displayLanguage = options.displayLanguage ?? "id-ID";
  await context.addInitScript(
    ({ displayLanguage, settings }) => {
      // Read by the fake's browser-entry.ts when the "office.js" script runs.
      (globalThis as unknown as { __fakeExcelInit: unknown }).__fakeExcelInit = { displayLanguage };
      if (settings) localStorage.setItem("nakes-roster:settings", JSON.stringify(settings));
    },
    { displayLanguage, settings: options.settings ?? null },
  );
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "appsforoffice.microsoft.com") {
      return route.fulfill({ contentType: "application/javascript", body: script });
    }
    return url.hostname === "127.0.0.1" || url.hostname === "localhost" ? route.fallback() : route.abort();
  });
  if (options.now) await context.clock.setFixedTime(options.now);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(paneUrl);
  await page.getByRole("tab").first().waitFor();
  return { context, page, errors };
}

let shotNo = 0;

/** A screenshot of the pane into test-results/e2e/, numbered in the order taken. */
export async function snap(page: Page, name: string): Promise<string> {
  mkdirSync(artefactDir, { recursive: true });
  shotNo++;
  const path = join(artefactDir, `${String(shotNo).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path });
  return path;
}

type Scalar = string | number | boolean | null;
interface FakeWindow {
  __fakeExcel: import("./fake-excel/index").FakeExcel;
}

/**
 * The workbook inside the page, as the user and the test see it: typing values, formatting a cell,
 * selecting, and reading back what the add-in left (values, fills, sheets, tables). Each call is one
 * round trip into the page; values cross as JSON.
 */
export function workbookOf(page: Page) {
  return {
    /**
     * Types (or pastes) values from `topLeft` on, with Excel's conversions; "" clears a cell. As in
     * Excel, a table whose last row is just above (or within) the typed rows grows to take them in.
     */
    setValues: (sheet: string, topLeft: string, values: readonly (readonly Scalar[])[]) =>
      page.evaluate(
        ([s, a, v]) => {
          const wb = (window as unknown as FakeWindow).__fakeExcel.workbook;
          wb.setValues(s, a, v);
          const sheetId = wb.requireSheet(s).id;
          const m = /^([A-Z]+)(\d+)$/.exec(a)!;
          const c0 = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          const r0 = Number(m[2]) - 1;
          const r1 = r0 + v.length - 1;
          const c1 = c0 + Math.max(0, ...v.map((row) => row.length)) - 1;
          for (const t of wb.tables) {
            const typedInside = t.rect.c0 <= c1 && c0 <= t.rect.c1 && r0 > t.rect.r0 && r0 <= t.rect.r1 + 1;
            if (t.sheetId === sheetId && typedInside && r1 > t.rect.r1) t.rect = { ...t.rect, r1 };
          }
        },
        [sheet, topLeft, values] as const,
      ),
    setNumberFormat: (sheet: string, address: string, format: string) =>
      page.evaluate(([s, a, f]) => (window as unknown as FakeWindow).__fakeExcel.workbook.setNumberFormat(s, a, f), [sheet, address, format] as const),
    valuesAt: (sheet: string, address: string) =>
      page.evaluate(([s, a]) => (window as unknown as FakeWindow).__fakeExcel.workbook.valuesAt(s, a) as Scalar[][], [sheet, address] as const),
    /** Values of a sheet's used range, from A1 (so row and column indexes are the sheet's). */
    sheetValues: (sheet: string) =>
      page.evaluate((s) => {
        const wb = (window as unknown as FakeWindow).__fakeExcel.workbook;
        const used = wb.usedAddress(s);
        if (!used) return [] as Scalar[][];
        const end = used.split("!").pop()!.split(":").pop()!;
        return wb.valuesAt(s, `A1:${end}`) as Scalar[][];
      }, sheet),
    sheetNames: () => page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.workbook.sheets.map((s) => s.name)),
    tables: () =>
      page.evaluate(() => {
        const wb = (window as unknown as FakeWindow).__fakeExcel.workbook;
        return wb.tables.map((t) => ({ name: t.name, address: wb.tableAddress(t) }));
      }),
    /** Filled cells of a sheet, A1 address → colour. */
    filledCells: (sheet: string) =>
      page.evaluate((s) => Object.fromEntries((window as unknown as FakeWindow).__fakeExcel.workbook.filledCells(s)), sheet),
    conditionalFormats: (sheet: string) =>
      page.evaluate((s) => (window as unknown as FakeWindow).__fakeExcel.workbook.conditionalFormatsOn(s).map((cf) => ({ address: cf.address, type: cf.type, rule: cf.rule, format: cf.format })), sheet),
    /** The user selects a cell; resolves once the add-in's selection handlers have run. */
    select: (sheet: string, address: string) => page.evaluate(([s, a]) => (window as unknown as FakeWindow).__fakeExcel.select(s, a), [sheet, address] as const),
  };
}

export type Workbook = ReturnType<typeof workbookOf>;
