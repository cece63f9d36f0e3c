import { beforeAll, describe, expect, it } from "vitest";
import { call, freshFacilities, roster, seedDemo, tokenFor } from "../support";

/**
 * Server-Timing through hono/timing (issue 14 "hand-written where the platform has it"): the names the
 * benchmarks read stay — "check" and "store" on an upload (bench/upload.ts), "read" on an action list
 * (bench/tindak-lanjut.ts) — and an answer that timed nothing carries no empty header.
 */

let token: string;
beforeAll(async () => {
  await seedDemo();
  token = await tokenFor("uploader", "17");
});

/** The header's entries by name, ms. */
const entries = (res: Response): Record<string, number> =>
  Object.fromEntries([...(res.headers.get("Server-Timing") ?? "").matchAll(/([\w-]+);dur=([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]));

describe("Server-Timing", () => {
  it("splits a stored upload's time into check and store, and nothing else", async () => {
    const res = await call("POST", "/v1/rosters", { token, json: roster(10, { facilities: await freshFacilities(1), seed: 901 }) });
    expect(res.status).toBe(201);
    expect(Object.keys(entries(res)).sort()).toEqual(["check", "store"]);
    for (const ms of Object.values(entries(res))) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it("is absent from a refused upload and from an idempotent replay", async () => {
    const bad = roster(5, { facilities: await freshFacilities(1), seed: 902 });
    bad.nakes.rows[0]![bad.nakes.columns.indexOf("nik")] = "123";
    const refused = await call("POST", "/v1/rosters", { token, json: bad });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("Server-Timing")).toBeNull();
    const r = roster(5, { facilities: await freshFacilities(1), seed: 903 });
    const key = { "Idempotency-Key": "timing-replay" };
    expect((await call("POST", "/v1/rosters", { token, json: r, headers: key })).headers.get("Server-Timing")).toMatch(/check;dur=/);
    const again = await call("POST", "/v1/rosters", { token, json: r, headers: key });
    expect(again.status).toBe(201);
    expect(again.headers.get("Server-Timing")).toBeNull();
  });

  it("gives an action list's storage time as read", async () => {
    const res = await call("GET", "/v1/tindak-lanjut?list=sip&region=17&as_of=2026-11-01", { token });
    expect(res.status).toBe(200);
    expect(Object.keys(entries(res))).toEqual(["read"]);
  });
});
