import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { DiffEntry } from "../../shared/api/rosters";
import { formatNumber } from "../i18n/format";
import { useLang, useStrings } from "../i18n";
import { nameOf, orderDiff, type FacilityNames } from "./diff-order";

const useStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
  },
  head: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, textAlign: "right", padding: `0 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  headFirst: { textAlign: "left", paddingLeft: 0 },
  cell: { textAlign: "right", padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  name: { textAlign: "left", paddingLeft: 0, fontWeight: tokens.fontWeightRegular, overflowWrap: "anywhere" },
  code: { display: "block", color: tokens.colorNeutralForeground3 },
  removed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
});

const KEYS = ["added", "removed", "changed", "unchanged"] as const;

/**
 * Added, removed, changed and unchanged persons per facility: the facilities that change first, by
 * name with the code beside it, removals in red; facilities without change on request; a total row.
 */
export function DiffTable({ diff, names }: { diff: DiffEntry[]; names: FacilityNames }) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const fmt = (n: number) => formatNumber(n, lang);
  const ordered = orderDiff(diff, names, lang);
  const total = Object.fromEntries(KEYS.map((k) => [k, diff.reduce((s, d) => s + d[k], 0)])) as Record<(typeof KEYS)[number], number>;
  const shown = all || ordered.changed.length === 0 ? [...ordered.changed, ...ordered.unchanged] : ordered.changed;
  const row = (d: DiffEntry) => {
    const name = nameOf(names, d.kode_fasyankes);
    return (
      <tr key={d.kode_fasyankes}>
        <th scope="row" className={mergeClasses(styles.cell, styles.name)}>
          {name}
          {name !== d.kode_fasyankes && <span className={styles.code}>{d.kode_fasyankes}</span>}
        </th>
        {KEYS.map((k) => (
          <td key={k} className={mergeClasses(styles.cell, k === "removed" && d.removed > 0 && styles.removed)}>
            {fmt(d[k])}
          </td>
        ))}
      </tr>
    );
  };
  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label={t.roster.diffTitle}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.head, styles.headFirst)}>
              {t.roster.diff.facility}
            </th>
            {KEYS.map((k) => (
              <th key={k} scope="col" className={styles.head}>
                {t.roster.diff[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map(row)}
          {diff.length > 1 && (
            <tr>
              <th scope="row" className={mergeClasses(styles.cell, styles.name, styles.total)}>
                {t.roster.diff.total(diff.length)}
              </th>
              {KEYS.map((k) => (
                <td key={k} className={mergeClasses(styles.cell, styles.total, k === "removed" && total.removed > 0 && styles.removed)}>
                  {fmt(total[k])}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
      {shown.length < diff.length && (
        <Button appearance="subtle" size="small" onClick={() => setAll(true)}>
          {t.push.unchangedTitle(fmt(ordered.unchanged.length))}
        </Button>
      )}
    </div>
  );
}
