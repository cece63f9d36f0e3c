import { beforeAll, describe, expect, it } from "vitest";
import type { UploadResponse, ValidateResponse } from "../../../shared/api/rosters";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

let token: string;

beforeAll(async () => {
  await seedDemo();
  token = await tokenFor("uploader", "17");
});

async function baseOf(r: unknown): Promise<string> {
  return (await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token, json: r }))).base;
}

describe("If-Match with the dry run's base", () => {
  it("lets the first of two uploads from the same base land and answers the second 412", async () => {
    const facilities = await freshFacilities(2);
    const a = roster(30, { facilities, seed: 61 });
    const b = roster(30, { facilities, seed: 62 });
    const base = await baseOf(a);
    expect(await baseOf(b)).toBe(base);
    const first = await call("POST", "/v1/rosters", { token, json: a, headers: { "If-Match": base } });
    expect(first.status).toBe(201);
    const second = await call("POST", "/v1/rosters", { token, json: b, headers: { "If-Match": `"${base}"` } });
    expect(second.status).toBe(412);
    expect((await json(second)).error.code).toBe("precondition_failed");
    const current = (await json<UploadResponse>(first)).upload_id;
    for (const f of facilities) expect(await count("SELECT COUNT(*) AS n FROM roster_current WHERE kode_fasyankes = ?1 AND upload_id = ?2", f.kode, current)).toBe(1);
  });

  it("lets exactly one of two concurrent uploads from the same base land", async () => {
    const facilities = await freshFacilities(2);
    const a = roster(300, { facilities, seed: 63 });
    const b = roster(300, { facilities, seed: 64 });
    const base = await baseOf(a);
    const [ra, rb] = await Promise.all([
      call("POST", "/v1/rosters", { token, json: a, headers: { "If-Match": base } }),
      call("POST", "/v1/rosters", { token, json: b, headers: { "If-Match": base } }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([201, 412]);
    const winner = await json<UploadResponse>(ra.status === 201 ? ra : rb);
    expect(await count("SELECT COUNT(DISTINCT upload_id) AS n FROM roster_versi WHERE kode_fasyankes = ?1", facilities[0]!.kode)).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM roster_current WHERE upload_id = ?1", winner.upload_id)).toBe(2);
    expect(await count("SELECT COUNT(*) AS n FROM uploads WHERE committed_at IS NULL")).toBe(0);
  });

  it("checks the base again inside the final batch of a staged upload, leaving no trace of the loser", async () => {
    const facilities = await freshFacilities(3);
    const a = roster(600, { facilities, seed: 68 });
    const b = roster(600, { facilities, seed: 69 });
    const base = await baseOf(a);
    const vars = { BATCH_ROWS: "100" };
    const [ra, rb] = await Promise.all([
      call("POST", "/v1/rosters", { token, json: a, headers: { "If-Match": base }, vars }),
      call("POST", "/v1/rosters", { token, json: b, headers: { "If-Match": base }, vars }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([201, 412]);
    const winner = (await json<UploadResponse>(ra.status === 201 ? ra : rb)).upload_id;
    expect(await count("SELECT COUNT(DISTINCT upload_id) AS n FROM nakes WHERE kode_fasyankes IN (?1, ?2, ?3)", ...facilities.map((f) => f.kode))).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = ?1", winner)).toBe(600);
    expect(await count("SELECT COUNT(*) AS n FROM commit_guard")).toBe(0);
  });

  it("accepts a new base after the landed upload, and no If-Match means last write wins", async () => {
    const facilities = await freshFacilities(1);
    const a = roster(10, { facilities, seed: 65 });
    const b = roster(10, { facilities, seed: 66 });
    expect((await call("POST", "/v1/rosters", { token, json: a })).status).toBe(201);
    const fresh = await baseOf(b);
    expect((await call("POST", "/v1/rosters", { token, json: b, headers: { "If-Match": fresh } })).status).toBe(201);
    expect((await call("POST", "/v1/rosters", { token, json: a })).status).toBe(201);
    expect(await count("SELECT COUNT(*) AS n FROM roster_versi WHERE kode_fasyankes = ?1", facilities[0]!.kode)).toBe(3);
    expect(await count("SELECT COUNT(*) AS n FROM roster_versi WHERE kode_fasyankes = ?1 AND valid_to IS NULL", facilities[0]!.kode)).toBe(1);
  });

  it("treats If-Match: * as no precondition", async () => {
    const facilities = await freshFacilities(1);
    expect((await call("POST", "/v1/rosters", { token, json: roster(5, { facilities, seed: 67 }), headers: { "If-Match": "*" } })).status).toBe(201);
  });
});
