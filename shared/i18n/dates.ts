import type { Lang } from "../schema/issue";

const MONTHS: Record<Lang, readonly string[]> = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "2026-09-30" → "30 September 2026" (the Indonesian way; English uses the same order). Other text is returned as is. */
export function formatDate(iso: string, lang: Lang = "id"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[lang][Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** A list of words joined the way each language writes it: "a, b dan c" / "a, b and c". */
export function formatList(items: readonly string[], lang: Lang = "id"): string {
  if (items.length <= 1) return items.join("");
  const last = items[items.length - 1]!;
  return `${items.slice(0, -1).join(", ")} ${lang === "en" ? "and" : "dan"} ${last}`;
}
