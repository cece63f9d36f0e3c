/**
 * The user's server address and token. Kept in the browser's localStorage of the pane (per user, per
 * machine), never in the workbook: a workbook travels by e-mail, a token must not.
 */
export interface Settings {
  apiUrl: string;
  token: string;
}

/** Where the API was before the pane and the API shared an origin (`npm start` without /config.json). */
export const DEFAULT_API_URL = "http://localhost:8787";
export const SETTINGS_KEY = "nakes-roster:settings";

/**
 * The server address offered until the user saves one: the pane's own origin, since the Worker
 * serves the pane and the API from one origin (issue 12 item 1); DEFAULT_API_URL outside a web page.
 */
export function defaultServerUrl(location: { protocol: string; origin: string } | undefined = globalThis.location): string {
  return location && (location.protocol === "https:" || location.protocol === "http:") ? location.origin : DEFAULT_API_URL;
}

/** Trims and drops trailing slashes, so `${apiUrl}/v1/...` always has one slash. */
export function normaliseApiUrl(raw: string): string {
  return raw.trim().replace(/\/+$/, "");
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether an address can serve as the server: `ok`; `invalid` (not a web address); `http_blocked`:
 * plain http to another machine, which an https pane may not call (the browser blocks mixed content,
 * and a token must not travel in clear). Loopback is exempt: `npm start` and tests run there.
 */
export type UrlCheck = "ok" | "invalid" | "http_blocked";

export function checkApiUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(normaliseApiUrl(raw));
  } catch {
    return "invalid";
  }
  if (url.protocol === "https:") return "ok";
  if (url.protocol !== "http:") return "invalid";
  return LOOPBACK.has(url.hostname) || url.hostname.endsWith(".localhost") ? "ok" : "http_blocked";
}

export function isValidApiUrl(raw: string): boolean {
  return checkApiUrl(raw) === "ok";
}

export function isConfigured(s: Settings): boolean {
  return isValidApiUrl(s.apiUrl) && s.token.trim() !== "";
}

function storageOrNull(storage?: Storage): Storage | null {
  try {
    return storage ?? globalThis.localStorage ?? null;
  } catch {
    // Some hosts deny storage access outright; the pane still works for this session.
    return null;
  }
}

/** True once settings were saved on this machine (then the pane opens on Roster, not Pengaturan). */
export function hasSavedSettings(storage?: Storage): boolean {
  return Boolean(storageOrNull(storage)?.getItem(SETTINGS_KEY));
}

/** Saved settings, or the default address (the pane's own origin) without a token. */
export function loadSettings(storage?: Storage, defaultApiUrl: string = defaultServerUrl()): Settings {
  const fallback: Settings = { apiUrl: defaultApiUrl, token: "" };
  const raw = storageOrNull(storage)?.getItem(SETTINGS_KEY);
  if (!raw) return fallback;
  try {
    const parsed = JSON.parse(raw) as Partial<Settings>;
    return {
      apiUrl: typeof parsed.apiUrl === "string" && parsed.apiUrl !== "" ? parsed.apiUrl : defaultApiUrl,
      token: typeof parsed.token === "string" ? parsed.token : "",
    };
  } catch {
    return fallback;
  }
}

export function saveSettings(settings: Settings, storage?: Storage): Settings {
  const clean = { apiUrl: normaliseApiUrl(settings.apiUrl), token: settings.token.trim() };
  storageOrNull(storage)?.setItem(SETTINGS_KEY, JSON.stringify(clean));
  return clean;
}
