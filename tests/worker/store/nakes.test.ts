import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentRoster, ValidateResponse } from "../../../shared/api/rosters";
import { personVersionsSql } from "../../../worker/store/nakes";
import { unchangedTrainingSql } from "../../../worker/store/pelatihan";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * store/nakes.ts, issue 15 item 5: a staged row is written with its roster's date and holds at no
 * date until its upload's final batch sets its valid_to; that batch finds the versions an upload
 * ends by NIK, never by copying the upload's rows aside.
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
  it("carry the roster's date yet hold at no date and are in no current roster until the commit", async () => {
    const [f] = await freshFacilities(1);
    const r = { ...roster(12, { facilities: [f!], seed: 1501 }), as_of: "2026-10-01" };
    const id = await stage(r);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = ?1 AND valid_from = '2026-10-01'", id)).toBe(12);
    for (const d of ["2026-10-01", "2026-10-02", "2099-12-31"]) expect(await holdingAt(f!.kode, d)).toBe(0);
    expect(await current(f!.kode)).toBe(0);

    expect((await commit(id)).status).toBe(201);
    expect(await holdingAt(f!.kode, "2026-10-01")).toBe(12);
    expect(await holdingAt(f!.kode, "2026-09-30")).toBe(0);
    expect(await current(f!.kode)).toBe(12);
  });

  it("staged by an earlier Worker (valid_from '') are opened by the commit all the same", async () => {
    const [f] = await freshFacilities(1);
    const r = { ...roster(9, { facilities: [f!], seed: 1502 }), as_of: "2026-10-15" };
    const id = await stage(r);
    // What the Worker before issue 15 item 5 left staged: no date, valid_to NULL.
    await env.DB.prepare("UPDATE nakes SET valid_from = '', valid_to = NULL WHERE upload_id = ?1").bind(id).run();
    expect(await current(f!.kode)).toBe(0);

    expect((await commit(id)).status).toBe(201);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = ?1 AND valid_from = '2026-10-15' AND valid_to IS NULL", id)).toBe(9);
    const cur = await json<CurrentRoster>(await call("GET", `/v1/rosters/${f!.kode}`, { token: uploader }));
    expect(cur.nakes.rows).toHaveLength(9);
  });
});

describe("the final batch's person-version statements", () => {
  it("look the upload's rows and the versions that held up by NIK, and copy neither into a temporary index", async () => {
    const p = personVersionsSql("plan-upload", "2026-11-01");
    const statements = [...p.close, unchangedTrainingSql("plan-upload", "2026-11-01"), ...p.open];
    for (const s of statements) {
      const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).bind(...s.params).all<{ detail: string }>()).results.map((r) => r.detail);
      expect(plan.length).toBeGreaterThan(0);
      // x: the upload's rows; o: versions probed from them. Either is reached by NIK, or (o) by facility and date.
      for (const line of plan.filter((l) => /^(SCAN|SEARCH) [xo]\b/.test(l))) expect(line).toMatch(/USING (COVERING )?INDEX (nakes_nik \(nik=\?\)|nakes_facility)/);
      expect(plan.filter((l) => /TEMP B-TREE/.test(l))).toEqual([]);
      expect(plan.some((l) => /^SCAN (nakes|s|o|x|p)\b/.test(l))).toBe(false);
    }
  });
});
