import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { uploadResponseSchema, validateResponseSchema, type UploadResponse, type ValidateResponse } from "../../../shared/api/rosters";
import type { Bindings } from "../../../worker/env";
import worker from "../../../worker/index";
import { sweepDatabase } from "../../../worker/sweep";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Issue 13 item 2, Worker side (SPEC §7 Responses, last bullet): a dry run asked to stage keeps an
 * error-free upload staged — invisible to every reader, 24 h — and POST /v1/rosters/commit commits it
 * by id with every guarantee of POST /v1/rosters.
 */

let uploader: string;

beforeAll(async () => {
  await seedDemo();
  uploader = await tokenFor("uploader", "1706", "staging office");
});

const HOUR = 60 * 60_000;

async function stage(body: unknown, token = uploader, vars?: Partial<Record<keyof Bindings, string>>): Promise<ValidateResponse> {
  const res = await call("POST", "/v1/rosters/validate?stage=1", { token, json: body, ...(vars ? { vars } : {}) });
  expect(res.status).toBe(200);
  return validateResponseSchema.parse(await json(res));
}

const commit = (id: string, headers: Record<string, string> = {}, token = uploader) => call("POST", "/v1/rosters/commit", { token, json: { staged_id: id }, headers });

describe("POST /v1/rosters/validate?stage=1", () => {
  it("keeps an error-free roster staged for 24 hours, invisible to readers", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(30, { facilities, seed: 801 });
    const t0 = Date.now();
    const dry = await stage(r);
    expect(dry.ok).toBe(true);
    expect(dry.staged?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(dry.staged!.expires_at) - (t0 + 24 * HOUR))).toBeLessThan(60_000);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", dry.staged!.id)).toBe(30);
    for (const f of facilities) {
      const current = await json(await call("GET", `/v1/rosters/${f.kode}`, { token: uploader }));
      expect(current.upload_id).toBeNull();
    }
    // Invisible to duplicate checks and diffs: the same roster dry-run again finds everyone new.
    const again = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: uploader, json: r }));
    expect(again.diff).toEqual(dry.diff);
    expect(again.issues.filter((i) => i.code === "nik.multi_facility")).toEqual([]);
    expect(await count("SELECT COUNT(*) AS n FROM coverage_version WHERE upload_id = ?1", dry.staged!.id)).toBe(0);
  });

  it("never stages a roster with errors, nor without being asked", async () => {
    const facilities = await freshFacilities(1);
    const bad = roster(5, { facilities, seed: 802 });
    bad.nakes.rows[0]![bad.nakes.columns.indexOf("nik")] = "123";
    const before = await count("SELECT COUNT(*) AS n FROM uploads WHERE committed_at IS NULL");
    const refused = await stage(bad);
    expect(refused.ok).toBe(false);
    expect(refused.staged).toBeUndefined();
    const plain = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: uploader, json: roster(5, { facilities, seed: 803 }) }));
    expect(plain.ok).toBe(true);
    expect(plain.staged).toBeUndefined();
    expect(await count("SELECT COUNT(*) AS n FROM uploads WHERE committed_at IS NULL")).toBe(before);
  });

  it("stages a gzip-compressed roster too", async () => {
    const facilities = await freshFacilities(1);
    const text = JSON.stringify(roster(10, { facilities, seed: 804 }));
    const body = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
    const res = await call("POST", "/v1/rosters/validate?stage=1", { token: uploader, body, headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" } });
    expect((await json<ValidateResponse>(res)).staged).toBeDefined();
  });
});

describe("POST /v1/rosters/commit", () => {
  it("commits the staged roster with If-Match, answering what POST /v1/rosters answers", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(40, { facilities, seed: 811, messy: true });
    const dry = await stage(r);
    expect(dry.ok).toBe(true);
    const res = await commit(dry.staged!.id, { "If-Match": dry.base, "Idempotency-Key": crypto.randomUUID() });
    expect(res.status).toBe(201);
    const up = uploadResponseSchema.parse(await json(res));
    expect(up.upload_id).toBe(dry.staged!.id);
    expect(up.diff).toEqual(dry.diff);
    expect(up.counts).toEqual(dry.counts);
    expect(up.issues).toEqual(dry.issues.filter((i) => i.severity !== "error"));
    expect(up.stored.nakes).toBe(r.nakes.rows.length);
    const current = await json(await call("GET", `/v1/rosters/${facilities[0]!.kode}`, { token: uploader }));
    expect(current.upload_id).toBe(dry.staged!.id);
    expect(current.nakes.rows.length).toBeGreaterThan(0);
    expect(await count("SELECT COUNT(*) AS n FROM coverage_version WHERE upload_id = ?1", dry.staged!.id)).toBe(2);
  });

  it("returns the first result to a retry with the same Idempotency-Key, and 404 to a second commit", async () => {
    const facilities = await freshFacilities(1);
    const dry = await stage(roster(10, { facilities, seed: 812 }));
    const key = crypto.randomUUID();
    const first = await commit(dry.staged!.id, { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    const again = await commit(dry.staged!.id, { "Idempotency-Key": key });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await json<UploadResponse>(again)).toEqual(await json<UploadResponse>(first));
    expect((await commit(dry.staged!.id)).status).toBe(404);
  });

  it("answers 404 to the commit of a staging whose rows an earlier Worker left in nakes, and the sweep clears them", async () => {
    // A Worker before migration 0100 still serving during a deploy staged into nakes, undated (valid_to '').
    const facilities = await freshFacilities(1);
    const dry = await stage(roster(12, { facilities, seed: 821 }));
    const id = dry.staged!.id;
    const columns = "upload_id, kode_fasyankes, row_no, nik, nip, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga, pendidikan, status_kepegawaian, no_str, str_berlaku_sampai, no_sip, sip_berlaku_sampai, tmt_penugasan, keterangan, fp";
    await env.DB.batch([
      env.DB.prepare(`INSERT INTO nakes (${columns}, valid_from, valid_to) SELECT ${columns}, (SELECT as_of FROM uploads WHERE id = ?1), '' FROM nakes_staged WHERE upload_id = ?1`).bind(id),
      env.DB.prepare("DELETE FROM nakes_staged WHERE upload_id = ?1").bind(id),
    ]);
    expect((await commit(id)).status).toBe(404);
    expect(await count("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1 AND committed_at IS NOT NULL", id)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM roster_current WHERE kode_fasyankes = ?1", facilities[0]!.kode)).toBe(0);
    await sweepDatabase(env.DB, new Date(Date.now() + 25 * 60 * 60_000));
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = ?1", id)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1", id)).toBe(0);
  });

  it("commits once when several commits of one staging race", async () => {
    const facilities = await freshFacilities(1);
    const dry = await stage(roster(20, { facilities, seed: 813 }));
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => commit(dry.staged!.id)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 404 || s === 412)).toBe(true);
    expect(await count("SELECT COUNT(*) AS n FROM roster_versi WHERE upload_id = ?1", dry.staged!.id)).toBe(1);
  });

  it("answers 412 when another upload landed on those facilities since the dry run", async () => {
    const facilities = await freshFacilities(1);
    const dry = await stage(roster(10, { facilities, seed: 814 }));
    expect((await call("POST", "/v1/rosters", { token: uploader, json: roster(8, { facilities, seed: 815 }) })).status).toBe(201);
    const res = await commit(dry.staged!.id, { "If-Match": dry.base });
    expect(res.status).toBe(412);
    expect((await json(res)).error.code).toBe("precondition_failed");
  });

  it("answers 412 when a NIP of the staging was taken by another person elsewhere since", async () => {
    const [mine, theirs] = await freshFacilities(2);
    const r = roster(10, { facilities: [mine!], seed: 819 });
    const nipCol = r.nakes.columns.indexOf("nip");
    const i = r.nakes.rows.findIndex((row) => row[nipCol] !== null);
    const dry = await stage(r);
    const other = roster(3, { facilities: [theirs!], seed: 820 });
    const j = other.nakes.rows.findIndex((row) => row[nipCol] !== null);
    expect(j).toBeGreaterThanOrEqual(0);
    other.nakes.rows[j]![nipCol] = r.nakes.rows[i]![nipCol]!;
    expect((await call("POST", "/v1/rosters", { token: uploader, json: other })).status).toBe(201);
    expect((await commit(dry.staged!.id)).status).toBe(412);
    expect(await count("SELECT COUNT(*) AS n FROM roster_current WHERE kode_fasyankes = ?1", mine!.kode)).toBe(0);
  });

  it("lets only the token that staged it commit it (404 to any other)", async () => {
    const facilities = await freshFacilities(1);
    const dry = await stage(roster(5, { facilities, seed: 816 }));
    const other = await tokenFor("admin", "17", "province admin");
    expect((await commit(dry.staged!.id, {}, other)).status).toBe(404);
    expect((await commit(dry.staged!.id)).status).toBe(201);
  });

  it("commits a staging written in several batches", async () => {
    const facilities = await freshFacilities(3);
    const dry = await stage(roster(150, { facilities, seed: 817 }), uploader, { BATCH_ROWS: "25" });
    const res = await commit(dry.staged!.id, { "If-Match": dry.base });
    expect(res.status).toBe(201);
    expect((await json<UploadResponse>(res)).stored.nakes).toBe(150);
  });

  it("refuses an unknown id, a malformed body and an expired staging, which the scheduled job sweeps", async () => {
    expect((await commit(crypto.randomUUID())).status).toBe(404);
    expect((await call("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: "x" } })).status).toBe(400);
    const facilities = await freshFacilities(1);
    const dry = await stage(roster(5, { facilities, seed: 818 }));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now() + 23 * HOUR }), env as unknown as Bindings, ctx);
    await waitOnExecutionContext(ctx);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", dry.staged!.id)).toBe(5);
    await env.DB.prepare("UPDATE uploads SET lease_until = ?2 WHERE id = ?1").bind(dry.staged!.id, new Date(Date.now() - 1000).toISOString()).run();
    expect((await commit(dry.staged!.id)).status).toBe(404);
    const later = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now() }), env as unknown as Bindings, later);
    await waitOnExecutionContext(later);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", dry.staged!.id)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1", dry.staged!.id)).toBe(0);
  });
});
