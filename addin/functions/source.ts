import type { CoverageLevel, CoverageQuery, CoverageResponse } from "../../shared/api/coverage";
import { todayIn } from "../../shared/normalize/today";
import { ApiError } from "../api/errors";

/**
 * Where the functions get coverage from: one GET /v1/coverage per distinct (region, level, as_of),
 * however many cells ask. Calls that arrive within one short window (one recalculation calls the
 * functions of many cells back to back) are collected, then planned together: a cell that only
 * needs a region's figures rides on any request for that region and date, since `figures` cover the
 * whole region at every level. Answers stay cached (in memory, for as long as the workbook is open);
 * a request in flight is shared, a failed one is forgotten so the next recalculation tries again.
 */

export interface SourceOptions {
  fetchCoverage: (query: CoverageQuery) => Promise<CoverageResponse>;
  /** How long to collect calls before sending: one recalculation's worth. */
  windowMs?: number;
  /** Hard limit per request, beyond the client's own timeout: a cell never waits forever. */
  deadlineMs?: number;
  /** Requests under way at once: a slow line gains nothing from more. */
  maxConcurrent?: number;
  /**
   * Today where a region lies (ISO), for the cache key of questions without a date: the API answers
   * those for today in the region's zone (SPEC §4.5), so the key turns with that date, not the PC's.
   */
  today?: (region: string) => string;
}

export interface CoverageSource {
  /** Figures of the whole region (any level's answer will do). */
  figures(region: string, asOf: string | undefined): Promise<CoverageResponse>;
  /** Rows at `level` (undefined: the API's default, one level below the region). */
  table(region: string, level: CoverageLevel | undefined, asOf: string | undefined): Promise<CoverageResponse>;
  /** Forget every answer (after an upload, or when the settings change). */
  clear(): void;
}

/** A level of undefined means "whatever the API picks"; `*` in a pending need means "any level". */
type LevelKey = CoverageLevel | "default";
const ANY = "*";

interface Pending {
  region: string;
  asOf: string | undefined;
  level: LevelKey | typeof ANY;
  resolve: (r: CoverageResponse) => void;
  reject: (e: unknown) => void;
}

export function createCoverageSource(opts: SourceOptions): CoverageSource {
  const windowMs = opts.windowMs ?? 50;
  const deadlineMs = opts.deadlineMs ?? 60_000;
  const maxConcurrent = opts.maxConcurrent ?? 4;
  const today = opts.today ?? ((region: string) => todayIn(region));

  /** (region, date) → level → answer or request in flight. */
  const cache = new Map<string, Map<LevelKey, Promise<CoverageResponse>>>();
  let pending: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = 0;
  const queue: (() => void)[] = [];
  let generation = 0;

  const placeKey = (region: string, asOf: string | undefined) => `${region}|${asOf ?? `today:${today(region)}`}`;

  function withDeadline<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new ApiError("timeout", `no answer within ${deadlineMs} ms`)), deadlineMs);
      p.then(
        (v) => (clearTimeout(t), resolve(v)),
        (e: unknown) => (clearTimeout(t), reject(e)),
      );
    });
  }

  async function limited<T>(run: () => Promise<T>): Promise<T> {
    if (running >= maxConcurrent) await new Promise<void>((go) => queue.push(go));
    running++;
    try {
      return await run();
    } finally {
      running--;
      queue.shift()?.();
    }
  }

  function request(region: string, asOf: string | undefined, level: LevelKey): Promise<CoverageResponse> {
    const key = placeKey(region, asOf);
    const levels = cache.get(key) ?? new Map<LevelKey, Promise<CoverageResponse>>();
    cache.set(key, levels);
    const known = levels.get(level);
    if (known) return known;
    const query: CoverageQuery = { region, ...(asOf ? { as_of: asOf } : {}), ...(level === "default" ? {} : { level }) };
    const started = generation;
    const answer = limited(() => withDeadline(opts.fetchCoverage(query)));
    levels.set(level, answer);
    answer.catch(() => {
      if (started === generation && levels.get(level) === answer) levels.delete(level);
    });
    return answer;
  }

  /** A cached answer for the question, if there is one (any level for figures). */
  function cached(region: string, asOf: string | undefined, level: LevelKey | typeof ANY): Promise<CoverageResponse> | undefined {
    const levels = cache.get(placeKey(region, asOf));
    if (!levels) return undefined;
    if (level !== ANY) return levels.get(level);
    return levels.values().next().value;
  }

  function flush(): void {
    timer = null;
    const batch = pending;
    pending = [];
    const byPlace = new Map<string, Pending[]>();
    for (const p of batch) {
      const key = placeKey(p.region, p.asOf);
      byPlace.set(key, [...(byPlace.get(key) ?? []), p]);
    }
    for (const group of byPlace.values()) {
      const first = group[0]!;
      const levels = [...new Set(group.map((p) => p.level).filter((l): l is LevelKey => l !== ANY))];
      // Figures-only cells share the first table request of their place, or one default request.
      const forFigures: LevelKey = levels[0] ?? "default";
      for (const p of group) {
        const answer = p.level === ANY ? (cached(p.region, p.asOf, ANY) ?? request(first.region, first.asOf, forFigures)) : request(p.region, p.asOf, p.level);
        answer.then(p.resolve, p.reject);
      }
    }
  }

  function ask(region: string, asOf: string | undefined, level: LevelKey | typeof ANY): Promise<CoverageResponse> {
    const hit = cached(region, asOf, level);
    if (hit) return hit;
    return new Promise<CoverageResponse>((resolve, reject) => {
      pending.push({ region, asOf, level, resolve, reject });
      timer ??= setTimeout(flush, windowMs);
    });
  }

  return {
    figures: (region, asOf) => ask(region, asOf, ANY),
    table: (region, level, asOf) => ask(region, asOf, level ?? "default"),
    clear() {
      generation++;
      cache.clear();
    },
  };
}
