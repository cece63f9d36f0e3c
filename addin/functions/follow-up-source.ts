import type { ListQuery, ListResponse, PlacementRequest, PlacementResponse } from "../../shared/api/tindak-lanjut";
import { todayIn } from "../../shared/normalize/today";
import { ApiError } from "../api/errors";

/**
 * Where NAKES.TINDAKLANJUT and NAKES.PENEMPATAN get their answers: one request per distinct question
 * (list, region, date / plan body), however many cells ask it, cached for as long as the workbook is
 * open. A request in flight is shared; a failed one is forgotten so the next recalculation tries again;
 * `clear()` (after a roster is stored, or new settings) drops every answer. A question without a date
 * is keyed by today in the region's zone (SPEC §4.5), as the API answers it.
 */

export interface FollowUpSourceOptions {
  fetchList: (query: ListQuery) => Promise<ListResponse>;
  fetchPlan: (body: PlacementRequest) => Promise<PlacementResponse>;
  /** Hard limit per request, beyond the client's own timeout: a cell never waits forever. */
  deadlineMs?: number;
  today?: (region: string) => string;
}

export interface FollowUpSource {
  list(query: ListQuery & { region: string }): Promise<ListResponse>;
  plan(body: PlacementRequest): Promise<PlacementResponse>;
  clear(): void;
}

export function createFollowUpSource(opts: FollowUpSourceOptions): FollowUpSource {
  const deadlineMs = opts.deadlineMs ?? 60_000;
  const today = opts.today ?? ((region: string) => todayIn(region));
  const cache = new Map<string, Promise<unknown>>();
  let generation = 0;

  function ask<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    const known = cache.get(key);
    if (known) return known as Promise<T>;
    const started = generation;
    const answer = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ApiError("timeout", `no answer within ${deadlineMs} ms`)), deadlineMs);
      fetch().then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e: unknown) => (clearTimeout(timer), reject(e)),
      );
    });
    cache.set(key, answer);
    answer.catch(() => {
      if (started === generation && cache.get(key) === answer) cache.delete(key);
    });
    return answer;
  }

  const dated = (region: string, asOf: string | undefined) => asOf ?? `today:${today(region)}`;
  return {
    list: (q) => ask(`list|${q.list}|${q.region}|${dated(q.region, q.as_of)}`, () => opts.fetchList(q)),
    plan: (b) => ask(`plan|${b.region}|${b.jenis_tenaga}|${b.jumlah}|${dated(b.region, b.as_of)}`, () => opts.fetchPlan(b)),
    clear() {
      generation++;
      cache.clear();
    },
  };
}
