import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { ValidateResponse } from "../../../shared/api/rosters";
import { demoFacilities } from "../../../fixtures/demo";
import { NATIONAL } from "../../../shared/coverage/units";
import type { RosterRequest } from "../../../shared/schema/roster";
import { prepare } from "../../../worker/db/limits";
import { SEED_TIME } from "../../../fixtures/seed/data";
import { upsertFacilitiesSql } from "../../../worker/store/facilities";
import { call, count, json, roster, seedDemo, tokenFor } from "../support";

/**
 * SPEC §5, §7: one upload is one province (one database per province), so known facilities of two
 * provinces in one upload are an error — a dry run answers 200 with ok: false, an upload 422 with
 * nothing stored — while codes not in the master stay kode_fasyankes.unknown.
 */
let national: string;

beforeAll(async () => {
  await seedDemo();
  national = await tokenFor("uploader", NATIONAL);
});

const bengkulu = demoFacilities.filter((f) => f.kode === "P1706010101" || f.kode === "P1706020101");
const banten = demoFacilities.filter((f) => f.kode === "P3601010101");

/** Rows of Bengkulu's facilities, then Banten's: the same generator, so every row is otherwise valid. */
function twoProvinces(): RosterRequest {
  const a = roster(20, { facilities: bengkulu, seed: 171, pelatihan: false });
  const b = roster(6, { facilities: banten, seed: 172, pelatihan: false });
  return { as_of: a.as_of, nakes: { columns: a.nakes.columns, rows: [...a.nakes.rows, ...b.nakes.rows] } };
}

describe("an upload naming known facilities of two provinces", () => {
  it("gets upload.multi_province in a dry run (200, ok false) at the first row of the smaller province", async () => {
    const res = await call("POST", "/v1/rosters/validate", { token: national, json: twoProvinces() });
    expect(res.status).toBe(200);
    const body = await json<ValidateResponse>(res);
    expect(body.ok).toBe(false);
    const spread = body.issues.filter((i) => i.code === "upload.multi_province");
    expect(spread).toHaveLength(1);
    expect(spread[0]).toMatchObject({ severity: "error", table: "nakes", row: 20, column: "kode_fasyankes", value: "P3601010101", related: [{ row: 0 }] });
    expect(spread[0]!.message).toContain("17 Bengkulu");
    expect(spread[0]!.message).toContain("36 Banten");
    expect(body.counts.error).toBe(body.issues.filter((i) => i.severity === "error").length);
  });

  it("says so in English with Accept-Language: en", async () => {
    const res = await call("POST", "/v1/rosters/validate", { token: national, json: twoProvinces(), headers: { "Accept-Language": "en" } });
    const issue = (await json<ValidateResponse>(res)).issues.find((i) => i.code === "upload.multi_province");
    expect(issue?.message).toMatch(/^This upload holds facilities of 2 provinces/);
  });

  it("refuses the upload 422 and stores nothing", async () => {
    const before = await count("SELECT COUNT(*) AS n FROM uploads");
    const res = await call("POST", "/v1/rosters", { token: national, json: twoProvinces() });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.issues.map((i: { code: string }) => i.code)).toContain("upload.multi_province");
    expect(await count("SELECT COUNT(*) AS n FROM uploads")).toBe(before);
    expect(await count("SELECT COUNT(*) AS n FROM roster_current WHERE kode_fasyankes = 'P3601010101'")).toBe(0);
  });

  it("leaves a code not in the master to kode_fasyankes.unknown, whatever province its digits name", async () => {
    const r = roster(10, { facilities: bengkulu, seed: 173, pelatihan: false });
    const col = r.nakes.columns.indexOf("kode_fasyankes");
    r.nakes.rows[3]![col] = "P3699990101";
    const body = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: national, json: r }));
    const codes = body.issues.map((i) => i.code);
    expect(codes).toContain("kode_fasyankes.unknown");
    expect(codes).not.toContain("upload.multi_province");
  });

  it("gives the same answers with a database bound for each of the two provinces", async () => {
    // The rule does not depend on the bindings (SPEC §7: behaviour does not change when a province
    // gets its own database): each province database is migrated and holds its province's master.
    await applyD1Migrations(env.TEST_DB_17, env.TEST_MIGRATIONS);
    await applyD1Migrations(env.TEST_DB_36, env.TEST_MIGRATIONS);
    for (const [db, province] of [[env.TEST_DB_17, "17"], [env.TEST_DB_36, "36"]] as const) {
      const master = demoFacilities.filter((f) => f.kode_wilayah.startsWith(province)).map(({ row: _row, ...f }) => f);
      await db.batch(upsertFacilitiesSql(master, null, SEED_TIME).map((s) => prepare(db, s)));
    }
    const vars = { DB_17: env.TEST_DB_17, DB_36: env.TEST_DB_36 } as unknown as Record<string, string>;
    const dry = await call("POST", "/v1/rosters/validate", { token: national, json: twoProvinces(), vars });
    expect(dry.status).toBe(200);
    expect((await json<ValidateResponse>(dry)).issues.filter((i) => i.code === "upload.multi_province")).toHaveLength(1);
    const up = await call("POST", "/v1/rosters", { token: national, json: twoProvinces(), vars });
    expect(up.status).toBe(422);
    expect((await json(up)).error.issues.map((i: { code: string }) => i.code)).toContain("upload.multi_province");
  });

  it("accepts one province's facilities in one upload", async () => {
    const body = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: national, json: roster(10, { facilities: bengkulu, seed: 174 }) }));
    expect(body.issues.map((i) => i.code)).not.toContain("upload.multi_province");
  });
});
