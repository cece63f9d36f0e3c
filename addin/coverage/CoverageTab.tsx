import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { coverageLevelSchema, coverageRegionSchema, type CoverageLevel } from "../../shared/api/coverage";
import { useWorkbookActions } from "../actions/context";
import { useApi } from "../api/context";
import { facilityMaster } from "../api/facility-master";
import { useLang, useStrings } from "../i18n";
import { errorText } from "../ui/error-text";
import { Notice, type NoticeData } from "../ui/Notice";
import { Progress } from "../ui/Progress";
import { useTask } from "../ui/useTask";
import { headlineFigures, type Headline } from "./headline";
import { coverageRegionChoices as regionChoices, type CoverageRegionChoice as RegionChoice } from "../regions/choices";
import { coverageToSheets } from "./to-sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  figures: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  figureLabel: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  figureValue: { margin: 0, textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
});

/** Tarik cakupan: GET /v1/coverage, then one sheet per table, replaced in place on the next pull. */
export function CoverageTab() {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const actions = useWorkbookActions();
  const { client } = useApi();
  const { running, run } = useTask();
  const [region, setRegion] = useState("");
  const [level, setLevel] = useState<CoverageLevel | "">("");
  const [asOf, setAsOf] = useState("");
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [choices, setChoices] = useState<RegionChoice[]>([]);
  const [pulled, setPulled] = useState<{ sheetName: string; headline: Headline[] } | null>(null);

  // Regions by name from the facility master (GET /v1/facilities: every facility, not only the token's;
  // the server refuses a region outside the scope); the code field stays for others.
  useEffect(() => {
    if (!client) return;
    let live = true;
    facilityMaster(client)
      .then((list) => live && setChoices(regionChoices(list, lang)))
      .catch(() => {
        // Offline or refused: the code field still works.
      });
    return () => {
      live = false;
    };
  }, [client, lang]);

  const regionValid = region.trim() === "" || coverageRegionSchema.safeParse(region.trim()).success;

  const pull = () =>
    run(t.progress.coverage, async (task) => {
      setNotice(null);
      setPulled(null);
      if (!client) {
        setNotice({ intent: "warning", body: t.coverage.needsServer });
        return;
      }
      try {
        const response = await client.coverage({
          region: region.trim() || undefined,
          level: level || undefined,
          as_of: asOf || undefined,
        });
        task.phase(t.progress.writingCoverage);
        const { sheetName } = await actions.writeCoverage(coverageToSheets(response, lang), task.progress);
        setNotice({ intent: "success", body: t.coverage.done(sheetName) });
        setPulled({ sheetName, headline: headlineFigures(response, lang) });
      } catch (e) {
        setNotice({ intent: "error", ...errorText(e, t) });
      }
    });

  return (
    <div className={styles.root}>
      <Caption1 className={styles.intro}>{t.coverage.intro}</Caption1>
      {choices.length > 0 && (
        <Field label={t.coverage.pick}>
          <Select value={choices.some((c) => c.kode === region.trim()) ? region.trim() : ""} onChange={(_, d) => setRegion(d.value)}>
            <option value="">{t.coverage.wholeScope}</option>
            {choices.map((c) => (
              <option key={c.kode} value={c.kode}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label={t.coverage.region}
        hint={t.coverage.regionHint}
        validationState={regionValid ? "none" : "error"}
        validationMessage={regionValid ? undefined : t.coverage.badRegion}
      >
        <Input value={region} onChange={(_, d) => setRegion(d.value)} inputMode="text" placeholder="1706" />
      </Field>
      <Field label={t.coverage.level}>
        <Select value={level} onChange={(_, d) => setLevel(d.value as CoverageLevel | "")}>
          <option value="">{t.coverage.levels.auto}</option>
          {coverageLevelSchema.options.map((l) => (
            <option key={l} value={l}>
              {t.coverage.levels[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.coverage.asOf} hint={t.coverage.asOfHint}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running !== null || !regionValid} onClick={() => void pull()}>
          {t.coverage.pull}
        </Button>
      </div>
      <Progress task={running} />
      <div aria-live="polite">{notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}</div>
      {pulled && pulled.headline.length > 0 && (
        <section aria-label={t.coverage.headlineTitle}>
          <dl className={styles.figures} data-testid="headline">
            {pulled.headline.map((h) => (
              <div key={h.key} style={{ display: "contents" }}>
                <dt className={styles.figureLabel}>{h.label}</dt>
                <dd className={styles.figureValue}>{h.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {pulled && (
        <div className={styles.actions}>
          <Button appearance="subtle" onClick={() => void actions.selectCell({ sheetName: pulled.sheetName, address: "A1" }).catch(() => undefined)}>
            {t.coverage.openSheet(pulled.sheetName)}
          </Button>
        </div>
      )}
    </div>
  );
}
