import type { Lang } from "../../shared/schema/issue";

/**
 * Numbers the one way the pane shows them (issue 13 item 6): Intl with the UI language's grouping,
 * so 80085 reads "80.085" in Indonesian and "80,085" in English. One formatter per language, made once.
 */
const formatters = new Map<Lang, Intl.NumberFormat>();

export function localeOf(lang: Lang): string {
  return lang === "en" ? "en-US" : "id-ID";
}

export function formatNumber(n: number, lang: Lang): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 });
    formatters.set(lang, f);
  }
  return f.format(n);
}
