import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { DiffEntry } from "../../shared/api/rosters";
import { useLang, useStrings } from "../i18n";

const useStyles = makeStyles({
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
  code: { textAlign: "left", paddingLeft: 0, whiteSpace: "nowrap", fontWeight: tokens.fontWeightRegular },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
});

const KEYS = ["added", "removed", "changed", "unchanged"] as const;

/**
 * Added, removed, changed and unchanged persons, one row per facility, with a total row when
 * several. `limit` shows that many facilities first, the rest on request.
 */
export function DiffTable({ diff, limit }: { diff: DiffEntry[]; limit?: number }) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const fmt = (n: number) => n.toLocaleString(lang === "en" ? "en-US" : "id-ID");
  const total = Object.fromEntries(KEYS.map((k) => [k, diff.reduce((s, d) => s + d[k], 0)])) as Record<(typeof KEYS)[number], number>;
  const shown = limit !== undefined && !all ? diff.slice(0, limit) : diff;
  return (
    <div>
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
          {shown.map((d) => (
            <tr key={d.kode_fasyankes}>
              <th scope="row" className={mergeClasses(styles.cell, styles.code)}>
                {d.kode_fasyankes}
              </th>
              {KEYS.map((k) => (
                <td key={k} className={styles.cell}>
                  {fmt(d[k])}
                </td>
              ))}
            </tr>
          ))}
          {diff.length > 1 && (
            <tr>
              <th scope="row" className={mergeClasses(styles.cell, styles.code, styles.total)}>
                {t.roster.diff.total(diff.length)}
              </th>
              {KEYS.map((k) => (
                <td key={k} className={mergeClasses(styles.cell, styles.total)}>
                  {fmt(total[k])}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
      {shown.length < diff.length && (
        <Button appearance="subtle" size="small" onClick={() => setAll(true)}>
          {t.roster.diff.showAll(diff.length)}
        </Button>
      )}
    </div>
  );
}
