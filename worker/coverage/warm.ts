import { resolveQuery } from "../../shared/coverage/query";
import { todayIn } from "../../shared/normalize/today";
import { dbFor, oneProvincePerDatabase, provincesWithOwnDatabase } from "../db/region";
import type { Bindings } from "../env";
import { readCoverage } from "./read";

/**
 * The coverage questions asked most, answered ahead by the scheduled job so that the first analyst
 * to ask after a change reads a remembered answer (store/coverage-memo.ts) instead of computing it:
 * the whole country by province, and each province with a database of its own by regency (the large
 * ones, SPEC §7), both at today in their zone (SPEC §4.5) — the question GET /v1/coverage resolves
 * when it names no as_of. A question already remembered costs one lookup per database.
 *
 * Stops starting questions at `deadline` (epoch ms); returns how many it asked.
 */
export async function warmCoverage(env: Bindings, nowMs: number, deadline: number): Promise<number> {
  const regions: (string | null)[] = [null, ...provincesWithOwnDatabase(env)];
  let asked = 0;
  for (const region of regions) {
    if (Date.now() > deadline) break;
    const resolved = resolveQuery({ region: region ?? undefined }, todayIn(region, nowMs));
    if (!resolved.ok) continue;
    const dbs = region === null ? oneProvincePerDatabase(env).map((p) => dbFor(env, p)) : [dbFor(env, region)];
    await readCoverage(dbs, resolved.query, new Date(nowMs).toISOString());
    asked++;
  }
  return asked;
}
