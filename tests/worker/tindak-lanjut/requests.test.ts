import { beforeAll, describe, expect, it } from "vitest";
import { listKindSchema } from "../../../shared/api/tindak-lanjut";
import { jenisStandarSchema } from "../../../shared/reference/codes";
import { seedRegions } from "../coverage/api";
import { call, json, tokenFor } from "../support";

/**
 * What the action lists, the placement plan and coverage answer to a request they cannot serve (the
 * newcomer's report on issue 16): a date not yet come, a region wider than the token's scope, a
 * malformed parameter. Each is refused as the uploads refuse it, in the request's language.
 */
const NOW = "2026-11-29T20:00:00Z"; // 30 November in WIB (Bengkulu, UTC+7)
let uploader: string;
let facilityUploader: string;
let analyst: string;
let national: string;

beforeAll(async () => {
  await seedRegions();
  uploader = await tokenFor("uploader", "1706");
  facilityUploader = await tokenFor("uploader", "P1706010102");
  analyst = await tokenFor("analyst", "1706");
  national = await tokenFor("admin", "ID");
});

const lists = (token: string, query: string, headers: Record<string, string> = {}) =>
  call("GET", `/v1/tindak-lanjut?${query}`, { token, headers, vars: { NOW } });
const plan = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  call("POST", "/v1/penempatan", { token, json: body, headers, vars: { NOW } });
const coverage = (token: string, query: string) => call("GET", `/v1/coverage?${query}`, { token, vars: { NOW } });

async function refusal(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  return (await json(res)).error.message as string;
}

/** zod's own English, which no answer of the API may show. */
const ZOD_ENGLISH = /Invalid option|Invalid input|must match pattern|Invalid ISO date|Too small|Too big|expected (string|number)/;

describe("a date after tomorrow in the region's zone", () => {
  it("is refused by the lists, the plan and coverage with the uploads' message", async () => {
    const asList = await refusal(await lists(uploader, "list=sip&region=1706&as_of=2027-01-01"), 400);
    expect(asList).toBe("as_of 2027-01-01 lebih dari satu hari setelah hari ini (2026-11-30); data hanya untuk tanggal yang sudah terjadi (paling lambat 2026-12-01).");
    expect(await refusal(await plan(analyst, { region: "1706", jenis_tenaga: "DOKTER", jumlah: 1, as_of: "2027-06-01" }), 400)).toContain("as_of 2027-06-01 lebih dari satu hari");
    expect(await refusal(await coverage(analyst, "region=1706&as_of=2027-01-01"), 400)).toBe(asList);
  });

  it("is refused the day after tomorrow but tomorrow is answered (the day of grace)", async () => {
    expect((await lists(uploader, "list=sip&region=1706&as_of=2026-12-02")).status).toBe(400);
    expect((await lists(uploader, "list=sip&region=1706&as_of=2026-12-01")).status).toBe(200);
    expect((await plan(analyst, { region: "1706", jenis_tenaga: "DOKTER", jumlah: 1, as_of: "2026-12-01" })).status).toBe(200);
    expect((await coverage(analyst, "region=1706&as_of=2026-12-01")).status).toBe(200);
  });

  it("is refused in English with Accept-Language: en", async () => {
    const message = await refusal(await lists(uploader, "list=sip&region=1706&as_of=2027-01-01", { "Accept-Language": "en" }), 400);
    expect(message).toContain("is more than one day after today (2026-11-30)");
  });
});

describe("a region wider than the token's scope", () => {
  it("is refused by the lists with the 403 coverage gives", async () => {
    const onLists = await refusal(await lists(uploader, "list=sip&region=17"), 403);
    const analyst1706 = await tokenFor("analyst", "1706");
    expect(onLists).toBe(await refusal(await coverage(analyst1706, "region=17"), 403));
    expect(onLists).toContain("17");
  });

  it("is refused to a facility-scoped uploader asking for its regency, which still sees its facility", async () => {
    await refusal(await lists(facilityUploader, "list=sip&region=1706"), 403);
    await refusal(await lists(facilityUploader, "list=sip&region=170601"), 403);
    expect((await lists(facilityUploader, "list=sip&region=P1706010102")).status).toBe(200);
    expect((await lists(facilityUploader, "list=sip")).status).toBe(200);
  });
});

describe("a malformed parameter", () => {
  it("refuses a string that is no region or facility code with coverage's region message", async () => {
    const wording = await refusal(await coverage(national, "region=ABC"), 400);
    for (const region of ["ABC", "170", "Mukomuko", "", "p1706010102"]) {
      const message = await refusal(await lists(national, `list=sip&region=${region}`), 400);
      expect(message, region).toContain("region harus kode wilayah (2, 4 atau 6 digit) atau kode fasyankes");
      expect(message, region).not.toMatch(ZOD_ENGLISH);
    }
    expect(wording).toContain("region harus kode wilayah (2, 4 atau 6 digit) atau kode fasyankes");
    expect((await lists(uploader, "list=sip&region=170")).status).toBe(400);
  });

  it("names the five lists when the list is unknown, in Indonesian then in English", async () => {
    const id = await refusal(await lists(uploader, "list=semua"), 400);
    const en = await refusal(await lists(uploader, "list=semua", { "Accept-Language": "en" }), 400);
    for (const kind of listKindSchema.options) {
      expect(id).toContain(kind);
      expect(en).toContain(kind);
    }
    expect(id).toMatch(/^Parameter permintaan .*harus salah satu dari/);
    expect(en).toMatch(/^The query .*must be one of/);
    expect(id).not.toMatch(ZOD_ENGLISH);
    expect(en).not.toMatch(ZOD_ENGLISH);
  });

  it("says what a date looks like when as_of is no ISO date", async () => {
    for (const asOf of ["2026-13-01", "20/11/2026"]) {
      const message = await refusal(await lists(uploader, `list=sip&as_of=${asOf}`), 400);
      expect(message).toContain("yyyy-mm-dd");
      expect(message).not.toMatch(ZOD_ENGLISH);
    }
    const message = await refusal(await plan(analyst, { region: "1706", jenis_tenaga: "DOKTER", jumlah: 1, as_of: "20/11/2026" }), 400);
    expect(message).toContain("yyyy-mm-dd");
  });

  it("names the valid professions for an unknown jenis_tenaga, and asks a whole number of at least 1 for jumlah", async () => {
    const jenis = await refusal(await plan(analyst, { region: "1706", jenis_tenaga: "DUKUN", jumlah: 1 }), 400);
    expect(jenis).toContain("jenis_tenaga");
    for (const code of ["DOKTER", "BIDAN", "KEFARMASIAN"]) expect(jenis).toContain(code);
    expect(jenisStandarSchema.safeParse("KEFARMASIAN").success).toBe(true);
    expect(jenis).not.toMatch(ZOD_ENGLISH);
    for (const jumlah of [0, 1.5, "2"]) {
      const id = await refusal(await plan(analyst, { region: "1706", jenis_tenaga: "DOKTER", jumlah }), 400);
      expect(id, String(jumlah)).toContain("jumlah: harus bilangan bulat ≥ 1");
      expect(id).not.toMatch(ZOD_ENGLISH);
    }
    const en = await refusal(await plan(analyst, { region: "1706", jenis_tenaga: "DOKTER", jumlah: 0 }, { "Accept-Language": "en" }), 400);
    expect(en).toContain("jumlah: must be a whole number ≥ 1");
  });

  it("refuses a malformed region in the plan with the region message", async () => {
    const message = await refusal(await plan(analyst, { region: "Mukomuko", jenis_tenaga: "DOKTER", jumlah: 1 }), 400);
    expect(message).toContain("region harus kode wilayah");
    expect(message).not.toMatch(ZOD_ENGLISH);
  });
});
