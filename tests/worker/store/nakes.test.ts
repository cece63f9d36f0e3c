import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentRoster, ValidateResponse } from "../../../shared/api/rosters";
import { personVersionsSql } from "../../../worker/store/nakes";
import { unchangedTrainingSql } from "../../../worker/store/pelatihan";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * store/nakes.ts, issue 15: a staged upload's rows wait in nakes_staged (migration 0100), hold at no
 * date and are in no roster until its final batch, which copies the changed persons into nakes; that
 * batch finds the versions an upload ends by NIK, never by copying the upload's rows aside.
 */
let uploader: string;

beforeAll(async () => {
  await seedDemo();
  uploader = await tokenFor("uploader", "1706", "store test");
});

async function stage(body: unknown): Promise<string> {
  const res = await call("POST", "/v1/rosters/validate?stage=1", { token: uploader, json: body });
  expect(res.status).toBe(200);
  return (await json<ValidateResponse>(res)).staged!.id;
}

const commit = (id: string) => call("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: id } });

/** Rows of facility `kode` that hold at `d` (SPEC §6), as every reader of store/nakes.ts asks. */
const holdingAt = (kode: string, d: string) =>
  count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1 AND valid_from <> '' AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)", kode, d);
const current = (kode: string) => count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1 AND valid_to IS NULL AND valid_from <> ''", kode);

describe("a staged upload's rows", () => {
  it("wait outside nakes, hold at no date and are in no current roster until the commit", async () => {
    const [f] = await freshFacilities(1);
    const r = { ...roster(12, { facilities: [f!], seed: 1501 }), as_of: "2026-10-01" };
    const id = await stage(r);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", id)).toBe(12);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = ?1", id)).toBe(0);
    for (const d of ["2026-10-01", "2026-10-02", "2099-12-31"]) expect(await holdingAt(f!.kode, d)).toBe(0);
    expect(await current(f!.kode)).toBe(0);

    expect((await commit(id)).status).toBe(201);
    expect(await holdingAt(f!.kode, "2026-10-01")).toBe(12);
    expect(await holdingAt(f!.kode, "2026-09-30")).toBe(0);
    expect(await current(f!.kode)).toBe(12);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", id)).toBe(0);
    const cur = await json<CurrentRoster>(await call("GET", `/v1/rosters/${f!.kode}`, { token: uploader }));
    expect(cur.nakes.rows).toHaveLength(12);
  });
});

describe("the final batch's person-version statements", () => {
  it("look the upload's rows and the versions that held up by NIK, and copy neither into a temporary index", async () => {
    const p = personVersionsSql("plan-upload", "2026-11-01");
    const statements = [...p.close, unchangedTrainingSql("plan-upload", "2026-11-01"), ...p.open];
    for (const s of statements) {
      const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).bind(...s.params).all<{ detail: string }>()).results.map((r) => r.detail);
      expect(plan.length).toBeGreaterThan(0);
      // x: the upload's staged rows, sought by their key's (upload, NIK); o: versions probed from them,
      // reached by NIK or by facility and date.
      for (const line of plan.filter((l) => /^(SCAN|SEARCH) x\b/.test(l))) expect(line).toMatch(/USING PRIMARY KEY \(upload_id=\? AND nik=\?/);
      for (const line of plan.filter((l) => /^(SCAN|SEARCH) o\b/.test(l))) expect(line).toMatch(/USING (COVERING )?INDEX (nakes_nik \(nik=\?\)|nakes_facility)/);
      // The one sort: the changed persons copied into nakes in its key order (facility, row), so its
      // pages fill at one end per facility; no lookup goes through a temporary index.
      const sorts = /FROM nakes_staged s JOIN/.test(s.sql) ? ["USE TEMP B-TREE FOR ORDER BY"] : [];
      expect(plan.filter((l) => /TEMP B-TREE/.test(l))).toEqual(sorts);
      expect(plan.some((l) => /^SCAN (nakes|s|o|x|p)\b/.test(l))).toBe(false);
    }
  });
});
