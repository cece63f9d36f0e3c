import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { NATIONAL } from "../../../shared/coverage/units";
import { prepare } from "../../../worker/db/limits";
import { sweepAll } from "../../../worker/sweep";
import { json, roster, tokenFor } from "../support";
import { banten, bengkulu, bindProvinces, countIn, facilityTable, prepareProvinceDatabases, puskesmas17 } from "../provinces";

/**
 * A national token's Idempotency-Key with DB_17 (Bengkulu) and DB_36 (Banten) bound (SPEC §7 Access,
 * issue 15): the key has one home in DB that routes it, so a reuse behaves as with one database —
 * another body is 422 whatever province it names, a retry of a running upload is 409, and a key first
 * used with a body naming no province is not claimed afresh in a province database.
 */

const DB_17 = env.TEST_DB_17 as D1Database;
const DB_36 = env.TEST_DB_36 as D1Database;
const { bound, boundEnv, via } = bindProvinces(DB_17, DB_36);

const uploads = () => countIn({ DB: env.DB as D1Database, DB_17, DB_36 }, "SELECT COUNT(*) AS n FROM uploads");

let uploader: string;

beforeAll(async () => {
  await prepareProvinceDatabases(DB_17, DB_36);
  const admin = await tokenFor("admin", NATIONAL, "Kemenkes");
  uploader = await tokenFor("uploader", NATIONAL, "Kemenkes uploader");
  expect((await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(bengkulu) })).status).toBe(200);
  expect((await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(banten) })).status).toBe(200);
});

describe("a national token's Idempotency-Key with province databases bound", () => {
  it("answers 409 to a retry while the first upload still runs in DB_17, 422 to a Banten body, and stores nothing new", async () => {
    const key = crypto.randomUUID();
    const r17 = roster(6, { facilities: puskesmas17.slice(0, 2), seed: 1701 });
    const first = await via("POST", "/v1/rosters", { token: uploader, json: r17, headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(201);
    // The claim as it stands while the first attempt runs (its Worker alive, lease renewed): done rolled back.
    const lease = new Date(Date.now() + 60 * 60_000).toISOString();
    await DB_17.prepare("UPDATE idempotency_keys SET state = 'running', status = NULL, upload_id = NULL, lease_until = ?2 WHERE key = ?1").bind(key, lease).run();
    const before = await uploads();
    const retry = await via("POST", "/v1/rosters", { token: uploader, json: r17, headers: { "Idempotency-Key": key } });
    expect(retry.status).toBe(409);
    expect((await json(retry)).error.code).toBe("conflict");
    const other = await via("POST", "/v1/rosters", { token: uploader, json: roster(5, { facilities: banten.slice(0, 1), seed: 3601 }), headers: { "Idempotency-Key": key } });
    expect(other.status).toBe(422);
    expect((await json(other)).error.code).toBe("idempotency_key_reused");
    expect(await uploads()).toEqual(before);
  });

  it("refuses a province's roster under a key first used with a body naming no province, and replays that first refusal", async () => {
    const key = crypto.randomUUID();
    const nowhere = roster(3, { facilities: puskesmas17.slice(2, 3), seed: 1702 });
    const kode = nowhere.nakes.columns.indexOf("kode_fasyankes");
    for (const row of nowhere.nakes.rows) row[kode] = "TIDAK-ADA";
    const first = await via("POST", "/v1/rosters", { token: uploader, json: nowhere, headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(422);
    expect((await json(first)).error.code).toBe("validation_failed");
    const before = await uploads();
    for (const facilities of [puskesmas17.slice(2, 3), banten.slice(1, 2)]) {
      const res = await via("POST", "/v1/rosters", { token: uploader, json: roster(4, { facilities, seed: 1703 }), headers: { "Idempotency-Key": key } });
      expect(res.status).toBe(422);
      expect((await json(res)).error.code).toBe("idempotency_key_reused");
    }
    expect(await uploads()).toEqual(before);
    const again = await via("POST", "/v1/rosters", { token: uploader, json: nowhere, headers: { "Idempotency-Key": key } });
    expect(again.status).toBe(422);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
  });

  it("refuses committing a Banten staging under a key first used for a Bengkulu upload, and commits it under its own key", async () => {
    const key = crypto.randomUUID();
    const first = await via("POST", "/v1/rosters", { token: uploader, json: roster(4, { facilities: puskesmas17.slice(4, 5), seed: 1705 }), headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(201);
    const dry = await via("POST", "/v1/rosters/validate?stage=1", { token: uploader, json: roster(4, { facilities: banten.slice(3, 4), seed: 3605 }) });
    const staged = (await json(dry)).staged.id as string;
    const before = await uploads();
    const reused = await via("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: staged }, headers: { "Idempotency-Key": key } });
    expect(reused.status).toBe(422);
    expect((await json(reused)).error.code).toBe("idempotency_key_reused");
    expect(await uploads()).toEqual(before);
    const own = await via("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: staged }, headers: { "Idempotency-Key": crypto.randomUUID() } });
    expect(own.status).toBe(201);
  });

  it("forgets the key's route with the key: after 24 h and the scheduled job, the key is new in any province", async () => {
    const key = crypto.randomUUID();
    const first = await via("POST", "/v1/rosters", { token: uploader, json: roster(4, { facilities: puskesmas17.slice(3, 4), seed: 1704 }), headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(201);
    const routes = () => env.DB.prepare("SELECT COUNT(*) AS n FROM idempotency_routes WHERE key = ?1").bind(key).first<{ n: number }>();
    expect((await routes())?.n).toBe(1);
    await sweepAll(boundEnv, new Date(Date.now() + 25 * 60 * 60_000));
    expect((await routes())?.n).toBe(0);
    const later = await via("POST", "/v1/rosters", { token: uploader, json: roster(4, { facilities: banten.slice(2, 3), seed: 3604 }), headers: { "Idempotency-Key": key } });
    expect(later.status).toBe(201);
  });
});
