import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { registerFunctions } from "../../../addin/functions/register";
import { runtime } from "../../../addin/functions/runtime";
import type { ListResponse, PlacementResponse } from "../../../shared/api/tindak-lanjut";
import type { Lang } from "../../../shared/schema/issue";
import { plan, sipList } from "../tindak-lanjut/fixtures";
import { ExcelError, fakeCustomFunctions, json } from "./fakes";

type Fn = (...args: unknown[]) => Promise<unknown>;

interface Sent {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** A fetch answering the follow-up routes: `lists` by list name, the plan for any body; every request recorded. */
function followUpApi(answers: { list?: (list: string) => Response; plan?: () => Response } = {}) {
  const sent: Sent[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const gzip = new Headers(init?.headers).get("Content-Encoding") === "gzip";
    const raw = init?.body as string | Uint8Array | undefined;
    const text = raw === undefined ? undefined : typeof raw === "string" ? raw : gzip ? gunzipSync(raw).toString("utf8") : new TextDecoder().decode(raw);
    const body = text === undefined ? undefined : JSON.parse(text);
    sent.push({ method: init?.method ?? "GET", path: url.pathname, query: Object.fromEntries(url.searchParams), body });
    if (url.pathname === "/v1/tindak-lanjut") {
      const list = url.searchParams.get("list")!;
      return answers.list?.(list) ?? json(list === "sip" ? sipList : ({ list, as_of: "2026-11-01", rows: [] } as ListResponse));
    }
    if (url.pathname === "/v1/penempatan") return answers.plan?.() ?? json(plan satisfies PlacementResponse);
    return json({ error: { code: "not_found", message: "no route", request_id: "r" } }, 404);
  }) as typeof fetch;
  return { fetch: fetchFn, sent };
}

function setUp(api: ReturnType<typeof followUpApi>, lang: Lang = "id") {
  const cf = fakeCustomFunctions();
  const registered = registerFunctions({
    customFunctions: cf.api,
    lang: () => lang,
    settings: () => ({ apiUrl: "http://api.test", token: "nkr_uploader" }),
    fetch: api.fetch,
  });
  const fn = (id: string) => cf.associated.get(id) as unknown as Fn;
  return { tindakLanjut: fn("TINDAKLANJUT"), penempatan: fn("PENEMPATAN"), clearCache: registered.clearCache };
}

async function excelError(p: Promise<unknown>): Promise<ExcelError> {
  const outcome = await p.then(
    (v) => new Error(`expected an Excel error, got ${JSON.stringify(v)}`),
    (e: unknown) => e,
  );
  if (!(outcome instanceof ExcelError)) throw outcome;
  return outcome;
}

afterEach(() => runtime.install(null));

describe("NAKES.TINDAKLANJUT", () => {
  it("spills the list under a header row: text as text, dates as ISO dates, states as words", async () => {
    const api = followUpApi();
    const f = setUp(api);
    const spilled = (await f.tindakLanjut("1706", "sip", null)) as unknown[][];
    expect(spilled[0]).toEqual([
      "Kode fasyankes", "Nama fasyankes", "NIK", "Nama", "Jenis tenaga", "Tindakan", "Batas waktu", "No. SIP", "SIP berlaku s.d.", "Sisa hari", "Keadaan",
    ]);
    expect(spilled[1]).toEqual(["P1706010101", "Puskesmas Lubuk Pinang", "1706015203900002", "Rina", "BIDAN", "Perpanjang SIP", "2026-10-01", "SIP-98765", "2026-10-01", -31, "Sudah berakhir"]);
    expect(spilled).toHaveLength(4);
    expect(api.sent).toEqual([{ method: "GET", path: "/v1/tindak-lanjut", query: { list: "sip", region: "1706" }, body: undefined }]);
  });

  it("takes the list's name in any case, a region typed as a number and a date, and answers an empty list with its header only", async () => {
    const api = followUpApi();
    const f = setUp(api, "en");
    const spilled = (await f.tindakLanjut(1706, "PONED", "01/11/2026")) as unknown[][];
    expect(spilled).toEqual([["Facility code", "Facility name", "NIK", "Name", "Profession", "Action", "Deadline", "PONED team missing"]]);
    expect(api.sent[0]!.query).toEqual({ list: "poned", region: "1706", as_of: "2026-11-01" });
  });

  it("asks the API once for many cells with the same list, and again after a roster is stored", async () => {
    const api = followUpApi();
    const f = setUp(api);
    await Promise.all(Array.from({ length: 50 }, () => f.tindakLanjut("1706", "sip", null)));
    await f.tindakLanjut("1706", "sip", null);
    expect(api.sent).toHaveLength(1);
    f.clearCache();
    await f.tindakLanjut("1706", "sip", null);
    expect(api.sent).toHaveLength(2);
  });

  it("answers #VALUE! naming the lists for an unknown list, before any request", async () => {
    const api = followUpApi();
    const f = setUp(api);
    const e = await excelError(f.tindakLanjut("1706", "bpjs", null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('daftar "bpjs" tidak dikenal: sip, str, penugasan, poned atau pelatihan');
    expect((await excelError(f.tindakLanjut("17-06", "sip", null))).code).toBe("#VALUE!");
    expect(api.sent).toEqual([]);
  });

  it("answers an analyst token's refusal as #N/A in the API's own words, and tries again on the next recalculation", async () => {
    const refusal = "Daftar tindak lanjut memuat nama orang: perlu token uploader atau admin.";
    let refuse = true;
    const api = followUpApi({
      list: () => (refuse ? json({ error: { code: "forbidden", message: refusal, request_id: "r403" } }, 403) : json(sipList)),
    });
    const f = setUp(api);
    const e = await excelError(f.tindakLanjut("1706", "sip", null));
    expect([e.code, e.message]).toEqual(["#N/A", refusal]);
    refuse = false;
    expect(((await f.tindakLanjut("1706", "sip", null)) as unknown[][]).length).toBe(4);
  });
});

describe("NAKES.PENEMPATAN", () => {
  it("spills the plan in placement order, with the gap before and after", async () => {
    const api = followUpApi();
    const f = setUp(api);
    expect(await f.penempatan("1706", "dokter", 3, null)).toEqual([
      ["Urutan", "Kode fasyankes", "Nama fasyankes", "Kategori", "Tambahan (orang)", "Kekurangan sebelum", "Kekurangan sesudah", "Alasan"],
      [1, "P1706020101", "Puskesmas Ipuh", "TERPENCIL", 2, 2, 0, "tanpa dokter"],
      [2, "P1706010101", "Puskesmas Lubuk Pinang", "PEDESAAN", 1, 1, 0, "kurang 1 dokter dari standar"],
    ]);
    expect(api.sent).toEqual([{ method: "POST", path: "/v1/penempatan", query: {}, body: { region: "1706", jenis_tenaga: "DOKTER", jumlah: 3 } }]);
  });

  it("sends the region, the profession as the standard counts it and the number", async () => {
    const api = followUpApi();
    const f = setUp(api);
    await f.penempatan("1706", "apoteker", "10", "2026-11-01");
    // APOTEKER counts as KEFARMASIAN in the staffing standard (SPEC §4.3).
    expect(api.sent.map((r) => r.body)).toEqual([{ region: "1706", jenis_tenaga: "KEFARMASIAN", jumlah: 10, as_of: "2026-11-01" }]);
  });

  it("answers #VALUE! for a facility as the region, a missing or unknown profession and a number out of bounds, before any request", async () => {
    const api = followUpApi();
    const f = setUp(api);
    const cases: [unknown[], RegExp][] = [
      [["P1706010101", "DOKTER", 3], /bukan fasyankes/],
      [["1706", null, 3], /jenis_tenaga kosong/],
      [["1706", "DUKUN", 3], /jenis_tenaga "DUKUN" tidak dikenal/],
      [["1706", "DOKTER", 0], /jumlah "0" harus bilangan bulat 1 sampai 10.000/],
      [["1706", "DOKTER", 2.5], /jumlah "2.5"/],
      [["1706", "DOKTER", 10_001], /jumlah "10001"/],
    ];
    for (const [args, message] of cases) {
      const e = await excelError(f.penempatan(...args, null));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(message);
    }
    expect(api.sent).toEqual([]);
  });
});
