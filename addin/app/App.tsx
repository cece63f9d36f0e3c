import { Caption1, FluentProvider, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import type { Lang } from "../../shared/schema/issue";
import { WorkbookActionsProvider } from "../actions/context";
import type { WorkbookActions } from "../actions/types";
import { ApiProvider, type ApiProviderProps } from "../api/context";
import { LangProvider, detectLang, stringsFor } from "../i18n";
import { RosterTab } from "../roster/RosterTab";
import { isConfigured, loadSettings } from "../settings/store";
import { Tabs } from "./Tabs";
import { currentOfficeTheme, themeFor, type OfficeThemeColors } from "./theme";

// The first screen is the Roster tab; the other tabs load when first opened (or in the background).
const CoverageTab = lazy(() => import("../coverage/CoverageTab").then((m) => ({ default: m.CoverageTab })));
const SettingsTab = lazy(() => import("../settings/SettingsTab"));
const TindakLanjutTab = lazy(() => import("../tindak-lanjut/TindakLanjutTab").then((m) => ({ default: m.TindakLanjutTab })));
const KeepTabster = lazy(() => import("./KeepTabster"));

/** Starts loading the other tabs' code (main.tsx calls it after the first paint). */
export function preloadTabs(): Promise<unknown> {
  return Promise.all([import("../coverage/CoverageTab"), import("../settings/SettingsTab"), import("../tindak-lanjut/TindakLanjutTab")]);
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  root: { display: "flex", flexDirection: "column", maxWidth: "640px", margin: "0 auto", minWidth: 0 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  logo: { width: "24px", height: "24px" },
  tabs: { padding: `0 ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: "wrap" },
  body: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`, minWidth: 0, overflowWrap: "anywhere" },
});

type TabKey = "roster" | "coverage" | "tindak" | "settings";

export interface AppProps extends Omit<ApiProviderProps, "children"> {
  actions: WorkbookActions;
  /** Defaults to Office's display language. */
  lang?: Lang;
  /** Office's theme colours; defaults to the running host's (dark Office, dark pane). */
  officeTheme?: OfficeThemeColors;
  /** Called after a roster is stored, so figures cached elsewhere (the NAKES.* functions) refresh. */
  onRosterStored?: () => void;
}

/**
 * The pane: Roster, Cakupan, Tindak lanjut and Pengaturan tabs over the workbook actions and the API. Until a server
 * and token are set it opens on Pengaturan (first run, issue 13 item 5).
 */
export function App({ actions, lang, officeTheme, onRosterStored, ...api }: AppProps) {
  const uiLang = lang ?? detectLang();
  const t = stringsFor(uiLang);
  const styles = useStyles();
  const theme = useMemo(() => themeFor(officeTheme ?? currentOfficeTheme()), [officeTheme]);
  const [tab, setTab] = useState<TabKey>(() => (isConfigured(loadSettings(api.storage, api.defaultApiUrl)) ? "roster" : "settings"));
  /** Tabs opened at least once stay mounted: a validation's results survive a look at the settings. */
  const [opened, setOpened] = useState<ReadonlySet<TabKey>>(() => new Set([tab, "roster"]));
  useEffect(() => setOpened((o) => (o.has(tab) ? o : new Set([...o, tab]))), [tab]);
  const panel = (key: TabKey) => ({ role: "tabpanel", id: `panel-${key}`, "aria-labelledby": `tab-${key}`, hidden: tab !== key });
  const loading = <Caption1>{t.progress.working}</Caption1>;
  return (
    <FluentProvider theme={theme} className={styles.provider} lang={uiLang === "en" ? "en" : "id"}>
      <Suspense fallback={null}>
        <KeepTabster />
      </Suspense>
      <LangProvider lang={uiLang}>
        <WorkbookActionsProvider actions={actions}>
          <ApiProvider {...api}>
            <div className={styles.root}>
              <header className={styles.header}>
                <img className={styles.logo} src="./assets/icon-32.png" alt="" />
                <Subtitle1 as="h1">{t.appTitle}</Subtitle1>
              </header>
              <nav aria-label={t.tabs.label}>
                <Tabs
                  className={styles.tabs}
                  selected={tab}
                  onSelect={setTab}
                  tabs={[
                    { value: "roster", label: t.tabs.roster },
                    { value: "coverage", label: t.tabs.coverage },
                    { value: "tindak", label: t.tindak.tab },
                    { value: "settings", label: t.tabs.settings },
                  ]}
                />
              </nav>
              <main className={styles.body}>
                <div {...panel("roster")}>
                  <RosterTab onStored={onRosterStored} />
                </div>
                <div {...panel("coverage")}>
                  {opened.has("coverage") && (
                    <Suspense fallback={loading}>
                      <CoverageTab />
                    </Suspense>
                  )}
                </div>
                <div {...panel("tindak")}>
                  {opened.has("tindak") && (
                    <Suspense fallback={loading}>
                      <TindakLanjutTab />
                    </Suspense>
                  )}
                </div>
                <div {...panel("settings")}>
                  {opened.has("settings") && (
                    <Suspense fallback={loading}>
                      <SettingsTab />
                    </Suspense>
                  )}
                </div>
              </main>
            </div>
          </ApiProvider>
        </WorkbookActionsProvider>
      </LangProvider>
    </FluentProvider>
  );
}
