import { afterEach, describe, expect, it } from "vitest";
import { codeForStatus } from "../../../shared/api/status";
import { runtime } from "../../../addin/functions/runtime";
import type { Lang } from "../../../shared/schema/issue";
import { demoAnswer, excelError, excelFunctions, fakeApi, json, type FakeApi } from "./fakes";

/** The functions as Excel would call them, over a fake API. */
function setUp(api: FakeApi, opts: { lang?: Lang; token?: string; timeoutMs?: number } = {}) {
  const { fn, associated } = excelFunctions({
    lang: () => opts.lang ?? "id",
    settings: () => ({ apiUrl: "http://api.test", token: opts.token ?? "nkr_test" }),
    fetch: api.fetch,
    timeoutMs: opts.timeoutMs,
    source: { windowMs: 10 },
  });
  return { cakupan: fn("CAKUPAN"), gap: fn("GAP"), tabel: fn("TABEL"), associated };
}

afterEach(() => runtime.install(null));

describe("NAKES custom functions", () => {
  it("associates CAKUPAN, GAP, TABEL, TINDAKLANJUT and PENEMPATAN, the ids of functions.json", () => {
    const { associated } = setUp(fakeApi(demoAnswer));
    expect([...associated.keys()]).toEqual(["CAKUPAN", "GAP", "TABEL", "TINDAKLANJUT", "PENEMPATAN"]);
  });

  it("returns a region's figure, with a profession appended to the indicator", async () => {
    const f = setUp(fakeApi(demoAnswer));
    expect(await f.cakupan("1706", "nakes")).toBe(60);
    expect(await f.cakupan(1706, "KEKURANGAN", "bidan")).toBe(7);
    expect(await f.gap("1706", "BIDAN")).toBe(7);
    expect(await f.gap("1706", "semua")).toBe(11);
  });

  it("spills the table with a header row in the user's language and blanks for unknown values", async () => {
    const f = setUp(fakeApi(demoAnswer), { lang: "en" });
    expect(await f.tabel("1706", "fasyankes")).toEqual([
      ["Code", "Puskesmas without a doctor"],
      ["1706", 0.25],
      ["170601", ""],
    ]);
  });

  it("makes a handful of requests for 200 cells over three regions, then none from the cache", async () => {
    const api = fakeApi(demoAnswer, 5);
    const f = setUp(api);
    const regions = ["1706", "1701", "17"];
    const cells = Array.from({ length: 200 }, (_, i) =>
      i % 4 === 0 ? f.gap(regions[i % 3], "DOKTER") : f.cakupan(regions[i % 3], i % 2 ? "nakes" : "kekurangan", i % 2 ? null : "BIDAN"),
    );
    const values = await Promise.allSettled(cells);
    expect(values.filter((v) => v.status === "rejected")).toHaveLength(50); // kekurangan.DOKTER is absent from the fake figures
    expect(api.calls).toHaveLength(3);
    await Promise.all(regions.map((r) => f.cakupan(r, "nakes")));
    expect(api.calls).toHaveLength(3);
  });

  it("answers #VALUE! for bad arguments without sending any request", async () => {
    const api = fakeApi(demoAnswer);
    const f = setUp(api);
    const bad: Promise<unknown>[] = [
      f.cakupan("Mukomuko", "nakes"),
      f.cakupan("", "nakes"),
      f.cakupan("1706", "bukan_indikator"),
      f.cakupan("1706", ""),
      f.cakupan("1706", "kekurangan", "ASTRONOT"),
      f.cakupan("1706", "nakes", null, "kemarin"),
      f.cakupan("1706", "nakes", null, "2026-02-30"),
      f.gap("1706", ""),
      f.gap("1706", "PILOT"),
      f.tabel("1706", "benua"),
      f.tabel("1706", "provinsi"),
    ];
    for (const p of bad) {
      const e = await excelError(p);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/\S{3}/);
    }
    expect(api.calls).toHaveLength(0);
  });

  it("answers #N/A with a message for an unknown region, an absent figure and a figure that cannot be computed", async () => {
    const f = setUp(fakeApi(demoAnswer));
    const unknown = await excelError(f.cakupan("9901", "nakes"));
    expect([unknown.code, unknown.message]).toEqual(["#N/A", "Wilayah 9901 tidak dikenal atau tidak punya fasyankes."]);
    expect((await excelError(f.tabel("9901"))).code).toBe("#N/A");
    expect((await excelError(f.cakupan("1706", "kekurangan", "DOKTER"))).message).toMatch(/tidak ada pada set standar aktif/);
    expect((await excelError(f.cakupan("1706", "kepadatan_10k"))).message).toMatch(/tidak dapat dihitung/);
  });

  it("turns API refusals into #N/A, and the API's own 400 message into #VALUE!", async () => {
    const status: Record<string, number> = { "1701": 401, "1702": 403, "1703": 404, "1704": 429, "1705": 500, "1706": 400 };
    const f = setUp(
      fakeApi((q) => {
        const s = status[q.get("region") ?? ""] ?? 200;
        return json({ error: { code: codeForStatus(s), message: `pesan ${s}`, request_id: "r" } }, s);
      }),
      { lang: "en" },
    );
    const errors = await Promise.all(Object.keys(status).map((r) => excelError(f.cakupan(r, "nakes"))));
    expect(errors.map((e) => e.code)).toEqual(["#N/A", "#N/A", "#N/A", "#N/A", "#N/A", "#VALUE!"]);
    expect(errors[0]!.message).toMatch(/refused the token/);
    expect(errors[1]!.message).toBe("pesan 403");
    expect(errors[2]!.message).toBe("Unknown region.");
    expect(errors[5]!.message).toBe("pesan 400");
  });

  it("answers #N/A, never a hang, when the API is unreachable or too slow", async () => {
    const down = setUp(fakeApi(() => Promise.reject(new TypeError("fetch failed"))));
    const offline = await excelError(down.cakupan("1706", "nakes"));
    expect([offline.code, offline.message]).toEqual(["#N/A", expect.stringMatching(/Tidak dapat menghubungi API/)]);

    const slow = setUp(fakeApi(demoAnswer, 5_000), { timeoutMs: 50 });
    const late = await excelError(slow.cakupan("1706", "nakes"));
    expect([late.code, late.message]).toEqual(["#N/A", expect.stringMatching(/tidak menjawab tepat waktu/)]);
  });

  it("asks for settings before sending anything when no token is saved", async () => {
    const api = fakeApi(demoAnswer);
    const f = setUp(api, { token: "" });
    expect((await excelError(f.cakupan("1706", "nakes"))).message).toMatch(/Pengaturan/);
    expect(api.calls).toHaveLength(0);
  });

  it("answers #N/A until the runtime is installed", async () => {
    const f = setUp(fakeApi(demoAnswer));
    runtime.install(null);
    await expect(f.cakupan("1706", "nakes")).rejects.toMatchObject({ kind: "notAvailable" });
  });
});
