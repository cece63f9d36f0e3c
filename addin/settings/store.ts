/**
 * The user's API address and token. Kept in the browser's localStorage of the pane (per user, per
 * machine), never in the workbook: a workbook travels by e-mail, a token must not.
 */
export interface Settings {
  apiUrl: string;
  token: string;
}

export const DEFAULT_API_URL = "http://localhost:8787";
export const SETTINGS_KEY = "nakes-roster:settings";

/** Trims and drops trailing slashes, so `${apiUrl}/v1/...` always has one slash. */
export function normaliseApiUrl(raw: string): string {
  return raw.trim().replace(/\/+$/, "");
}

export function isValidApiUrl(raw: string): boolean {
  try {
    const url = new URL(normaliseApiUrl(raw));
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
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

/** Saved settings, or the default address (from the server's /config.json, else localhost:8787). */
export function loadSettings(storage?: Storage, defaultApiUrl: string = DEFAULT_API_URL): Settings {
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
