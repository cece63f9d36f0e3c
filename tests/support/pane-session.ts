/**
 * The task pane in Chromium for one e2e `describe`: the built pane served (pane-server.ts), the real
 * API (`wrangler dev`, fresh local D1) when asked for, Chromium launched, the pane opened with
 * office.js answered by the fake Excel host (browser.ts), a screenshot of the pane when a test fails,
 * and everything closed afterwards. Each e2e file keeps only its scenarios.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startApi, type ApiServer } from "./api-server";
import { launchChromium, openPane, requireChromium, snap, workbookOf, type OpenPane, type PaneOptions, type Workbook } from "./browser";
import { startPane, type PaneServer } from "./pane-server";

export interface PaneSessionOptions {
  /** Start the real API, allowing the pane's origin (CORS); without it the pane works locally only. */
  api?: boolean;
  /** Runs once the API is up, before Chromium opens (uploads, extra tokens). Needs `api`. */
  seed?: (api: ApiServer) => Promise<void>;
  /** The options the officer's pane opens with; given the API when one was started. */
  paneOptions?: (api: ApiServer | undefined) => PaneOptions;
  /** Runs once the officer's pane is open (viewport, a sheet typed in). */
  prepare?: (session: PaneSession) => Promise<void>;
}

export interface PaneSession {
  /**
   * Throws the set-up's error, if any. Setup trouble (above all a missing Chromium) fails every test
   * with its message, rather than leaving them "skipped", which a CI summary could read as nothing wrong.
   */
  ready(): void;
  /** The officer's pane (page, context, uncaught errors). */
  readonly officer: OpenPane;
  /** The officer's workbook in the fake host. */
  readonly wb: Workbook;
  /** The API; throws when the session was started without one. */
  readonly api: ApiServer;
  readonly browser: Browser;
  readonly pane: PaneServer;
}

/**
 * Registers beforeAll / beforeEach / afterAll hooks of the enclosing `describe` and returns the
 * session they fill. Its fields are read inside tests (after beforeAll), never at describe time.
 */
export function paneSession(options: PaneSessionOptions = {}): PaneSession {
  let pane: PaneServer | undefined;
  let api: ApiServer | undefined;
  let browser: Browser | undefined;
  let officer: OpenPane | undefined;
  let wb: Workbook | undefined;
  let setupError: unknown = null;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the pane session has no ${what}`);
    return value;
  };

  const session: PaneSession = {
    ready: () => {
      if (setupError) throw setupError;
    },
    get officer() {
      return need(officer, "open pane");
    },
    get wb() {
      return need(wb, "workbook");
    },
    get api() {
      return need(api, "API");
    },
    get browser() {
      return need(browser, "browser");
    },
    get pane() {
      return need(pane, "pane server");
    },
  };

  beforeAll(async () => {
    try {
      requireChromium();
      pane = await startPane();
      if (options.api) {
        api = await startApi({ corsOrigins: [pane.origin] });
        await options.seed?.(api);
      }
      browser = await launchChromium();
      officer = await openPane(browser, pane.url, options.paneOptions?.(api) ?? {});
      wb = workbookOf(officer.page);
      await options.prepare?.(session);
    } catch (e) {
      setupError = e;
    }
  });

  // A failed step leaves a picture of the pane beside the others.
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (setupError || !officer) return;
      await snap(officer.page, `GAGAL-${task.name.slice(0, 40).replace(/[^A-Za-z0-9]+/g, "-")}`).catch(() => undefined);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await pane?.close();
  });

  return session;
}

// ---- the pane's controls, as a user finds them -------------------------------------------------

export const tab = (page: Page, name: string) => page.getByRole("tab", { name });
/** A button by its exact label, or by a pattern. */
export const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name, exact: typeof name === "string" });

/** Waits until the pane has no task running (no progress bar). */
export async function idle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[role="progressbar"]') === null, undefined, { timeout });
}

/** Clicks and waits for the task it starts to finish. */
export async function press(page: Page, target: Locator): Promise<void> {
  await target.click();
  await idle(page);
}
