import { beforeAll, describe, expect, it } from "vitest";
import type { UploadResponse } from "../../../shared/api/rosters";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

let admin: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("uploader", "1706");
});

describe("Idempotency-Key", () => {
  it("returns the first result to a retry with the same key and body, and stores once", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(40, { facilities, seed: 51, messy: true });
    const key = crypto.randomUUID();
    const first = await call("POST", "/v1/rosters", { token: admin, json: r, headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(201);
    const firstBody = await json<UploadResponse>(first);
    const again = await call("POST", "/v1/rosters", { token: admin, json: r, headers: { "Idempotency-Key": key } });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await json<UploadResponse>(again)).toEqual(firstBody);
    expect(await count("SELECT COUNT(*) AS n FROM uploads WHERE content_hash = (SELECT content_hash FROM uploads WHERE id = ?1)", firstBody.upload_id)).toBe(1);
  });

  it("stores one upload when 20 retries arrive at once", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(200, { facilities, seed: 52 });
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 20 }, () => call("POST", "/v1/rosters", { token: admin, json: r, headers: { "Idempotency-Key": key } })));
    const statuses = responses.map((res) => res.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses).toContain(201);
    const ids = new Set<string>();
    for (const res of responses) {
      if (res.status === 201) ids.add((await json<UploadResponse>(res)).upload_id);
      else {
        expect(res.headers.get("Retry-After")).not.toBeNull();
        expect((await json(res)).error.code).toBe("conflict");
      }
    }
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const later = await call("POST", "/v1/rosters", { token: admin, json: r, headers: { "Idempotency-Key": key } });
    expect((await json<UploadResponse>(later)).upload_id).toBe(id);
    for (const f of facilities) expect(await count("SELECT COUNT(*) AS n FROM roster_versi WHERE kode_fasyankes = ?1", f.kode)).toBe(1);
    expect(await count("SELECT COUNT(DISTINCT upload_id) AS n FROM nakes WHERE kode_fasyankes IN (?1, ?2)", facilities[0]!.kode, facilities[1]!.kode)).toBe(1);
  });

  it("refuses the same key with a different body with 422", async () => {
    const facilities = await freshFacilities(1);
    const key = crypto.randomUUID();
    expect((await call("POST", "/v1/rosters", { token: admin, json: roster(10, { facilities, seed: 53 }), headers: { "Idempotency-Key": key } })).status).toBe(201);
    const other = await call("POST", "/v1/rosters", { token: admin, json: roster(11, { facilities, seed: 53 }), headers: { "Idempotency-Key": key } });
    expect(other.status).toBe(422);
    expect((await json(other)).error.code).toBe("idempotency_key_reused");
  });

  it("replays a refusal with its status, code, message and the rule and place of each issue", async () => {
    const facilities = await freshFacilities(1);
    const r = roster(10, { facilities, seed: 54 });
    r.nakes.rows[1]![r.nakes.columns.indexOf("nik")] = "123";
    const key = crypto.randomUUID();
    const first = await call("POST", "/v1/rosters", { token: admin, json: r, headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(422);
    const again = await call("POST", "/v1/rosters", { token: admin, json: r, headers: { "Idempotency-Key": key } });
    expect(again.status).toBe(422);
    const [a, b] = [await json(first), await json(again)];
    expect(b.error.code).toBe(a.error.code);
    expect(b.error.message).toBe(a.error.message);
    const where = (issues: { code: string; severity: string; table: string; row: number | null; column: string | null }[]) =>
      issues.map(({ code, severity, table, row, column }) => ({ code, severity, table, row, column }));
    expect(where(b.error.issues)).toEqual(where(a.error.issues));
  });

  it("keeps keys apart per token", async () => {
    const facilities = await freshFacilities(1);
    const other = await tokenFor("uploader", "1706", "another office");
    const key = crypto.randomUUID();
    const a = await json<UploadResponse>(await call("POST", "/v1/rosters", { token: admin, json: roster(5, { facilities, seed: 55 }), headers: { "Idempotency-Key": key } }));
    const b = await json<UploadResponse>(await call("POST", "/v1/rosters", { token: other, json: roster(5, { facilities, seed: 55 }), headers: { "Idempotency-Key": key } }));
    expect(a.upload_id).not.toBe(b.upload_id);
  });

  it("refuses a key that is not 1–255 visible characters with 400", async () => {
    const res = await call("POST", "/v1/rosters", { token: admin, json: roster(2, { seed: 56 }), headers: { "Idempotency-Key": "has space" } });
    expect(res.status).toBe(400);
  });
});
