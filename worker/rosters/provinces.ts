import type { Issue, Lang } from "../../shared/schema/issue";
import { provinsiByKode } from "../../shared/reference/wilayah";
import { makeIssue } from "../../shared/validate/issues";
import type { FacilityFact } from "../../shared/validate/types";

/** The province (2 digits) of a known facility: its master row's region (SPEC §2 codes). */
export const provinceOf = (f: Pick<FacilityFact, "kode_wilayah">): string => f.kode_wilayah.slice(0, 2);

/**
 * `upload.multi_province` (SPEC §5, §7: one upload, one province, one database): the known facilities
 * of an upload lie in more than one province. Codes not in the master are left to
 * kode_fasyankes.unknown. The province holding most rows (ties: the lower code) is taken as the
 * upload's; each other province gets one error at its first row, `related` to the first row of the
 * upload's province, so the add-in can point at both. The rule does not depend on which databases
 * are bound, so nothing changes when a province gets its own.
 * @param codeByRow the facility code of each submitted Nakes row (rosters/identifiers.ts)
 * @returns no issue when the known facilities lie in one province (or none)
 */
export function multiProvinceIssues(codeByRow: readonly (string | null)[], facilities: ReadonlyMap<string, FacilityFact>, lang: Lang): Issue[] {
  const first = new Map<string, { row: number; kode: string; rows: number }>();
  codeByRow.forEach((kode, row) => {
    const f = kode === null ? undefined : facilities.get(kode);
    if (!f || kode === null) return;
    const p = provinceOf(f);
    const seen = first.get(p);
    if (seen) seen.rows++;
    else first.set(p, { row, kode, rows: 1 });
  });
  if (first.size < 2) return [];
  const ordered = [...first.entries()].sort(([a, x], [b, y]) => y.rows - x.rows || (a < b ? -1 : 1));
  const name = (p: string) => `${p} ${provinsiByKode.get(p)?.nama ?? ""}`.trim();
  const provinces = ordered.map(([p]) => name(p)).sort();
  const [, main] = ordered[0]!;
  return ordered.slice(1).map(([p, at]) =>
    makeIssue(
      "upload.multi_province",
      { table: "nakes", row: at.row, column: "kode_fasyankes", value: at.kode, related: [{ row: main.row, column: "kode_fasyankes" }] },
      { provinces, province: name(p) },
      lang,
    ),
  );
}
