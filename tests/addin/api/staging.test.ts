import { describe, expect, it } from "vitest";
import { createApiClient, SLOW_AFTER_MS, type UploadProgress } from "../../../addin/api/client";
import { ApiError } from "../../../addin/api/errors";
import type { Transport } from "../../../addin/api/transport";
import type { UploadResponse } from "../../../shared/api/rosters";
import type { RosterRequest } from "../../../shared/schema/roster";
import { generateRoster, mukomukoFacilities } from "../../../fixtures/demo";
import { apiError, FakeApi, json } from "../support/fakes";

const roster: RosterRequest = generateRoster({ rows: 300, seed: 5, asOf: "2026-11-01", facilities: mukomukoFacilities, pelatihan: false });
const rosterJson = JSON.stringify(roster);
const stored: UploadResponse = { upload_id: "upl_9", stored: { nakes: 300, pelatihan: 0 }, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff: [] };
const dryRun = (extra: object = {}) => ({ ok: true, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff: [], base: "base-7", ...extra });

function client(api: FakeApi, extra: Parameters<typeof createApiClient>[0] extends infer O ? Partial<O> : never = {}) {
  return createApiClient({ apiUrl: "https://api.test", token: "tok", lang: "id", fetch: api.fetch, hooks: { sleep: async () => {}, random: () => 0.5 }, ...extra });
}

/** Staged ids are UUIDs (shared/api/rosters.ts stagedUploadSchema). */
const STAGED_ID = "0f6c2b9e-4d1a-4e8b-9c3d-2a7f5e1b6c40";

describe("Kirim over a slow link", () => {
  it("sends the roster once, gzip-compressed: the dry run stages it and Kirim commits it by id", async () => {
    const api = new FakeApi()
      .on("POST /v1/rosters/validate", json(200, dryRun({ staged: { id: STAGED_ID, expires_at: "2026-11-02T00:00:00Z" } })))
      .on("POST /v1/rosters/commit", json(201, stored));
    const c = client(api);
    const dry = await c.validate(roster, { stage: true });
    expect(dry.staged?.id).toBe(STAGED_ID);
    const res = await c.push(roster, { base: dry.base, idempotencyKey: "key-1", stagedId: dry.staged!.id });
    expect(res.upload_id).toBe("upl_9");

    const [check] = api.sent("POST /v1/rosters/validate");
    expect(check!.url.searchParams.get("stage")).toBe("1");
    expect(check!.headers["content-encoding"]).toBe("gzip");
    expect(check!.body).toEqual(roster);
    expect(check!.bytes).toBeLessThan(Buffer.byteLength(rosterJson) / 3);

    const [commit] = api.sent("POST /v1/rosters/commit");
    expect(commit!.body).toEqual({ staged_id: STAGED_ID });
    expect(commit!.headers["if-match"]).toBe("base-7");
    expect(commit!.headers["idempotency-key"]).toBe("key-1");
    expect(api.sent("POST /v1/rosters")).toHaveLength(0);
    // The roster's rows crossed the network once; the commit is a few bytes.
    expect(commit!.bytes).toBeLessThan(100);
  });

  it("sends the full body when the server answers without a staged id", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, dryRun())).on("POST /v1/rosters", json(201, stored));
    const c = client(api);
    const dry = await c.validate(roster, { stage: true });
    expect(dry.staged).toBeUndefined();
    await c.push(roster, { base: dry.base, idempotencyKey: "key-2", stagedId: dry.staged?.id ?? null });
    const [push] = api.sent("POST /v1/rosters");
    expect(push!.body).toEqual(roster);
    expect(push!.headers["content-encoding"]).toBe("gzip");
    expect(api.sent("POST /v1/rosters/commit")).toHaveLength(0);
  });

  it("falls back to the full body, same key and base, when the staged upload expired (404)", async () => {
    const api = new FakeApi()
      .on("POST /v1/rosters/commit", apiError(404, "not_found", "staged upload unknown"))
      .on("POST /v1/rosters", json(201, stored));
    await client(api).push(roster, { base: "b", idempotencyKey: "key-3", stagedId: "8b0c6a3e-1d2f-4c5b-9a7e-0000000000ff" });
    const [push] = api.sent("POST /v1/rosters");
    expect(push!.headers["idempotency-key"]).toBe("key-3");
    expect(push!.headers["if-match"]).toBe("b");
    expect(push!.body).toEqual(roster);
  });

  it("does not fall back on a 412: the roster changed, and only a new check helps", async () => {
    const api = new FakeApi().on("POST /v1/rosters/commit", apiError(412, "precondition_failed", "stale"));
    const error = await client(api).push(roster, { base: "b", idempotencyKey: "k", stagedId: "stg" }).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(412);
    expect(api.sent("POST /v1/rosters")).toHaveLength(0);
  });

  it("sends plain JSON to a server that cannot read gzip, and keeps doing so", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", (req) =>
      req.headers["content-encoding"] === "gzip" ? apiError(415, "unsupported_media_type", "no gzip") : json(200, dryRun()),
    );
    const c = client(api);
    await c.validate(roster);
    await c.validate(roster);
    const encodings = api.sent("POST /v1/rosters/validate").map((r) => r.headers["content-encoding"] ?? "none");
    expect(encodings).toEqual(["gzip", "none", "none"]);
  });

  it("reports upload progress, calls a long upload slow, and never times out while bytes move", async () => {
    let clock = 0;
    const reports: UploadProgress[] = [];
    // A transport that sends in ten steps, the clock advancing 1 s per step: 10 s in all, above the 3 s
    // timeout, which restarts whenever bytes move.
    const transport: Transport = async (req) => {
      const total = (req.body as Uint8Array).byteLength;
      for (let i = 1; i <= 10; i++) {
        clock += 1_000;
        await new Promise((r) => setTimeout(r, 1));
        req.onUploadProgress?.(Math.round((total * i) / 10), total);
      }
      return { status: 200, ok: true, header: () => null, text: JSON.stringify(dryRun()) };
    };
    const c = createApiClient({ apiUrl: "https://api.test", token: "tok", lang: "id", transport, now: () => clock, timeouts: { read: 3_000, roster: 3_000 } });
    await c.validate(roster, { onProgress: (p) => reports.push(p) });
    expect(reports).toHaveLength(10);
    expect(reports.at(-1)!.sent).toBe(reports.at(-1)!.total);
    expect(reports.map((r) => r.slow)).toEqual(reports.map((r) => r.sent < r.total && (reports.indexOf(r) + 1) * 1000 > SLOW_AFTER_MS));
    expect(reports.some((r) => r.slow)).toBe(true);
  });

  it("stops on cancel with its own error, never retried", async () => {
    const abort = new AbortController();
    let tries = 0;
    const transport: Transport = (req) =>
      new Promise((_, reject) => {
        tries++;
        req.signal.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")));
        setTimeout(() => abort.abort(), 1);
      });
    const c = createApiClient({ apiUrl: "https://api.test", token: "tok", lang: "id", transport, hooks: { sleep: async () => {} } });
    const error = await c.push(roster, { base: "b", idempotencyKey: "k", signal: abort.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("cancelled");
    expect(tries).toBe(1);
  });
});
