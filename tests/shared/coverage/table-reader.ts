import type { CoverageTable } from "../../../shared/api/coverage";

/** A coverage table's rows as objects keyed by column key: how a test reads a sheet row. */
export function records(t: CoverageTable): Record<string, string | number | null>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.key, r[i] ?? null])));
}

export function rowOf(t: CoverageTable, match: Record<string, string>): Record<string, string | number | null> {
  const hit = records(t).find((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  if (!hit) throw new Error(`no row ${JSON.stringify(match)} in ${t.label.en}`);
  return hit;
}
