import type { ResolvedQuery } from "../../shared/coverage/build";
import { resolveQuery } from "../../shared/coverage/query";
import { todayIn } from "../../shared/normalize/today";
import { databaseRegions, dbFor, provincesWithOwnDatabase } from "../db/region";
import type { Bindings } from "../env";
import { questionOf, readCoverage } from "./read";

/**
 * The coverage questions asked most, answered ahead by the scheduled job so that the first analyst
 * to ask after a change reads a remembered answer (store/coverage-memo.ts) instead of computing it:
 * the whole country by province, and each province with a database of its own by regency (the large
 * ones, SPEC §7), both at today in their zone (SPEC §4.5) — the question GET /v1/coverage resolves
 * when it names no as_of. `nowMs`: the Worker's clock (config NOW, else the real one).
 */
export function aheadQuestions(env: Bindings, nowMs: number): ResolvedQuery[] {
  return [null, ...provincesWithOwnDatabase(env)].flatMap((region) => {
    const resolved = resolveQuery({ region: region ?? undefined }, todayIn(region, nowMs));
    return resolved.ok ? [resolved.query] : [];
  });
}

/** Whether `q` is one of the questions answered ahead (its memo is pinned: kept longest). */
export function answeredAhead(env: Bindings, q: ResolvedQuery, nowMs: number): boolean {
  const key = questionOf(q);
  return aheadQuestions(env, nowMs).some((a) => questionOf(a) === key);
}

/**
 * Answers the questions of aheadQuestions where nothing is remembered for them (a remembered one
 * costs one lookup per database). Stops starting questions at `deadline` (epoch ms); returns how
 * many it asked.
 */
export async function warmCoverage(env: Bindings, nowMs: number, deadline: number): Promise<number> {
  let asked = 0;
  for (const q of aheadQuestions(env, nowMs)) {
    if (Date.now() > deadline) break;
    const dbs = databaseRegions(env, q.region).map((p) => dbFor(env, p));
    await readCoverage(dbs, q, { now: new Date(nowMs).toISOString(), pinned: true });
    asked++;
  }
  return asked;
}
