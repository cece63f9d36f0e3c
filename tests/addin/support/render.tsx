import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach } from "vitest";
import { App } from "../../../addin/app/App";
import { SETTINGS_KEY } from "../../../addin/settings/store";
import type { Lang } from "../../../shared/schema/issue";
import { FakeApi, FakeWorkbook, MemoryStorage } from "./fakes";

// happy-dom rejects an Animation's `finished` promise on cancel without marking it handled (browsers
// mark it handled), so Fluent's motion leaves an unhandled rejection at every unmount. Without
// `animate`, Fluent skips motion, as it does in browsers without the Web Animations API.
Object.defineProperty(Element.prototype, "animate", { value: undefined, configurable: true, writable: true });

afterEach(() => {
  cleanup();
  delete (globalThis as { Office?: unknown }).Office;
});

export interface PaneOptions {
  workbook?: FakeWorkbook;
  api?: FakeApi;
  storage?: MemoryStorage;
  /** Saves an API address and token first, as a user who set up the pane earlier. */
  connected?: boolean;
  lang?: Lang;
  onRosterStored?: () => void;
  /**
   * A pane without saved settings opens on Pengaturan (first run); tests of the other tabs start on
   * Roster as the user would after one click. `firstRun: true` leaves the pane where it opened.
   */
  firstRun?: boolean;
  officeTheme?: { bodyBackgroundColor?: string };
}

// One object for every render: a new one each time would rebuild the API client on every render.
const CLIENT_OPTIONS = { hooks: { sleep: async () => {}, random: () => 0.5 } };

/** The whole pane over a fake workbook and a fake API; retries wait no real time. */
export function renderPane(options: PaneOptions = {}) {
  const workbook = options.workbook ?? new FakeWorkbook();
  const api = options.api ?? new FakeApi();
  const storage = options.storage ?? new MemoryStorage();
  if (options.connected) storage.setItem(SETTINGS_KEY, JSON.stringify({ apiUrl: "https://api.test", token: "tok_uploader" }));
  const view = render(
    <App
      actions={workbook}
      fetch={api.fetch}
      storage={storage}
      lang={options.lang}
      onRosterStored={options.onRosterStored}
      officeTheme={options.officeTheme}
      clientOptions={CLIENT_OPTIONS}
    />,
  );
  if (!options.firstRun && !options.connected) fireEvent.click(screen.getByRole("tab", { name: /^(Roster)$/ }));
  return { ...view, workbook, api, storage };
}
