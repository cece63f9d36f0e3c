/**
 * Chromium driven by playwright-core, with the pane's office.js request answered by the fake Excel
 * host of tests/support/fake-excel (bundled for the browser from its browser-entry.ts).
 *
 * Which Chromium (TOOLCHAIN.md "Chromium for the browser tests on a bare machine"): `CHROMIUM_PATH`
 * when set; else the first executable system Chromium or Chrome; else the build inside the
 * `@sparticuz/chromium` devDependency, so `npm install && npm test` needs no apt and no root.
 */
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const artefactDir = join(projectRoot, "test-results", "e2e");

/** Where a Chromium was found: the `source` says which rule of the search order matched. */
export interface ChromiumChoice {
  source: "CHROMIUM_PATH" | "system" | "@sparticuz/chromium";
  /** The executable; for @sparticuz/chromium known only after unpacking (see chromiumExecutable). */
  path: string | null;
}

/** Names of a system Chromium or Chrome, looked up on PATH, then fixed install places (macOS too). */
const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];
const SYSTEM_PLACES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function systemChromium(env: NodeJS.ProcessEnv): string | null {
  const onPath = (env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of SYSTEM_NAMES) {
    for (const dir of onPath) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  return SYSTEM_PLACES.find(isExecutable) ?? null;
}

/** @sparticuz/chromium carries a Linux x64/arm64 build only; elsewhere it cannot help. */
function sparticuzInstalled(): boolean {
  if (process.platform !== "linux") return false;
  try {
    createRequire(import.meta.url).resolve("@sparticuz/chromium");
    return true;
  } catch {
    return false;
  }
}

/**
 * The first Chromium of the search order, without launching or unpacking anything.
 * Throws (never skips) when none is available, saying what to do: a missing browser must fail the
 * run, or a CI summary would read skipped browser tests as nothing wrong.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { source: "CHROMIUM_PATH", path: fromEnv };
    throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file. Unset it to use the Chromium that npm install brings.`);
  }
  const system = systemChromium(env);
  if (system) return { source: "system", path: system };
  if (sparticuzInstalled()) return { source: "@sparticuz/chromium", path: null };
  throw new Error(
    "No Chromium for the browser tests: CHROMIUM_PATH is unset, no chromium/chrome is installed, and the " +
      `@sparticuz/chromium devDependency is ${process.platform === "linux" ? "missing (run npm install)" : "Linux-only"}.\n` +
      "Set CHROMIUM_PATH to a Chromium or Chrome executable, or install one.",
  );
}

/** Fails (never skips) when no Chromium can be found; see findChromium. */
export function requireChromium(): void {
  findChromium();
}

/**
 * The executable to launch. @sparticuz/chromium unpacks its build into the temp directory
 * (/tmp/chromium, /tmp/fonts, …; ~1.5 s the first time, then reused). Its own check is only "does
 * /tmp/chromium exist", so two test processes unpacking at once could launch a half-written file:
 * one process unpacks under a lock directory and marks the result complete; the others wait for the mark.
 */
export async function chromiumExecutable(choice: ChromiumChoice = findChromium()): Promise<string> {
  if (choice.path) return choice.path;
  const ready = join(tmpdir(), "nakes-roster-chromium.ready");
  const lock = join(tmpdir(), "nakes-roster-chromium.lock");
  const { default: sparticuz } = await import("@sparticuz/chromium");
  const deadline = Date.now() + 120_000;
  // The mark alone is not enough: a temp-folder cleaner may have removed the unpacked build since.
  const unpacked = () => existsSync(ready) && existsSync(join(tmpdir(), "chromium"));
  while (!unpacked()) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // Someone else unpacks; a lock older than two minutes belongs to a process that died.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 120_000) rmSync(lock, { recursive: true, force: true });
    }
    if (mine) {
      try {
        // A /tmp/chromium without our mark may be a dead unpack's remains: start it afresh.
        rmSync(ready, { force: true });
        rmSync(join(tmpdir(), "chromium"), { force: true });
        const path = await sparticuz.executablePath();
        writeFileSync(ready, path);
        return path;
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
    if (Date.now() > deadline) throw new Error(`@sparticuz/chromium: waited 2 minutes for another process to unpack it (${lock})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return sparticuz.executablePath();
}

/**
 * Headless Chromium with nothing in the background, the same flags whichever Chromium was found
 * (not @sparticuz/chromium's Lambda flags: they turn off web security, and the browser scenarios
 * must see CORS and mixed-content rules as an officer's Excel does). Playwright gives every launch a
 * fresh temporary profile (its own --user-data-dir), so no state leaks between runs.
 */
export async function launchChromium(): Promise<Browser> {
  const choice = findChromium();
  const executablePath = await chromiumExecutable(choice);
  const env = { ...process.env } as Record<string, string>;
  // The unpacked build brings its own fonts (/tmp/fonts); without this the system's are used, if any.
  if (choice.source === "@sparticuz/chromium") env.FONTCONFIG_PATH ??= join(tmpdir(), "fonts");
  return chromium.launch({
    executablePath,
    env,
    args: [
      "--headless",
      "--no-sandbox",
      "--no-zygote",
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
