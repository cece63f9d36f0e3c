/**
 * The NAKES custom functions against the real API: `wrangler dev` over a fresh local D1 holding the
 * demo roster of Kabupaten Mukomuko (samples/roster-mukomuko.json), uploaded today and read by an
 * analyst of province 17 (Bengkulu). A date reads the rosters current at the end of that day, so
 * "today" sees the upload and 2026-01-01 sees none. Every expected value is the API's own answer to the same
 * question; the requests the functions send are counted at their fetch.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runtime } from "../../addin/functions/runtime";
import type { CoverageResponse } from "../../shared/api/coverage";
import { mukomukoSample } from "../../fixtures/demo/samples";
import { excelError, excelFunctions, type Fn } from "../addin/functions/fakes";
import { freePort, startApi, type ApiServer } from "../support/api-server";

interface Functions {
  cakupan: Fn;
  gap: Fn;
  tabel: Fn;
  /** Query strings of the requests sent so far. */
  requests: URLSearchParams[];
}

let api: ApiServer | null = null;
/** Today in the API's terms (UTC), and as the Excel serial a date cell would pass. */
const TODAY = new Date().toISOString().slice(0, 10);
const TODAY_SERIAL = Math.round((Date.parse(TODAY) - Date.UTC(1899, 11, 30)) / 86_400_000);
let analyst = "";

/** The functions as Excel calls them, over a counted fetch, with the given settings. */
function functions(settings: { apiUrl: string; token: string }, timeoutMs = 30_000): Functions {
  const requests: URLSearchParams[] = [];
  const { fn } = excelFunctions({
    lang: () => "id",
    settings: () => settings,
    timeoutMs,
    fetch: (input, init) => {
      requests.push(new URL(String(input)).searchParams);
      return fetch(input, init);
    },
  });
  return { cakupan: fn("CAKUPAN"), gap: fn("GAP"), tabel: fn("TABEL"), requests };
}

async function coverage(query: string): Promise<CoverageResponse> {
  const res = await api!.request<CoverageResponse>(`/v1/coverage?${query}`, { token: analyst });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  api = await startApi();
  const upload = await api.request("/v1/rosters", { token: api.tokens.uploader, body: mukomukoSample(), headers: { "Idempotency-Key": crypto.randomUUID() } });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  analyst = await api.createToken("analyst", "17", "e2e analis fungsi");
});

afterAll(async () => {
  runtime.install(null);
  await api?.stop();
});

describe("NAKES functions on the real API", () => {
  test("return the API's own figures for the demo regency", async () => {
    const f = functions({ apiUrl: api!.url, token: analyst });
    const truth = (await coverage(`region=1706&as_of=${TODAY}`)).figures;
    const asked = await Promise.all([
      f.cakupan("1706", "nakes", null, TODAY),
      f.cakupan(1706, "puskesmas_tanpa_dokter", null, TODAY),
      f.cakupan("1706", "puskesmas_9_jenis_lengkap_pct", null, TODAY),
      f.cakupan("1706", "kekurangan", "BIDAN", TODAY),
      f.gap("1706", "BIDAN", TODAY),
      f.gap("1706", "SEMUA", TODAY_SERIAL),
    ]);
    expect(asked).toEqual([
      truth["nakes"],
      truth["puskesmas_tanpa_dokter"],
      truth["puskesmas_9_jenis_lengkap_pct"],
      truth["kekurangan.BIDAN"],
      truth["kekurangan.BIDAN"],
      truth["kekurangan"],
    ]);
    expect(truth["nakes"]).toBeGreaterThan(0);
    expect(f.requests).toHaveLength(1);
    expect(f.requests[0]!.get("as_of")).toBe(TODAY);
  });

  test("spill the API's coverage table with its column labels", async () => {
    const f = functions({ apiUrl: api!.url, token: analyst });
    const table = (await coverage(`region=1706&level=kecamatan`)).tables.wilayah;
    const spilled = (await f.tabel("1706", "kecamatan")) as unknown[][];
    expect(spilled[0]).toEqual(table.columns.map((c) => c.label.id));
    expect(spilled.slice(1)).toEqual(table.rows.map((r) => r.map((v) => v ?? "")));
    expect(spilled.length).toBeGreaterThan(2);
  });

  test("send one request per region for 200 cells, and none when recalculated", async () => {
    const f = functions({ apiUrl: api!.url, token: analyst });
    const regions = ["17", "1706", "170601"];
    const indicators = ["nakes", "puskesmas", "kekurangan", "puskesmas_tanpa_dokter", "tenaga"];
    const cells = () =>
      Promise.all(Array.from({ length: 200 }, (_, i) => (i % 5 === 4 ? f.gap(regions[i % 3], "DOKTER") : f.cakupan(regions[i % 3], indicators[i % 5]))));
    const first = await cells();
    expect(f.requests.length).toBe(3);
    expect(new Set(f.requests.map((q) => q.get("region")))).toEqual(new Set(regions));
    expect(await cells()).toEqual(first);
    expect(f.requests.length).toBe(3);
    expect(first[1]).toBe((await coverage("region=1706")).figures["puskesmas"]);
  });

  test("count nothing before the first upload: zero, not an error", async () => {
    const f = functions({ apiUrl: api!.url, token: analyst });
    expect(await f.cakupan("1706", "nakes", null, "2026-01-01")).toBe(0);
  });

  test("answer #VALUE! for bad arguments before any request", async () => {
    const f = functions({ apiUrl: api!.url, token: analyst });
    const errors = await Promise.all([
      excelError(f.cakupan("Mukomuko", "nakes")),
      excelError(f.cakupan("1706", "jumlah_pasien")),
      excelError(f.cakupan("1706", "nakes", null, "31/02/2026")),
      excelError(f.gap("1706", "PILOT")),
      excelError(f.tabel("1706", "provinsi")),
    ]);
    expect(errors.map((e) => e.code)).toEqual(Array(5).fill("#VALUE!"));
    expect(f.requests).toHaveLength(0);
  });

  test("answer #N/A with a reason for an unknown region, a region outside the scope, a refused token and a dead API", async () => {
    const f = functions({ apiUrl: api!.url, token: analyst });
    const unknown = await excelError(f.cakupan("1799", "nakes"));
    expect([unknown.code, unknown.message]).toEqual(["#N/A", "Wilayah 1799 tidak dikenal atau tidak punya fasyankes."]);
    const outside = await excelError(f.tabel("36"));
    expect([outside.code, outside.message]).toEqual(["#N/A", expect.stringMatching(/36.*\(17\)/)]);

    const refused = await excelError(functions({ apiUrl: api!.url, token: "nkr_bukan_token" }).cakupan("1706", "nakes"));
    expect([refused.code, refused.message]).toEqual(["#N/A", expect.stringMatching(/Token ditolak/)]);

    const nobody = `http://127.0.0.1:${await freePort()}`;
    const dead = await excelError(functions({ apiUrl: nobody, token: analyst }, 5_000).cakupan("1706", "nakes"));
    expect([dead.code, dead.message]).toEqual(["#N/A", expect.stringMatching(/Tidak dapat menghubungi API|tidak menjawab/)]);
  });
});
