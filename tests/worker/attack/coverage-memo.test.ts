import { env } from "cloudflare:test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import type { ValidateResponse } from "../../../shared/api/rosters";
import { mukomukoFacilities } from "../../../fixtures/demo";
import type { Bindings } from "../../../worker/env";
import { sweepAll } from "../../../worker/sweep";
import { call, json, roster, seedDemo, tokenFor } from "../support";
import { heldAfterWrite } from "./memo-probe";

/**
 * Attack on the coverage memo (issue 15, migration 0105, worker/coverage/read.ts): a coverage answer
 * through the API must be the same whether the database remembered the question or not. Each test
 * asks a spread of questions (levels, regions, dates past/today/tomorrow, jenis_tenaga) so that every
 * one of them is remembered, makes one kind of write through the API, then compares the answers given
 * (a) right after the write, (b) once more (certainly from the memo) and (c) after
 * `DELETE FROM coverage_memo`: the truth.
 */

let admin: string;
let uploader: string;
let national: string;

/** Today and tomorrow in WIB (SPEC §4.5: Bengkulu's zone), as the Worker resolves a missing as_of. */
const wibDay = (offsetDays: number) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const TODAY = wibDay(0);
const TOMORROW = wibDay(1);
const FAC = mukomukoFacilities[0]!.kode;

/** The questions every test holds memo and truth to. */
const QUESTIONS = [
  "",
  "level=national",
  "level=regency&region=17",
  "region=1706",
  "region=1706&level=facility",
  "region=170601&level=facility",
  `region=${FAC}`,
  "region=1706&as_of=2026-10-15",
  "region=1706&as_of=2026-11-01",
  "region=1706&level=facility&as_of=2026-11-05",
  `region=1706&as_of=${TODAY}`,
  `region=1706&as_of=${TOMORROW}`,
  "region=1706&jenis_tenaga=PERAWAT",
  "region=1706&jenis_tenaga=KEFARMASIAN",
  "region=17&level=kecamatan&as_of=2026-11-20",
];

async function ask(token: string, query: string): Promise<CoverageResponse> {
  const res = await call("GET", `/v1/coverage?${query}`, { token });
  if (res.status !== 200) throw new Error(`coverage ${query} answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
  return json<CoverageResponse>(res);
}

/** Every question, asked by a national analyst (a token of its own each time: 600 requests a minute per token). */
async function answers(): Promise<Record<string, CoverageResponse>> {
  const out: Record<string, CoverageResponse> = {};
  const token = await tokenFor("analyst", "ID", "memo attack national analyst");
  for (const q of QUESTIONS) out[q] = await ask(token, q);
  return out;
}

const memoCount = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM coverage_memo").first<{ n: number }>())!.n;
const forget = () => env.DB.prepare("DELETE FROM coverage_memo").run();

const heldAfter = (write: () => Promise<void>) => heldAfterWrite({ questions: QUESTIONS, answers, remembered: async () => [await memoCount()], forget }, write);

const upload = async (body: unknown, token = uploader) => {
  const res = await call("POST", "/v1/rosters", { token, json: body });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
};

const stage = async (body: unknown): Promise<ValidateResponse> => {
  const res = await call("POST", "/v1/rosters/validate?stage=1", { token: uploader, json: body });
  if (res.status !== 200) throw new Error(`dry run answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
  const v = await json<ValidateResponse>(res);
  if (!v.staged) throw new Error(`dry run did not stage: ${JSON.stringify(v.counts)}`);
  return v;
};

const facilityColumns = ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"];
const yn = (b: boolean) => (b ? "Y" : "N");
const facilityRow = (f: (typeof mukomukoFacilities)[number], change: Partial<Record<"nama" | "kategori" | "aktif" | "rawat_inap", unknown>> = {}) => [
  f.kode,
  change.nama ?? f.nama,
  f.jenis,
  f.kode_wilayah,
  f.kecamatan,
  change.kategori ?? f.kategori,
  change.rawat_inap ?? yn(f.rawat_inap),
  yn(f.poned),
  change.aktif ?? yn(f.aktif),
];

const put = async (path: string, body: unknown) => {
  const res = await call("PUT", path, { token: admin, json: body });
  if (res.status !== 200) throw new Error(`PUT ${path} answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
};

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
  uploader = await tokenFor("uploader", "17");
  national = await tokenFor("analyst", "ID", "memo attack national analyst");
  await upload({ ...roster(80, { seed: 901 }), as_of: "2026-11-01" });
}, 120_000);

beforeEach(async () => {
  national = await tokenFor("analyst", "ID", "memo attack national analyst");
});

describe("coverage memo under every write path of the API", () => {
  it("answers alike with and without the memo after an upload for today", async () => {
    await heldAfter(() => upload({ ...roster(70, { seed: 902 }), as_of: TODAY }));
  });

  it("answers alike with and without the memo after a back-dated upload that becomes history", async () => {
    await heldAfter(() => upload({ ...roster(50, { seed: 903, facilities: mukomukoFacilities.slice(0, 3) }), as_of: "2026-10-20" }));
  });

  it("answers alike with and without the memo after a late upload dated between two rosters", async () => {
    await heldAfter(() => upload({ ...roster(40, { seed: 904, facilities: mukomukoFacilities.slice(1, 4) }), as_of: "2026-11-05" }));
  });

  it("answers alike with and without the memo after a dry run that stages and after its commit", async () => {
    let staged: ValidateResponse | undefined;
    await heldAfter(async () => {
      staged = await stage({ ...roster(30, { seed: 905, facilities: mukomukoFacilities.slice(0, 2) }), as_of: TODAY });
    });
    await heldAfter(async () => {
      const res = await call("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: staged!.staged!.id }, headers: { "If-Match": staged!.base } });
      expect(res.status).toBe(201);
    });
  });

  it("answers alike with and without the memo after the scheduled job sweeps an expired staging and answers ahead", async () => {
    await stage({ ...roster(30, { seed: 906, facilities: mukomukoFacilities.slice(2, 4) }), as_of: TODAY });
    await heldAfter(async () => {
      const report = await sweepAll(env as unknown as Bindings, new Date(Date.now() + 25 * 3600_000));
      expect(report.uploads).toBeGreaterThan(0);
    });
  });

  it("answers alike with and without the memo after facility attributes change from a past date", async () => {
    const f = mukomukoFacilities.find((x) => x.jenis === "PUSKESMAS")!;
    await heldAfter(() =>
      put("/v1/facilities", { fasyankes: { columns: facilityColumns, rows: [facilityRow(f, { kategori: "TERPENCIL", nama: `${f.nama} (ganti)` })] }, berlaku_mulai: "2026-10-25" }),
    );
  });

  it("answers alike with and without the memo after a facility is closed from tomorrow", async () => {
    const f = mukomukoFacilities[1]!;
    await heldAfter(() => put("/v1/facilities", { fasyankes: { columns: facilityColumns, rows: [facilityRow(f, { aktif: "N" })] }, berlaku_mulai: TOMORROW }));
  });

  it("answers alike with and without the memo after population changes, past and tomorrow", async () => {
    const pop = (n: number) => ({ penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["1706", 2026, n], ["170601", 2026, Math.floor(n / 10)]] } });
    await heldAfter(() => put("/v1/population", { ...pop(190_000), berlaku_mulai: "2026-10-01" }));
    await heldAfter(() => put("/v1/population", { ...pop(210_000), berlaku_mulai: TOMORROW }));
  });

  it("answers alike with and without the memo after a province's own standard set is activated, past and tomorrow", async () => {
    const set = (jenis: string, minimum: number) => ({ columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows: [["PEDESAAN", "N", jenis, minimum], ["PEDESAAN", "Y", jenis, minimum]] });
    await heldAfter(() => put("/v1/standards", { set: "MEMO_A", standar: set("DOKTER", 3), aktif: true, berlaku_mulai: "2026-10-10" }));
    // A set that names other jenis reshapes the standard statements.
    await heldAfter(() => put("/v1/standards", { set: "MEMO_B", standar: set("BIDAN", 4), aktif: true, berlaku_mulai: TOMORROW }));
  });

  it("answers a scoped analyst only within its scope, whatever a national analyst made the database remember", async () => {
    await answers();
    const kec = await tokenFor("analyst", "170601", "memo attack kecamatan analyst");
    for (const q of ["", "level=national", "region=1706", "region=17&level=kecamatan&as_of=2026-11-20", "region=1706&level=facility"]) {
      const res = await call("GET", `/v1/coverage?${q}`, { token: kec });
      if (q === "") {
        expect(res.status).toBe(200);
        const body = await json<CoverageResponse>(res);
        await forget();
        expect(body).toEqual(await ask(kec, ""));
      } else expect([400, 403], q).toContain(res.status);
    }
    // A revoked token reads nothing, remembered or not.
    const list = await json<{ tokens: { id: string; name: string }[] }>(await call("GET", "/v1/tokens", { token: await tokenFor("admin", "ID") }));
    const mine = list.tokens.find((t) => t.name === "memo attack kecamatan analyst");
    expect(mine, "the kecamatan analyst's token is listed").toBeDefined();
    expect((await call("DELETE", `/v1/tokens/${mine!.id}`, { token: await tokenFor("admin", "ID") })).status).toBeLessThan(300);
    expect((await call("GET", "/v1/coverage", { token: kec })).status).toBe(401);
  });

  it("answers alike with and without the memo when questions race an upload", async () => {
    await answers();
    const racing = Promise.all([
      upload({ ...roster(60, { seed: 907 }), as_of: TODAY }),
      ...QUESTIONS.map((q) => ask(national, q)),
      ...QUESTIONS.map((q) => ask(national, q)),
    ]);
    await racing;
    const after = await answers();
    await forget();
    const truth = await answers();
    for (const q of QUESTIONS) expect(after[q], q).toEqual(truth[q]);
  });

  it("keeps the jenis_tenaga filter out of the memo: one filter's answer never answers another", async () => {
    await forget();
    const perawat = await ask(national, "region=1706&jenis_tenaga=PERAWAT");
    const dokter = await ask(national, "region=1706&jenis_tenaga=DOKTER");
    const all = await ask(national, "region=1706");
    await forget();
    expect(await ask(national, "region=1706&jenis_tenaga=DOKTER")).toEqual(dokter);
    await forget();
    expect(await ask(national, "region=1706")).toEqual(all);
    await forget();
    expect(await ask(national, "region=1706&jenis_tenaga=PERAWAT")).toEqual(perawat);
    expect(dokter).not.toEqual(perawat);
  });

  it("answers a question without as_of by the Worker's own today (its NOW var), never a memo of another day", async () => {
    const days = ["2026-11-01T03:00:00Z", "2026-11-03T03:00:00Z", "2026-11-06T03:00:00Z", "2026-11-01T03:00:00Z"];
    const at = async (now: string) => {
      const token = await tokenFor("analyst", "ID", "memo attack clock analyst");
      const res = await call("GET", "/v1/coverage?region=1706", { token, vars: { NOW: now } });
      expect(res.status).toBe(200);
      return json<CoverageResponse>(res);
    };
    const remembered = [];
    for (const d of days) remembered.push(await at(d));
    for (const [i, d] of days.entries()) {
      await forget();
      expect(remembered[i], d).toEqual(await at(d));
    }
    expect(remembered[0]!.query.as_of).toBe("2026-11-01");
    expect(remembered[2]!.query.as_of).toBe("2026-11-06");
  });
});
