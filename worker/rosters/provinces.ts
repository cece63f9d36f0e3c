import type { Issue, Lang } from "../../shared/schema/issue";
import { provinsiByKode } from "../../shared/reference/wilayah";
import { makeIssue } from "../../shared/validate/issues";
import type { FacilityFact } from "../../shared/validate/types";
import { isNational } from "../auth/scope";
import { provinceOf } from "../db/region";
import { ApiError } from "../http/errors";
import { MESSAGES } from "../http/messages";

/** The province (2 digits) of a known facility: its master row's region (SPEC §2 codes). */
const provinceOfRow = (f: Pick<FacilityFact, "kode_wilayah">): string => f.kode_wilayah.slice(0, 2);

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
    const p = provinceOfRow(f);
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

/**
 * The province an upload is stored in, chosen before it is validated (its database takes the
 * Idempotency-Key claim and the commit, SPEC §7): a token scoped within a province, that province
 * (rows of others are out of scope); a national token, the province that the most rows' facility codes
 * name by their shape (ties: the lower code). Any upload that passes validation names facilities of
 * one province only (upload.multi_province), which is then this one. Null: no row names a province.
 */
export function uploadProvince(scope: string, codeByRow: readonly (string | null)[]): string | null {
  if (!isNational(scope)) return provinceOf(scope);
  const rows = new Map<string, number>();
  for (const kode of codeByRow) {
    const p = provinceOf(kode);
    if (p !== null) rows.set(p, (rows.get(p) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [p, n] of rows) if (best === null || n > rows.get(best)! || (n === rows.get(best)! && p < best)) best = p;
  return best;
}

/**
 * The one province a master change (PUT /v1/facilities: facility codes; PUT /v1/population: region
 * codes) touches, or null when no code names one (the validator then refuses the rows). A change
 * naming two or more provinces is refused whole (422, nothing stored): each province may have a
 * database of its own, D1 has no transaction across databases, and one batch per database would leave
 * the first province stored when the second failed (SPEC §7: nothing half-stored). Refused whatever
 * databases are bound, as uploads are (upload.multi_province), so nothing changes when a province
 * gets its own database.
 */
export function masterProvince(codes: Iterable<string>, table: { id: string; en: string }): string | null {
  const provinces = [...new Set([...codes].map(provinceOf).filter((p): p is string => p !== null))].sort();
  if (provinces.length <= 1) return provinces[0] ?? null;
  const names = provinces.map((p) => `${p} ${provinsiByKode.get(p)?.nama ?? ""}`.trim()).join(", ");
  throw new ApiError(422, "validation_failed", MESSAGES.twoProvinces(table, provinces.length, names));
}
