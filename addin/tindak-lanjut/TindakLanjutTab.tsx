import { Button, Caption1, Divider, Field, Input, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { listKindSchema, placementRequestSchema, type ListKind } from "../../shared/api/tindak-lanjut";
import type { JenisStandar } from "../../shared/reference/codes";
import { useWorkbookActions } from "../actions/context";
import { useApi } from "../api/context";
import { currentReference } from "../api/reference-cache";
import { useLang, useStrings } from "../i18n";
import { errorText } from "../ui/error-text";
import { Notice, type NoticeData } from "../ui/Notice";
import { Progress } from "../ui/Progress";
import { useTask } from "../ui/useTask";
import { regionChoices, useFacilityMaster, useTokenScope, type RegionChoice } from "./regions";
import { listToSheet, planToSheet } from "./to-sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  // Long facility names must not widen the dropdown past the pane.
  select: { minWidth: 0, maxWidth: "100%" },
  selectInner: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

/**
 * Tindak lanjut (issue 16 item 3, SPEC §9): pull an action list of a region chosen by name into its own
 * sheet (refreshed in place on the next pull), and make a placement plan of N new staff of one
 * profession, written with a bar chart of each puskesmas's gap before and after. The lists are for
 * uploader and admin tokens (they name people); the server refuses analysts and the pane says why.
 */
export function TindakLanjutTab() {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const actions = useWorkbookActions();
  const { client, storage } = useApi();
  const { running, run } = useTask();
  const facilities = useFacilityMaster(client);
  const scope = useTokenScope(client);
  const reference = useMemo(() => currentReference(storage).data, [storage]);
  const choices = useMemo(() => regionChoices(facilities ?? [], reference.kabupaten, t, scope), [facilities, reference, t, scope]);
  const professions = reference.sembilan_jenis;

  const [list, setList] = useState<ListKind>("sip");
  const [region, setRegion] = useState("");
  const [asOf, setAsOf] = useState("");
  const [planRegion, setPlanRegion] = useState("");
  const [jenis, setJenis] = useState<JenisStandar>(professions[0]?.jenis ?? "DOKTER");
  const [count, setCount] = useState("10");
  const [notice, setNotice] = useState<NoticeData | null>(null);

  const all: RegionChoice[] = [...choices.kabupaten, ...choices.kecamatan, ...choices.fasyankes];
  const labelOf = (kode: string) => (kode === "" ? t.tindak.regionScope : (all.find((c) => c.kode === kode)?.label ?? kode));
  const jumlah = Number(count.trim());
  // The bounds of POST /v1/penempatan's `jumlah`, from its schema.
  const countValid = count.trim() !== "" && placementRequestSchema.shape.jumlah.safeParse(jumlah).success;
  const planRegions = [...choices.kabupaten, ...choices.kecamatan];
  const chosenPlanRegion = planRegions.some((c) => c.kode === planRegion) ? planRegion : (planRegions[0]?.kode ?? "");
  const jenisLabel = professions.find((p) => p.jenis === jenis)?.label[lang] ?? jenis;

  const pull = () =>
    run(t.tindak.pulling, async (task) => {
      setNotice(null);
      if (!client) return setNotice({ intent: "warning", body: t.tindak.needsServer });
      try {
        const response = await client.tindakLanjut({ list, region: region || undefined, as_of: asOf || undefined });
        task.phase(t.tindak.writing);
        const written = await writeWith(actions.writeActionList?.bind(actions))(listToSheet(response, labelOf(region), t), (d, n) => task.progress(d, n, t.tindak.writing));
        setNotice({ intent: "success", body: written.rows > 0 ? t.tindak.done(written.sheetName, written.rows) : t.tindak.empty(written.sheetName) });
      } catch (e) {
        setNotice({ intent: "error", ...errorText(e, t) });
      }
    });

  const plan = () =>
    run(t.tindak.planning, async (task) => {
      setNotice(null);
      if (!client) return setNotice({ intent: "warning", body: t.tindak.needsServer });
      if (!chosenPlanRegion) return setNotice({ intent: "warning", body: t.tindak.needsRegion });
      try {
        const response = await client.penempatan({ region: chosenPlanRegion, jenis_tenaga: jenis, jumlah, ...(asOf ? { as_of: asOf } : {}) });
        task.phase(t.tindak.writingPlan);
        const sheet = planToSheet(response, labelOf(chosenPlanRegion), jenisLabel, t);
        const written = await writeWith(actions.writePlacementPlan?.bind(actions))(sheet, (d, n) => task.progress(d, n, t.tindak.writingPlan));
        setNotice({ intent: "success", body: t.tindak.planDone(written.sheetName, written.rows) });
      } catch (e) {
        setNotice({ intent: "error", ...errorText(e, t) });
      }
    });

  const regionOptions = (groups: readonly ("kabupaten" | "kecamatan" | "fasyankes")[]) =>
    groups
      .filter((g) => choices[g].length > 0)
      .map((g) => (
        <optgroup key={g} label={t.tindak.groups[g]}>
          {choices[g].map((c) => (
            <option key={c.kode} value={c.kode}>
              {c.label}
            </option>
          ))}
        </optgroup>
      ));

  return (
    <div className={styles.root}>
      <Caption1 className={styles.intro}>{t.tindak.intro}</Caption1>
      <Field label={t.tindak.list}>
        <Select value={list} onChange={(_, d) => setList(d.value as ListKind)}>
          {listKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {t.tindak.lists[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.tindak.region} hint={t.tindak.regionHint}>
        <Select className={styles.select} select={{ className: styles.selectInner }} value={region} onChange={(_, d) => setRegion(d.value)}>
          <option value="">{t.tindak.regionScope}</option>
          {regionOptions(["kabupaten", "kecamatan", "fasyankes"])}
        </Select>
      </Field>
      <Field label={t.tindak.asOf} hint={t.tindak.asOfHint}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running !== null} onClick={() => void pull()}>
          {t.tindak.pull}
        </Button>
      </div>

      <Divider />
      <Subtitle2 as="h2">{t.tindak.planTitle}</Subtitle2>
      <Caption1 className={styles.intro}>{t.tindak.planIntro}</Caption1>
      <Field label={t.tindak.planRegion} hint={t.tindak.planRegionHint}>
        <Select className={styles.select} select={{ className: styles.selectInner }} value={chosenPlanRegion} onChange={(_, d) => setPlanRegion(d.value)}>
          {regionOptions(["kabupaten", "kecamatan"])}
        </Select>
      </Field>
      <Field label={t.tindak.profession}>
        <Select value={jenis} onChange={(_, d) => setJenis(d.value as JenisStandar)}>
          {professions.map((p) => (
            <option key={p.jenis} value={p.jenis}>
              {p.label[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.tindak.count} validationState={countValid ? "none" : "error"} validationMessage={countValid ? undefined : t.tindak.badCount}>
        <Input type="number" min={1} step={1} value={count} onChange={(_, d) => setCount(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running !== null || !countValid} onClick={() => void plan()}>
          {t.tindak.plan}
        </Button>
      </div>
      <Progress task={running} />
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
    </div>
  );
}

/** The workbook's writer, or a clear failure where the host has none (an older actions object). */
function writeWith<A extends unknown[], R>(writer: ((...args: A) => Promise<R>) | undefined): (...args: A) => Promise<R> {
  return writer ?? (() => Promise.reject(new Error("Buku kerja ini tidak dapat menulis lembar tindak lanjut / This workbook cannot write follow-up sheets")));
}
