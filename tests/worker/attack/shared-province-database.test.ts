import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { NATIONAL } from "../../../shared/coverage/units";
import { prepare } from "../../../worker/db/limits";
import { sweepAll } from "../../../worker/sweep";
import { json, roster, tokenFor } from "../support";
import { banten, bengkulu, bindProvinces, facilityTable, prepareProvinceDatabases, puskesmas17 } from "../provinces";

/**
 * Attack probes on one database serving two provinces (db/region.ts oneProvincePerDatabase: a
 * database may hold several provinces): DB_17 and DB_36 bound to the same D1. Each province's caller
 * still sees only its own uploads, and the national index labels each row with its facility's
 * province after the scheduled job. Each test fails if the hole exists.
 */

const SHARED = env.TEST_DB_17 as D1Database;
const { bound, boundEnv, via } = bindProvinces(SHARED, SHARED);

let uploader: string;
let banten36: string;
let bengkulu17: string;
let up17: string;
let up36: string;
let secrets17: string[];

beforeAll(async () => {
  await prepareProvinceDatabases(SHARED);
  const admin = await tokenFor("admin", NATIONAL, "Kemenkes");
  uploader = await tokenFor("uploader", NATIONAL, "Kemenkes uploader");
  banten36 = await tokenFor("uploader", "36", "Dinkes Banten");
  bengkulu17 = await tokenFor("uploader", "17", "Dinkes Bengkulu");
  expect((await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(bengkulu) })).status).toBe(200);
  expect((await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(banten) })).status).toBe(200);
  const r17 = roster(20, { facilities: puskesmas17.slice(0, 2), seed: 1781 });
  const a = await via("POST", "/v1/rosters", { token: uploader, json: r17, headers: { "Idempotency-Key": "shared-17" } });
  const b = await via("POST", "/v1/rosters", { token: uploader, json: roster(10, { facilities: banten.slice(0, 1), seed: 3681 }), headers: { "Idempotency-Key": "shared-36" } });
  expect([a.status, b.status]).toEqual([201, 201]);
  up17 = (await json(a)).upload_id;
  up36 = (await json(b)).upload_id;
  const nik = r17.nakes.columns.indexOf("nik");
  const nama = r17.nakes.columns.indexOf("nama");
  secrets17 = r17.nakes.rows.flatMap((row) => [String(row[nik]), String(row[nama])]);
});

describe("two provinces sharing one database", () => {
  it("shows each province's token its own uploads only, and another province's upload as unknown", async () => {
    const ids = async (token: string) => (await json(await via("GET", "/v1/uploads", { token }))).uploads.map((u: { id: string }) => u.id);
    expect(await ids(banten36)).toEqual([up36]);
    expect(await ids(bengkulu17)).toEqual([up17]);
    const other = await via("GET", `/v1/uploads/${up17}`, { token: banten36 });
    expect(other.status).toBe(404);
    const text = await other.text();
    expect(secrets17.filter((s) => text.includes(s))).toEqual([]);
  });

  it("refuses a Banten token the Bengkulu action lists of the shared database, naming none of its people", async () => {
    const res = await via("GET", "/v1/tindak-lanjut?list=pelatihan", { token: banten36 });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(secrets17.filter((s) => text.includes(s))).toEqual([]);
    expect(text).not.toMatch(/P17\\d{9}/);
  });

  it("leaves every index row labelled with its own facility's province after the scheduled job", async () => {
    await sweepAll(boundEnv, new Date(Date.now() + 10 * 60_000));
    const rows = (await env.DB.prepare("SELECT DISTINCT kode_fasyankes, provinsi FROM identifier_index").all<{ kode_fasyankes: string; provinsi: string }>()).results;
    expect(rows.length).toBeGreaterThan(0);
    // Right after each commit the index holds the upload's province; the job must not relabel it.
    const mislabelled = rows.filter((r) => r.provinsi !== r.kode_fasyankes.slice(1, 3)).map((r) => `${r.kode_fasyankes}:${r.provinsi}`);
    expect(mislabelled).toEqual([]);
  });
});
