import type { Lang } from "../schema/issue";
import { fromIso, utcMs } from "../normalize/calendar";

/**
 * Dates in the reader's language, by the platform's Intl.DateTimeFormat (its CLDR data holds the month
 * names: the project writes none of its own for output). Indonesian "30 September 2026"; English takes
 * the same day-month-year order (en-GB). Instants are formatted at UTC, so the date never shifts by a zone.
 */
const DATE_LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
/** Messages repeat their dates (a roster's SIP ends, three dates a row): each is formatted once per language. */
const formatted: Record<Lang, Map<number, string>> = { id: new Map(), en: new Map() };

/** "2026-09-30" → "30 September 2026" / "30 September 2026"; text that is not an ISO date is returned as is. */
export function formatDate(iso: string, lang: Lang = "id"): string {
  const p = fromIso(iso);
  if (p === 0) return iso;
  let text = formatted[lang].get(p);
  if (text === undefined) {
    let f = dateFormats.get(lang);
    if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(DATE_LOCALE[lang], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })));
    text = f.format(utcMs(p, 0, 0, 0));
    formatted[lang].set(p, text);
  }
  return text;
}

const monthFormats = new Map<Lang, Intl.DateTimeFormat>();

/** "2027-03-15" → "Maret 2027" / "March 2027"; text that is not an ISO date is returned as is. */
export function formatMonth(iso: string, lang: Lang = "id"): string {
  const p = fromIso(iso);
  if (p === 0) return iso;
  let f = monthFormats.get(lang);
  if (!f) monthFormats.set(lang, (f = new Intl.DateTimeFormat(DATE_LOCALE[lang], { month: "long", year: "numeric", timeZone: "UTC" })));
  return f.format(utcMs(p, 0, 0, 0));
}
