import { createRoot } from "react-dom/client";
import { createOfficeActions } from "./actions/office";
import { App } from "./app/App";
import { customFunctionsGlobal, registerFunctions } from "./functions/register";
import { detectLang, stringsFor } from "./i18n";
import { loadSettings } from "./settings/store";

const root = createRoot(document.getElementById("root")!);

/** The API address the serving script suggests (scripts/serve-addin.ts writes /config.json). */
async function servedApiUrl(): Promise<string | undefined> {
  try {
    const res = await fetch("./config.json", { signal: AbortSignal.timeout(2_000) });
    const body = (await res.json()) as { apiUrl?: unknown };
    return res.ok && typeof body.apiUrl === "string" ? body.apiUrl : undefined;
  } catch {
    return undefined;
  }
}

// The custom functions (NAKES.*) live in this page's shared runtime: associate them at load time,
// before Excel asks; they read the pane's settings on every call.
let defaultApiUrl: string | undefined;
const customFunctions = customFunctionsGlobal();
const functions = customFunctions
  ? registerFunctions({ customFunctions, lang: detectLang, settings: () => loadSettings(undefined, defaultApiUrl) })
  : undefined;

if (typeof Office === "undefined") {
  // office.js comes from Microsoft's CDN; without it there is no workbook to work on.
  root.render(<p style={{ font: "14px 'Segoe UI', sans-serif", padding: 16 }}>{stringsFor(detectLang()).officeMissing}</p>);
} else {
  void Promise.all([Office.onReady(), servedApiUrl()]).then(([, served]) => {
    defaultApiUrl = served;
    const lang = detectLang();
    // A stored roster changes the figures: cells with NAKES.* recalculate from fresh answers.
    root.render(<App actions={createOfficeActions(lang)} lang={lang} defaultApiUrl={defaultApiUrl} onRosterStored={functions?.clearCache} />);
  });
}
