import type { CoverageResponse } from "../../shared/api/coverage";
import type { Lang } from "../../shared/schema/issue";
import { formatNumber, localeOf } from "../i18n/format";

/** The few figures shown after a pull (issue 13 item 5): staff, density, puskesmas, gaps. */
export const HEADLINE_KEYS = ["nakes", "kepadatan_10k", "puskesmas", "puskesmas_9_jenis_lengkap_pct", "puskesmas_tanpa_dokter"] as const;

export interface Headline {
  key: string;
  label: string;
  value: string;
}

/**
 * The region's headline figures, labelled with the API's own column labels (GET /v1/coverage's
 * `tables.wilayah.columns`, so a label is written once, server-side) and formatted the pane's one way.
 * Shares (0…1) read as percentages; figures the API could not compute (null) are left out.
 */
export function headlineFigures(response: CoverageResponse, lang: Lang): Headline[] {
  const columns = new Map(response.tables.wilayah.columns.map((c) => [c.key, c]));
  const out: Headline[] = [];
  for (const key of HEADLINE_KEYS) {
    const value = response.figures[key];
    const column = columns.get(key);
    if (value === null || value === undefined || !column) continue;
    const text =
      column.type === "share"
        ? new Intl.NumberFormat(localeOf(lang), { style: "percent", maximumFractionDigits: 0 }).format(value)
        : formatNumber(value, lang);
    out.push({ key, label: column.label[lang], value: text });
  }
  return out;
}
