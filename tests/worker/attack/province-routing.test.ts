import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { NATIONAL } from "../../../shared/coverage/units";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import type { FasyankesRecord } from "../../../shared/schema/records";
import { prepare } from "../../../worker/db/limits";
import { sweepAll } from "../../../worker/sweep";
import { json, roster, tokenFor, type CallOptions } from "../support";
import { banten, bengkulu, bindProvinces, countIn, facilityTable, prepareProvinceDatabases, puskesmas17 } from "../provinces";

/**
 * Attack probes on the per-province database routing (SPEC §7 Access, issue 15 item 3): with DB_17
 * (Bengkulu) and DB_36 (Banten) bound, a caller scoped to Banten must learn nothing of Bengkulu's
 * people or facilities through the action lists, the plan, coverage or history, whatever code it
 * names; a master row whose code names one province and whose region another must not be stored; the
 * scheduled job must label index rows with their own province. Each test fails if the hole exists.
 */

const DB_17 = env.TEST_DB_17 as D1Database;
const DB_36 = env.TEST_DB_36 as D1Database;
const provinces = bindProvinces(DB_17, DB_36);
const { bound, boundEnv } = provinces;
const via = (method: string, path: string, o: CallOptions = {}) => provinces.via(method, path, o, { NOW } as CallOptions["vars"]);
const databases = { DB: env.DB as D1Database, DB_17, DB_36 };
const NOW = "2026-11-29T20:00:00Z";

const where = (sql: string, ...params: unknown[]) => countIn(databases, sql, ...params);

let admin: string;
let uploader: string;
let banten36Uploader: string;
let banten36Analyst: string;
/** NIKs and names of the Bengkulu roster stored below: none may reach a Banten caller. */
let secrets: string[];

beforeAll(async () => {
  await prepareProvinceDatabases(DB_17, DB_36);
  admin = await tokenFor("admin", NATIONAL, "Kemenkes");
  uploader = await tokenFor("uploader", NATIONAL, "Kemenkes uploader");
  banten36Uploader = await tokenFor("uploader", "36", "Dinkes Banten");
  banten36Analyst = await tokenFor("analyst", "36", "Analis Banten");
  expect((await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(bengkulu) })).status).toBe(200);
  expect((await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(banten) })).status).toBe(200);
  const r = roster(30, { facilities: puskesmas17.slice(0, 2), seed: 1799 });
  const res = await via("POST", "/v1/rosters", { token: uploader, json: r, headers: { "Idempotency-Key": "attack-17" } });
  expect(res.status).toBe(201);
  const nik = r.nakes.columns.indexOf("nik");
  const nama = r.nakes.columns.indexOf("nama");
  secrets = r.nakes.rows.flatMap((row) => [String(row[nik]), String(row[nama])]);
});

const leaks = (text: string) => secrets.filter((s) => text.includes(s));

describe("a Banten token naming a Bengkulu facility stored in DB_17", () => {
  it("is refused the action lists of that facility, and the answer names none of its people", async () => {
    const kode = puskesmas17[0]!.kode;
    for (const list of ["sip", "str", "pelatihan", "penugasan", "poned"]) {
      const res = await via("GET", `/v1/tindak-lanjut?list=${list}&region=${kode}`, { token: banten36Uploader });
      const text = await res.text();
      expect(res.status).toBe(403);
      expect(leaks(text)).toEqual([]);
    }
    // The same facility is read for a national token from DB_17: the refusal above is the scope, not an empty database.
    const national = await via("GET", `/v1/tindak-lanjut?list=pelatihan&region=${kode}`, { token: uploader });
    expect(national.status).toBe(200);
    expect(leaks(await national.text()).length).toBeGreaterThan(0);
  });

  it("is refused coverage of that facility and of its province", async () => {
    for (const region of [puskesmas17[0]!.kode, "17", "1706", puskesmas17[0]!.kecamatan!]) {
      const res = await via("GET", `/v1/coverage?region=${region}`, { token: banten36Analyst });
      expect(res.status).toBe(403);
    }
  });

  it("is refused the placement plan of a Bengkulu region", async () => {
    for (const region of ["17", "1706", puskesmas17[0]!.kecamatan!]) {
      const res = await via("POST", "/v1/penempatan", { token: banten36Analyst, json: { region, jenis_tenaga: "DOKTER", jumlah: 1 } });
      expect(res.status).toBe(403);
    }
  });

  it("finds no upload in the history of that facility, though its uploads lie in DB_17", async () => {
    const kode = puskesmas17[0]!.kode;
    const res = await via("GET", `/v1/uploads?kode_fasyankes=${kode}`, { token: banten36Uploader });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.uploads).toEqual([]);
    expect(leaks(JSON.stringify(body))).toEqual([]);
    const all = await json(await via("GET", `/v1/uploads?kode_fasyankes=${kode}`, { token: uploader }));
    expect(all.uploads.length).toBe(1);
    expect((await via("GET", `/v1/uploads/${all.uploads[0].id}`, { token: banten36Uploader })).status).toBe(404);
  });

  it("is refused the facility's current roster", async () => {
    const res = await via("GET", `/v1/rosters/${puskesmas17[0]!.kode}`, { token: banten36Uploader });
    expect(res.status).toBe(403);
    expect(leaks(await res.text())).toEqual([]);
  });
});

describe("text that starts with a province's two digits", () => {
  it("is refused as a region by the lists, coverage and the plan (400), never read as province 17", async () => {
    for (const region of ["170", "17abc", "17 ", "1706015X", "p1706010101"]) {
      const q = encodeURIComponent(region);
      expect((await via("GET", `/v1/tindak-lanjut?list=sip&region=${q}`, { token: uploader })).status).toBe(400);
      expect((await via("GET", `/v1/coverage?region=${q}`, { token: uploader })).status).toBe(400);
      expect((await via("POST", "/v1/penempatan", { token: uploader, json: { region, jenis_tenaga: "DOKTER", jumlah: 1 } })).status).toBe(400);
    }
  });
});

describe("a master row whose code names one province and whose region another", () => {
  it("is refused whole (422) and stored in no database", async () => {
    const row = { kode: "P1706019901", nama: "Puskesmas Salah Provinsi", jenis: "PUSKESMAS" as const, kode_wilayah: "3601", kecamatan: "360101", kategori: "PEDESAAN" as const, rawat_inap: false, poned: false, aktif: true };
    const res = await via("PUT", "/v1/facilities", { token: admin, json: facilityTable([row]) });
    expect(res.status).toBe(422);
    expect(await where("SELECT COUNT(*) AS n FROM fasyankes WHERE kode = ?1", row.kode)).toEqual({ DB: 0, DB_17: 0, DB_36: 0 });
  });

  it("of a hospital (7 digits) or clinic (K) is refused the same way", async () => {
    const rows = [
      { kode: "1706991", nama: "RS Salah Provinsi", jenis: "RUMAH_SAKIT" as const, kode_wilayah: "3601", kecamatan: null, kategori: "PEDESAAN" as const, rawat_inap: true, poned: false, aktif: true },
      { kode: "K1706991", nama: "Klinik Salah Provinsi", jenis: "KLINIK" as const, kode_wilayah: "3601", kecamatan: null, kategori: "PEDESAAN" as const, rawat_inap: false, poned: false, aktif: true },
    ];
    for (const row of rows) {
      const res = await via("PUT", "/v1/facilities", { token: admin, json: facilityTable([row as unknown as FasyankesRecord]) });
      expect(res.status).toBe(422);
      expect(await where("SELECT COUNT(*) AS n FROM fasyankes WHERE kode = ?1", row.kode)).toEqual({ DB: 0, DB_17: 0, DB_36: 0 });
    }
  });
});

describe("the scheduled job with two province databases", () => {
  it("labels every index row with the province its facility lies in, and writes no province's rows into another's database", async () => {
    await sweepAll(boundEnv, new Date(Date.now() + 10 * 60_000));
    const mislabelled = await env.DB.prepare("SELECT COUNT(*) AS n FROM identifier_index WHERE provinsi <> substr(kode_fasyankes, 2, 2)").first<{ n: number }>();
    expect(mislabelled?.n).toBe(0);
    expect(await where("SELECT COUNT(*) AS n FROM identifier_index WHERE provinsi = '17'")).toMatchObject({ DB_17: 0, DB_36: 0 });
    expect((await where("SELECT COUNT(*) AS n FROM identifier_index WHERE provinsi = '17'")).DB).toBeGreaterThan(0);
    expect(await where("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes LIKE 'P17%'")).toMatchObject({ DB: 0, DB_36: 0 });
  });
});

describe("a national token's Idempotency-Key with province databases bound", () => {
  it("refuses the same key with a body of another province (422, SPEC §8), as with one database, and stores nothing new", async () => {
    const key = "attack-same-key-two-provinces";
    const first = await via("POST", "/v1/rosters", { token: uploader, json: roster(5, { facilities: puskesmas17.slice(2, 3), seed: 1791 }), headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(201);
    const before = await where("SELECT COUNT(*) AS n FROM uploads");
    const other = await via("POST", "/v1/rosters", { token: uploader, json: roster(5, { facilities: banten.slice(0, 1), seed: 3691 }), headers: { "Idempotency-Key": key } });
    expect(other.status).toBe(422);
    expect(await where("SELECT COUNT(*) AS n FROM uploads")).toEqual(before);
  });
});

describe("a province's own staffing standard, kept in its database", () => {
  it("shapes the national coverage of that province's puskesmas as it shapes the province's own (national = 17 + 36)", async () => {
    const bengkuluAdmin = await tokenFor("admin", "17", "Admin Bengkulu");
    const standar = { columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows: PMK75_2014.rules.map((r) => [r.kategori, r.rawat_inap ? "Y" : "N", r.jenis, 50]) };
    const put = await via("PUT", "/v1/standards", { token: bengkuluAdmin, json: { set: "PMK75_2014", standar, aktif: true, berlaku_mulai: "2026-10-01" } });
    expect(put.status).toBe(200);
    const analyst = await tokenFor("analyst", NATIONAL, "Kemenkes analyst");
    const figures = async (q: string) => (await json(await via("GET", `/v1/coverage?as_of=2026-11-02${q}`, { token: analyst }))).figures as Record<string, number | null>;
    const [p17, p36, all] = await Promise.all([figures("&region=17"), figures("&region=36"), figures("")]);
    expect(p17["kekurangan.DOKTER"]).toBeGreaterThan(0);
    expect(all["kekurangan.DOKTER"]).toBe((p17["kekurangan.DOKTER"] ?? 0) + (p36["kekurangan.DOKTER"] ?? 0));
  });
});

describe("a Banten token's dry run naming Bengkulu facilities whose rosters lie in DB_17", () => {
  it("refuses the rows as outside its area, with no diff entry and none of the stored people", async () => {
    const res = await via("POST", "/v1/rosters/validate", { token: banten36Uploader, json: roster(6, { facilities: puskesmas17.slice(0, 2), seed: 3677 }) });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.ok).toBe(false);
    expect(body.diff).toEqual([]);
    expect(leaks(JSON.stringify(body))).toEqual([]);
  });
});
