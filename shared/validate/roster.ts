import type { RosterRequest } from "../schema/roster";
import { cellText } from "../normalize/cell";
import { keyOfHeader } from "../table/headers";
import { countIssues } from "../rules/count";
import { validateNakes } from "./nakes";
import { validatePelatihan } from "./pelatihan";
import { makeRun } from "./run";
import type { ValidationContext, ValidationResult } from "./types";

/**
 * Every rule of SPEC §5 over a roster: the same function runs in the add-in (offline, with what it
 * knows) and in the Worker (with the facility master, the scope and the stored rosters in `ctx`).
 * Rules whose facts are absent from `ctx` are skipped, never guessed. Issues come in table then row
 * order, never capped; records are the normalised rows without an error.
 */
export function validateRoster(req: RosterRequest, ctx: ValidationContext): ValidationResult {
  const run = makeRun(ctx, req?.as_of, () => firstFacility(req));
  const nakes = validateNakes(req?.nakes, run);
  const issues = nakes.issues;
  let pelatihan: ValidationResult["pelatihan"] = [];
  if (req?.pelatihan) {
    const p = validatePelatihan(req.pelatihan, nakes.niks, run);
    for (const i of p.issues) issues.push(i);
    pelatihan = p.records;
  }
  const counts = countIssues(issues);
  return { ok: counts.error === 0, counts, issues, nakes: nakes.records, pelatihan };
}

/** The first facility code the Nakes table names: whose zone gives the default as_of (SPEC §4.5). */
function firstFacility(req: RosterRequest): string | null {
  const columns = Array.isArray(req?.nakes?.columns) ? req.nakes.columns : [];
  const i = columns.findIndex((c) => keyOfHeader(String(c), "nakes") === "kode_fasyankes");
  if (i < 0) return null;
  for (const row of req.nakes.rows ?? []) {
    const t = Array.isArray(row) ? cellText(row[i]) : null;
    if (t !== null) return t;
  }
  return null;
}
