import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useLang } from "../i18n";
import { hasSavedSettings, isConfigured, loadSettings, saveSettings, type Settings } from "../settings/store";
import type { ApiClient, ClientOptions } from "./client";
import { lazyApiClient } from "./lazy-client";

interface ApiContextValue {
  settings: Settings;
  saveSettings: (s: Settings) => Settings;
  /** null until a server address and a token are set. */
  client: ApiClient | null;
  /** Builds a client for given settings (the connection test uses what is typed, before saving). */
  clientFor: (s: Settings) => ApiClient;
  storage: Storage | undefined;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export interface ApiProviderProps {
  children: ReactNode;
  storage?: Storage;
  /** The server address offered until the user saves one (default: the pane's own origin). */
  defaultApiUrl?: string;
  fetch?: typeof fetch;
  /** Retry pacing for the push; tests pass a sleep that does not wait. */
  clientOptions?: Pick<ClientOptions, "retry" | "hooks" | "timeouts" | "transport">;
}

export function ApiProvider({ children, storage, defaultApiUrl, fetch, clientOptions }: ApiProviderProps) {
  const lang = useLang();
  const [settings, setSettings] = useState<Settings>(() => loadSettings(storage, defaultApiUrl));
  // A default that arrives after the first render (npm start's /config.json) applies until one is saved.
  useEffect(() => {
    if (!hasSavedSettings(storage)) setSettings(loadSettings(storage, defaultApiUrl));
  }, [storage, defaultApiUrl]);
  const clientFor = useCallback(
    (s: Settings) => lazyApiClient({ ...s, lang, fetch, ...clientOptions }),
    [lang, fetch, clientOptions],
  );
  const value = useMemo<ApiContextValue>(
    () => ({
      settings,
      saveSettings: (s) => {
        const saved = saveSettings(s, storage);
        setSettings(saved);
        return saved;
      },
      client: isConfigured(settings) ? clientFor(settings) : null,
      clientFor,
      storage,
    }),
    [settings, storage, clientFor],
  );
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error("ApiProvider is missing above this component");
  return value;
}
