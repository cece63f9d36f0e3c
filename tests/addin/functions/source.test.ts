import { afterEach, describe, expect, it, vi } from "vitest";
import type { CoverageQuery } from "../../../shared/api/coverage";
import { ApiError } from "../../../addin/api/errors";
import { createCoverageSource } from "../../../addin/functions/source";
import { coverageAnswer, figuresFor } from "./fakes";

/** A fetchCoverage that records its queries and answers after `delayMs` (or fails while `failing`). */
function recorder(delayMs = 0) {
  const queries: CoverageQuery[] = [];
  const state = { failing: false };
  const fetchCoverage = async (q: CoverageQuery) => {
    queries.push(q);
    await new Promise((r) => setTimeout(r, delayMs));
    if (state.failing) throw new ApiError("network", "offline");
    return coverageAnswer(q, figuresFor(q.region ?? "17"));
  };
  return { queries, state, fetchCoverage };
}

describe("the coverage source of the functions", () => {
  it("sends one request per region for many cells asking in the same recalculation", async () => {
    const api = recorder(5);
    const source = createCoverageSource({ fetchCoverage: api.fetchCoverage, windowMs: 10 });
    const regions = ["1706", "1701", "17"];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => source.figures(regions[i % 3]!, undefined)));
    expect(api.queries).toHaveLength(3);
    expect(new Set(api.queries.map((q) => q.region))).toEqual(new Set(regions));
    expect(answers[0]!.figures["nakes"]).toBe(60);
    expect(answers[1]!.figures["nakes"]).toBe(10);
  });

  it("lets figure cells ride on a table request for the same region and date", async () => {
    const api = recorder();
    const source = createCoverageSource({ fetchCoverage: api.fetchCoverage, windowMs: 10 });
    await Promise.all([source.figures("1706", "2026-11-01"), source.table("1706", "facility", "2026-11-01"), source.figures("1706", "2026-11-01")]);
    expect(api.queries).toEqual([{ region: "1706", level: "facility", as_of: "2026-11-01" }]);
  });

  it("asks again for another date or another level, once each", async () => {
    const api = recorder();
    const source = createCoverageSource({ fetchCoverage: api.fetchCoverage, windowMs: 10 });
    await Promise.all([
      source.table("17", "regency", undefined),
      source.table("17", "regency", undefined),
      source.table("17", "facility", undefined),
      source.figures("17", "2026-01-01"),
    ]);
    expect(api.queries).toHaveLength(3);
    expect(api.queries).toContainEqual({ region: "17", as_of: "2026-01-01" });
  });

  it("answers from the cache while the workbook stays open, and asks again after clear()", async () => {
    const api = recorder();
    const source = createCoverageSource({ fetchCoverage: api.fetchCoverage, windowMs: 10 });
    await source.figures("1706", undefined);
    await source.figures("1706", undefined);
    await source.table("1706", undefined, undefined);
    expect(api.queries).toHaveLength(1);
    source.clear();
    await source.figures("1706", undefined);
    expect(api.queries).toHaveLength(2);
  });

  it("shares a request in flight with cells of the next recalculation", async () => {
    const api = recorder(50);
    const source = createCoverageSource({ fetchCoverage: api.fetchCoverage, windowMs: 5 });
    const first = source.figures("1706", undefined);
    await new Promise((r) => setTimeout(r, 20));
    const second = source.figures("1706", undefined);
    await Promise.all([first, second]);
    expect(api.queries).toHaveLength(1);
  });

  it("forgets a failed request, so the next recalculation tries again", async () => {
    const api = recorder();
    const source = createCoverageSource({ fetchCoverage: api.fetchCoverage, windowMs: 5 });
    api.state.failing = true;
    await expect(source.figures("1706", undefined)).rejects.toMatchObject({ kind: "network" });
    api.state.failing = false;
    await expect(source.figures("1706", undefined)).resolves.toMatchObject({ figures: { nakes: 60 } });
    expect(api.queries).toHaveLength(2);
  });

  it("gives up on a request that never answers, at its deadline", async () => {
    const source = createCoverageSource({ fetchCoverage: () => new Promise(() => {}), windowMs: 5, deadlineMs: 40 });
    await expect(source.figures("1706", undefined)).rejects.toMatchObject({ kind: "timeout" });
  });

  it("keeps at most maxConcurrent requests under way", async () => {
    let running = 0;
    let peak = 0;
    const fetchCoverage = async (q: CoverageQuery) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return coverageAnswer(q, figuresFor(q.region ?? "17"));
    };
    const source = createCoverageSource({ fetchCoverage, windowMs: 5, maxConcurrent: 2 });
    await Promise.all(["11", "12", "13", "14", "15", "16"].map((r) => source.figures(r, undefined)));
    expect(peak).toBe(2);
  });

  describe("questions without a date", () => {
    afterEach(() => vi.useRealTimers());

    it("are asked again when the day turns where the region lies (WIB), not where the PC's clock says", async () => {
      const api = recorder();
      const source = createCoverageSource({ fetchCoverage: api.fetchCoverage, windowMs: 1 });
      vi.useFakeTimers({ toFake: ["Date"] });
      // 16:30 UTC is 23:30 WIB on 29 November; 17:30 UTC is already 30 November there.
      vi.setSystemTime(new Date("2026-11-29T16:30:00Z"));
      await source.figures("1706", undefined);
      vi.setSystemTime(new Date("2026-11-29T16:50:00Z"));
      await source.figures("1706", undefined);
      expect(api.queries).toHaveLength(1);
      vi.setSystemTime(new Date("2026-11-29T17:30:00Z"));
      await source.figures("1706", undefined);
      expect(api.queries).toHaveLength(2);
    });

    it("turn at the region's own midnight: WIT (Papua, UTC+9) two hours before WIB", async () => {
      const api = recorder();
      const source = createCoverageSource({ fetchCoverage: api.fetchCoverage, windowMs: 1 });
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2026-11-29T14:30:00Z"));
      await Promise.all([source.figures("91", undefined), source.figures("17", undefined)]);
      vi.setSystemTime(new Date("2026-11-29T15:30:00Z"));
      await Promise.all([source.figures("91", undefined), source.figures("17", undefined)]);
      expect(api.queries.map((q) => q.region)).toEqual(["91", "17", "91"]);
    });
  });
});
