import type { DiffEntry } from "../../../shared/api/rosters";
import { countIssues } from "../../../shared/rules/count";
import type { Issue } from "../../../shared/schema/issue";
import type { StagedValidateResponse } from "../../api/client";
import type { Check } from "../flow";
import type { Engine } from "../load-engine";
import type { MappedRoster } from "../to-request";

/** What one check found (local validator, dry run or a rejected push), before its issues are placed on cells. */
export type Findings = Pick<Check, "source" | "ok" | "counts" | "issues" | "diff" | "base" | "staged">;

/**
 * The dry run's answer as findings. Only an error-free answer may carry a staged upload for Kirim
 * (SPEC §7, `?stage=1`); anything else is sent again in full.
 */
export function serverFindings(res: StagedValidateResponse): Findings {
  const staged = res.ok && res.staged ? res.staged : null;
  return { source: "server", ok: res.ok, counts: res.counts, issues: res.issues, diff: res.diff, base: res.base, staged };
}

/**
 * A push the server refused with 422: its issues replace the dry run's; the base and any staged
 * upload are spent, so only a new check can lead to a send. The dry run's diff stays for the table.
 */
export function rejectedFindings(issues: Issue[], diff: DiffEntry[] | null): Findings {
  return { source: "server", ok: false, counts: countIssues(issues), issues, diff, base: null, staged: null };
}

/** The check of these findings, each issue placed on its cell of the sheet the roster was read from. */
export function placeFindings(locate: Engine["locateIssues"], mapped: MappedRoster, fingerprint: string, found: Findings): Check {
  const { cells, unlocated } = locate(found.issues, mapped.layout);
  return { ...found, cells, unlocated, layout: mapped.layout, mapped, fingerprint };
}

/** Same findings in the same order (code, place, severity): then the marks on the sheet are already right. */
export function sameFindings(a: readonly Issue[], b: readonly Issue[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x.code === y.code && x.table === y.table && x.row === y.row && x.column === y.column && x.severity === y.severity;
  });
}
