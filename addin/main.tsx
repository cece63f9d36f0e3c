import { createRoot } from "react-dom/client";
import { App, preloadTabs } from "./app/App";
import { lazyWorkbookActions } from "./app/lazy-actions";
import { preloadApiClient } from "./api/lazy-client";
import { detectLang, stringsFor } from "./i18n";
import { loadEngine } from "./roster/load-engine";
import { preloadRosterParts } from "./roster/RosterTab";
import { loadSettings } from "./settings/store";

/** Set by addin/vite.config.ts: true in a build, where sw.js exists. */
declare const __PANE_SERVICE_WORKER__: boolean | undefined;

const root = createRoot(document.getElementById("root")!);

// What Validasi needs (the roster checker, the workbook code, the result view) starts loading now,
// beside the first render rather than after it: on a slow link the round trip is the cost.
const validasiCode = Promise.all([loadEngine(), import("./actions/office"), preloadRosterParts()]);

/**
 * The API address `npm start`'s server suggests (scripts/serve-addin.ts writes /config.json) while
 * the pane and the API still sit on two origins. Read in the background: no first render waits on it.
 */
async function servedApiUrl(): Promise<string | undefined> {
  try {
    const res = await fetch("./config.json", { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { apiUrl?: unknown };
    return typeof body.apiUrl === "string" ? body.apiUrl : undefined;
  } catch {
    return undefined;
  }
}

/**
 * After the first paint: the rest of the pane's code, so Validasi and the other tabs answer at once.
 * <html data-pane-ready> says how far the pane is ("screen": the first screen is up and its buttons
 * work; "validasi": the roster checker and the workbook code are loaded too): bench/pane.ts reads it.
 */
function preloadAfterPaint(actions: { preload: () => Promise<unknown> }) {
  const ready = (what: string) => document.documentElement.setAttribute("data-pane-ready", what);
  requestAnimationFrame(() => {
    ready("screen");
    // What Validasi needs first (the checker, the workbook code, the result view), then the rest.
    void Promise.all([validasiCode, actions.preload()])
      .then(() => ready("validasi"))
      .then(() => Promise.all([preloadApiClient(), preloadTabs()]))
      .catch(() => {
        // Offline before the code was cached: each part loads again when first needed.
      });
  });
}

/**
 * A later open needs no network before Validasi works (SPEC §8): the service worker (sw.js, written by
 * the build with the list of hashed files) answers the pane's files from its cache.
 */
function registerServiceWorker() {
  if (typeof __PANE_SERVICE_WORKER__ === "undefined" || !__PANE_SERVICE_WORKER__ || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("./sw.js").catch(() => {
    // Not allowed here (some webviews): the pane still works, from the HTTP cache.
  });
}

// The custom functions (NAKES.*) live in this page's shared runtime. Their code loads at once, beside
// the first screen rather than before it; they read the pane's settings on every call.
const customFunctions = (globalThis as { CustomFunctions?: { associate?: unknown } }).CustomFunctions;
let defaultApiUrl: string | undefined;
const functions =
  customFunctions && typeof customFunctions.associate === "function"
    ? import("./functions/register").then((m) => {
        const cf = m.customFunctionsGlobal();
        return cf ? m.registerFunctions({ customFunctions: cf, lang: detectLang, settings: () => loadSettings(undefined, defaultApiUrl) }) : undefined;
      })
    : Promise.resolve(undefined);
const onRosterStored = () => void functions.then((f) => f?.clearCache());

if (typeof Office === "undefined") {
  // office.js comes from Microsoft's CDN; without it there is no workbook to work on.
  root.render(<p style={{ font: "14px 'Segoe UI', sans-serif", padding: 16 }}>{stringsFor(detectLang()).officeMissing}</p>);
} else {
  void Office.onReady().then(() => {
    const lang = detectLang();
    const actions = lazyWorkbookActions(lang);
    const render = () => root.render(<App actions={actions} lang={lang} defaultApiUrl={defaultApiUrl} onRosterStored={onRosterStored} />);
    render();
    preloadAfterPaint(actions);
    registerServiceWorker();
    void servedApiUrl().then((served) => {
      if (served && served !== defaultApiUrl) {
        defaultApiUrl = served;
        render();
      }
    });
  });
}
