import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../api/context";
import { currentReference, professionCount, refreshReference } from "../api/reference-cache";
import { useLang, useStrings } from "../i18n";
import { errorText } from "../ui/error-text";
import { Notice, type NoticeData } from "../ui/Notice";
import { Progress } from "../ui/Progress";
import { useTask } from "../ui/useTask";
import { isValidApiUrl, normaliseApiUrl } from "./store";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** API address and token, per user in localStorage; "Tes koneksi" asks GET /v1/reference with them. */
export function SettingsTab() {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const api = useApi();
  const { running, run } = useTask();
  const [apiUrl, setApiUrl] = useState(api.settings.apiUrl);
  const [token, setToken] = useState(api.settings.token);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [reference, setReference] = useState(() => currentReference(api.storage));

  const urlValid = isValidApiUrl(apiUrl);

  const save = () => {
    api.saveSettings({ apiUrl, token });
    setNotice({ intent: "success", body: t.settings.saved });
  };

  const test = () =>
    run(t.progress.testing, async () => {
      setNotice(null);
      try {
        const fresh = await refreshReference(api.clientFor({ apiUrl, token }), api.storage);
        setReference(fresh);
        setNotice({
          intent: "success",
          title: t.settings.testOkTitle,
          body: t.settings.testOk(new URL(normaliseApiUrl(apiUrl)).host, professionCount(fresh.data)),
        });
      } catch (e) {
        setNotice({ intent: "error", ...errorText(e, t) });
      }
    });

  const when = reference.fetchedAt
    ? new Date(reference.fetchedAt).toLocaleString(lang === "en" ? "en-US" : "id-ID", { dateStyle: "medium", timeStyle: "short" })
    : null;

  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>{t.settings.intro}</Caption1>
      <Field
        label={t.settings.apiUrl}
        hint={t.settings.apiUrlHint}
        validationState={urlValid ? "none" : "error"}
        validationMessage={urlValid ? undefined : t.settings.badUrl}
      >
        <Input type="url" value={apiUrl} onChange={(_, d) => setApiUrl(d.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field label={t.settings.token} hint={t.settings.tokenHint}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!urlValid || running !== null} onClick={save}>
          {t.settings.save}
        </Button>
        <Button disabled={!urlValid || token.trim() === "" || running !== null} onClick={() => void test()}>
          {t.settings.test}
        </Button>
      </div>
      <Progress task={running} />
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <Caption1 className={styles.muted}>{when ? t.settings.referenceCached(when) : t.settings.referenceBuiltIn}</Caption1>
    </div>
  );
}
