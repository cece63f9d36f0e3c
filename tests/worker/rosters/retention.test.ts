import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Issue } from "../../../shared/schema/issue";
import type { RosterRequest } from "../../../shared/schema/roster";
import worker from "../../../worker/index";
import type { Bindings } from "../../../worker/env";
import { sha256Hex } from "../../../worker/auth/secret";
import { requestFingerprint } from "../../../worker/http/idempotency";
import { findActiveToken } from "../../../worker/auth/tokens";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Issue 10 item 5 (SPEC §7 Access): nothing personal is kept from a rejected upload; Idempotency-Keys
 * expire after 24 h and a Cron Trigger sweeps them and staged leftovers, never a user's request; a
 * crashed upload's key frees as soon as its lease ends.
 */

const HOUR = 60 * 60_000;
let uploader: string;
let tokenId: string;

beforeAll(async () => {
  await seedDemo();
  uploader = await tokenFor("uploader", "1706", "retention uploader");
  tokenId = (await findActiveToken(env.DB, uploader))!.id;
});

/** Runs the Worker's scheduled handler as the Cron Trigger would, at `at`. */
async function cron(at: number): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/15 * * * *" }), env as unknown as Bindings, ctx);
  await waitOnExecutionContext(ctx);
}

/** Every NIK, NIP, STR and name of a roster: what must never be at rest after a refusal. */
function personalValues(r: RosterRequest): string[] {
  const cols = ["nik", "nip", "nama", "no_str", "no_sip"].map((k) => r.nakes.columns.indexOf(k)).filter((i) => i >= 0);
  const out = new Set<string>();
  for (const row of r.nakes.rows) for (const i of cols) if (row[i] !== null && String(row[i]).trim().length >= 5) out.add(String(row[i]).trim());
  return [...out];
}

async function storedText(owner: string): Promise<string> {
  const { results } = await env.DB.prepare("SELECT body FROM text_parts WHERE owner = ?1 ORDER BY part").bind(owner).all<{ body: string }>();
  return results.map((r) => r.body).join("");
}

/** A roster with errors whose messages would name people (a wrong NIK, a duplicated NIK with names). */
async function rejected(seed: number): Promise<RosterRequest> {
  const facilities = await freshFacilities(1);
  const r = roster(12, { facilities, seed, messy: true });
  const nik = r.nakes.columns.indexOf("nik");
  r.nakes.rows[0]![nik] = "36740115099000x1";
  r.nakes.rows[1]![nik] = r.nakes.rows[2]![nik]!;
  return r;
}

describe("a refused upload sent with an Idempotency-Key", () => {
  it("keeps status, counts and codes for its replay, and no value or name at rest", async () => {
    const r = await rejected(501);
    const key = crypto.randomUUID();
    const first = await call("POST", "/v1/rosters", { token: uploader, json: r, headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(422);
    const firstBody = await json(first);

    const atRest = await storedText(`idem:${tokenId}:${key}`);
    expect(atRest.length).toBeGreaterThan(0);
    const values = personalValues(r);
    expect(values.length).toBeGreaterThan(10);
    for (const v of values) expect(atRest).not.toContain(v);
    expect(atRest).not.toContain("36740115099000x1");

    const again = await call("POST", "/v1/rosters", { token: uploader, json: r, headers: { "Idempotency-Key": key } });
    expect(again.status).toBe(422);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const replay = await json(again);
    expect(replay.error.code).toBe("validation_failed");
    expect(replay.error.message).toBe(firstBody.error.message);
    const shape = (issues: Issue[]) => issues.map(({ severity, code, table, row, column }) => ({ severity, code, table, row, column }));
    expect(shape(replay.error.issues)).toEqual(shape(firstBody.error.issues));
    for (const v of values) expect(JSON.stringify(replay)).not.toContain(v);
    expect(replay.error.issues.every((i: Issue) => i.value === undefined && i.message.length > 10)).toBe(true);
  });

  it("expires after 24 hours: the scheduled job deletes the key and its stored answer", async () => {
    const key = crypto.randomUUID();
    expect((await call("POST", "/v1/rosters", { token: uploader, json: await rejected(502), headers: { "Idempotency-Key": key } })).status).toBe(422);
    const row = await env.DB.prepare("SELECT claimed_at, expires_at FROM idempotency_keys WHERE token_id = ?1 AND key = ?2").bind(tokenId, key).first<{ claimed_at: string; expires_at: string }>();
    expect(Date.parse(row!.expires_at) - Date.parse(row!.claimed_at)).toBe(24 * HOUR);

    await cron(Date.now() + 23 * HOUR);
    expect(await count("SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = ?1", key)).toBe(1);
    await cron(Date.now() + 24 * HOUR + 60_000);
    expect(await count("SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = ?1", key)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM text_parts WHERE owner = ?1", `idem:${tokenId}:${key}`)).toBe(0);
  });

  it("past its expiry counts as a new key, even before the sweep", async () => {
    const key = crypto.randomUUID();
    expect((await call("POST", "/v1/rosters", { token: uploader, json: await rejected(503), headers: { "Idempotency-Key": key } })).status).toBe(422);
    await env.DB.prepare("UPDATE idempotency_keys SET expires_at = ?3 WHERE token_id = ?1 AND key = ?2").bind(tokenId, key, new Date(Date.now() - 1000).toISOString()).run();
    const facilities = await freshFacilities(1);
    const other = await call("POST", "/v1/rosters", { token: uploader, json: roster(5, { facilities, seed: 504 }), headers: { "Idempotency-Key": key } });
    expect(other.status).toBe(201);
  });
});

describe("a crashed upload", () => {
  /** The claim a request with this body would hold, left behind as if its Worker died. */
  async function orphanClaim(r: RosterRequest, key: string, leaseUntil: number, claimedAt: number): Promise<void> {
    const hash = await requestFingerprint(["POST /v1/rosters", "json", "", await sha256Hex(JSON.stringify(r))]);
    await env.DB.prepare(
      `INSERT INTO idempotency_keys (token_id, key, request_hash, state, claimed_at, lease_until, expires_at) VALUES (?1, ?2, ?3, 'running', ?4, ?5, ?6)`,
    )
      .bind(tokenId, key, hash, new Date(claimedAt).toISOString(), new Date(leaseUntil).toISOString(), new Date(claimedAt + 24 * HOUR).toISOString())
      .run();
  }

  it("frees its key as soon as its lease ends (seconds, not minutes)", async () => {
    const facilities = await freshFacilities(1);
    const r = roster(14, { facilities, seed: 505 });
    const key = crypto.randomUUID();
    await orphanClaim(r, key, Date.now() - 1000, Date.now() - 25_000);
    const retry = await call("POST", "/v1/rosters", { token: uploader, json: r, headers: { "Idempotency-Key": key } });
    expect(retry.status).toBe(201);
  });

  it("holds its key while the lease runs (409 with Retry-After)", async () => {
    const facilities = await freshFacilities(1);
    const r = roster(14, { facilities, seed: 506 });
    const key = crypto.randomUUID();
    await orphanClaim(r, key, Date.now() + 15_000, Date.now() - 10 * 60_000);
    const retry = await call("POST", "/v1/rosters", { token: uploader, json: r, headers: { "Idempotency-Key": key } });
    expect(retry.status).toBe(409);
    expect(retry.headers.get("Retry-After")).not.toBeNull();
  });

  it("leaves staged rows that only the scheduled job removes, never another user's upload", async () => {
    const dead = crypto.randomUUID();
    const alive = crypto.randomUUID();
    const longAgo = new Date(Date.now() - HOUR).toISOString();
    for (const [id, lease] of [
      [dead, longAgo],
      [alive, new Date(Date.now() + 15_000).toISOString()],
    ] as const) {
      await env.DB.batch([
        env.DB.prepare(
          `INSERT INTO uploads (id, token_id, token_name, token_scope, created_at, as_of, content_type, content_hash, nakes_rows, pelatihan_rows, facilities, n_error, n_warning, n_info, lease_until)
           VALUES (?1, 'crashed', 'crashed', '1706', ?2, '2026-11-01', 'application/json', 'x', 1, 0, 1, 0, 0, 0, ?3)`,
        ).bind(id, longAgo, lease),
        env.DB.prepare(
          `INSERT INTO nakes_staged (upload_id, kode_fasyankes, row_no, nik, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga, status_kepegawaian, fp)
           VALUES (?1, 'P1706010101', 0, '1706010101900001', 'Staged Person', 'P', '1990-01-01', 'BIDAN', 'PNS', 'x')`,
        ).bind(id),
      ]);
    }
    const facilities = await freshFacilities(1);
    const t0 = Date.now();
    expect((await call("POST", "/v1/rosters", { token: uploader, json: roster(14, { facilities, seed: 507 }) })).status).toBe(201);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", dead)).toBe(1);

    await cron(Date.now());
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", dead)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1", dead)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", alive)).toBe(1);
  });

  it("renews the lease of a staged upload with every batch", async () => {
    const facilities = await freshFacilities(2);
    const res = await call("POST", "/v1/rosters", { token: uploader, json: roster(120, { facilities, seed: 508 }), vars: { BATCH_ROWS: "20" } });
    expect(res.status).toBe(201);
    const { upload_id } = await json(res);
    const row = await env.DB.prepare("SELECT committed_at, lease_until FROM uploads WHERE id = ?1").bind(upload_id).first<{ committed_at: string; lease_until: string }>();
    expect(row?.committed_at).not.toBeNull();
    expect(Date.parse(row!.lease_until)).toBeGreaterThan(Date.now());
  });
});
