import type { DiffEntry } from "../../shared/api/rosters";

/** A facility's name from GET /v1/facilities, or its code while the names are unknown. */
export type FacilityNames = ReadonlyMap<string, string>;

export interface OrderedDiff {
  /** Facilities where someone is added, removed or changed, by name (code when unnamed). */
  changed: DiffEntry[];
  unchanged: DiffEntry[];
  /** Facilities that lose people, each with its count: the send dialog asks about these. */
  removals: { kode_fasyankes: string; name: string; removed: number }[];
  removedTotal: number;
}

export const nameOf = (names: FacilityNames, code: string) => names.get(code) ?? code;

const hasChange = (d: DiffEntry) => d.added + d.removed + d.changed > 0;

/**
 * The dry run's diff as a person reads it (issue 13 item 4): what changes first, by facility name
 * in the UI's collation (Indonesian: "Puskesmas Air Dikit" before "Puskesmas V Koto"), never in the
 * server's order, so a removal is never behind "show all".
 */
export function orderDiff(diff: readonly DiffEntry[], names: FacilityNames, locale = "id"): OrderedDiff {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
  const byName = (a: DiffEntry, b: DiffEntry) =>
    collator.compare(nameOf(names, a.kode_fasyankes), nameOf(names, b.kode_fasyankes)) || a.kode_fasyankes.localeCompare(b.kode_fasyankes);
  const changed = diff.filter(hasChange).sort(byName);
  const unchanged = diff.filter((d) => !hasChange(d)).sort(byName);
  const removals = changed
    .filter((d) => d.removed > 0)
    .map((d) => ({ kode_fasyankes: d.kode_fasyankes, name: nameOf(names, d.kode_fasyankes), removed: d.removed }));
  return { changed, unchanged, removals, removedTotal: removals.reduce((s, r) => s + r.removed, 0) };
}
