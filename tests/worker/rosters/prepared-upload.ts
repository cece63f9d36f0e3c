import { env } from "cloudflare:test";
import { expect } from "vitest";
import type { FasyankesRecord } from "../../../shared/schema/records";
import type { TokenInfo } from "../../../worker/auth/token-info";
import { checkRoster } from "../../../worker/rosters/check";
import type { UploadToStore } from "../../../worker/rosters/commit";
import { storedIssues } from "../../../worker/rosters/response";
import { roster } from "../support";

/**
 * A checked upload of `rows` generated rows (deterministic by `seed`) over `facilities`, ready for
 * storeUpload as the route would hand it over: what the storage tests drive the commit with directly
 * (a failing D1 binding, batch sizes of their own). Expects the roster to pass its checks.
 */
export async function preparedUpload(who: TokenInfo, rows: number, seed: number, facilities: readonly FasyankesRecord[]): Promise<UploadToStore> {
  const checked = await checkRoster(env.DB, roster(rows, { facilities, seed }), who, { lang: "id", maxRows: 200_000 });
  expect(checked.result.ok).toBe(true);
  return {
    id: crypto.randomUUID(),
    token: who,
    createdAt: new Date().toISOString(),
    asOf: checked.asOf,
    contentType: "application/json",
    contentHash: "test",
    persons: checked.persons,
    pelatihan: checked.result.pelatihan,
    counts: checked.result.counts,
    issues: storedIssues(checked.result.issues),
    diff: checked.diff,
    notBefore: checked.latestSince,
  };
}
