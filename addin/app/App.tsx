import { FluentProvider, Tab, TabList, Subtitle1, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../shared/schema/issue";
import { WorkbookActionsProvider } from "../actions/context";
import type { WorkbookActions } from "../actions/types";
import { ApiProvider, type ApiProviderProps } from "../api/context";
import { CoverageTab } from "../coverage/CoverageTab";
import { LangProvider, detectLang, stringsFor } from "../i18n";
import { RosterTab } from "../roster/RosterTab";
import { SettingsTab } from "../settings/SettingsTab";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: { display: "flex", flexDirection: "column", maxWidth: "640px", margin: "0 auto" },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  logo: { width: "24px", height: "24px" },
  tabs: { padding: `0 ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  body: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}` },
});

type TabKey = "roster" | "coverage" | "settings";

export interface AppProps extends Omit<ApiProviderProps, "children"> {
  actions: WorkbookActions;
  /** Defaults to Office's display language. */
  lang?: Lang;
  /** Called after a roster is stored, so figures cached elsewhere (the NAKES.* functions) refresh. */
  onRosterStored?: () => void;
}

/** The pane: Roster, Cakupan and Pengaturan tabs over the workbook actions and the API. */
export function App({ actions, lang, onRosterStored, ...api }: AppProps) {
  const uiLang = lang ?? detectLang();
  const t = stringsFor(uiLang);
  const styles = useStyles();
  const [tab, setTab] = useState<TabKey>("roster");
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={uiLang === "en" ? "en" : "id"}>
      <LangProvider lang={uiLang}>
        <WorkbookActionsProvider actions={actions}>
          <ApiProvider {...api}>
            <div className={styles.root}>
              <header className={styles.header}>
                <img className={styles.logo} src="./assets/icon-32.png" alt="" />
                <Subtitle1 as="h1">{t.appTitle}</Subtitle1>
              </header>
              <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabKey)} size="medium">
                <Tab value="roster">{t.tabs.roster}</Tab>
                <Tab value="coverage">{t.tabs.coverage}</Tab>
                <Tab value="settings">{t.tabs.settings}</Tab>
              </TabList>
              <main className={styles.body}>
                {/* Every tab stays mounted: a validation's results survive a look at the settings. */}
                <div role="tabpanel" hidden={tab !== "roster"}>
                  <RosterTab onStored={onRosterStored} />
                </div>
                <div role="tabpanel" hidden={tab !== "coverage"}>
                  <CoverageTab />
                </div>
                <div role="tabpanel" hidden={tab !== "settings"}>
                  <SettingsTab />
                </div>
              </main>
            </div>
          </ApiProvider>
        </WorkbookActionsProvider>
      </LangProvider>
    </FluentProvider>
  );
}
