import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../../worker/auth/secret";
import { call, json, seedDemo, tokenFor } from "../support";

let admin: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
});

describe("POST /v1/tokens", () => {
  it("issues a working token, shown once and stored only as its hash", async () => {
    const res = await call("POST", "/v1/tokens", { token: admin, json: { role: "uploader", scope: "1706", name: "Dinkes Mukomuko" } });
    expect(res.status).toBe(201);
    const { id, token } = await json(res);
    expect(token).toMatch(/^nkr_[A-Za-z0-9_-]{43}$/);
    const row = await env.DB.prepare("SELECT * FROM tokens WHERE id = ?1").bind(id).first<Record<string, unknown>>();
    expect(row?.["hash"]).toBe(await sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ role: "uploader", scope: "1706", name: "Dinkes Mukomuko", revoked_at: null });
    expect((await call("GET", "/v1/uploads", { token })).status).toBe(200);
  });

  it("refuses an unknown role with 400 and an unknown scope with 422", async () => {
    expect((await call("POST", "/v1/tokens", { token: admin, json: { role: "root", scope: "17", name: "x" } })).status).toBe(400);
    const res = await call("POST", "/v1/tokens", { token: admin, json: { role: "analyst", scope: "1799", name: "x" } });
    expect(res.status).toBe(422);
  });

  it("accepts a facility code inside the admin's region as a scope", async () => {
    const res = await call("POST", "/v1/tokens", { token: admin, json: { role: "uploader", scope: "P1706020101", name: "PKM Lubuk Pinang" } });
    expect(res.status).toBe(201);
  });
});

describe("POST /v1/tokens for a facility scope (issue 10)", () => {
  it("accepts a hospital's 7-digit code as a facility scope, not as a region", async () => {
    const res = await call("POST", "/v1/tokens", { token: admin, json: { role: "uploader", scope: "1706015", name: "RSUD Mukomuko" } });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it("judges a facility scope by the stored facility: a Banten facility is outside a Bengkulu admin's scope", async () => {
    for (const scope of ["P3601010101", "3601012"]) {
      const res = await call("POST", "/v1/tokens", { token: admin, json: { role: "uploader", scope, name: "x" } });
      expect(res.status, scope).toBe(403);
    }
    expect((await call("POST", "/v1/tokens", { token: admin, json: { role: "uploader", scope: "P1706019876", name: "not stored" } })).status).toBe(422);
  });
});

describe("GET /v1/tokens and DELETE /v1/tokens/{id}", () => {
  it("lists tokens of the admin's scope without secrets or hashes", async () => {
    const { id } = await json(await call("POST", "/v1/tokens", { token: admin, json: { role: "analyst", scope: "1706", name: "listed" } }));
    const banten = await tokenFor("analyst", "36", "banten analyst");
    const body = await json(await call("GET", "/v1/tokens", { token: admin }));
    const ids = body.tokens.map((t: { id: string }) => t.id);
    expect(ids).toContain(id);
    expect(body.tokens.every((t: { scope: string }) => t.scope.startsWith("17") || t.scope.startsWith("P17"))).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/hash|nkr_/);
    expect(banten).toMatch(/^nkr_/);
  });

  it("revokes a token so its next request is refused, and answers 404 for an unknown id", async () => {
    const { id, token } = await json(await call("POST", "/v1/tokens", { token: admin, json: { role: "uploader", scope: "1706", name: "leaving" } }));
    expect((await call("GET", "/v1/uploads", { token })).status).toBe(200);
    const res = await call("DELETE", `/v1/tokens/${id}`, { token: admin });
    expect(res.status).toBe(200);
    expect((await json(res)).revoked_at).toEqual(expect.any(String));
    expect((await call("GET", "/v1/uploads", { token })).status).toBe(401);
    expect((await call("DELETE", "/v1/tokens/tok_nope", { token: admin })).status).toBe(404);
  });

  it("answers a token outside the admin's scope as an unknown id, telling nothing of its scope (attack finding 9a)", async () => {
    const banten = await json(await call("POST", "/v1/tokens", { token: await tokenFor("admin", "36"), json: { role: "uploader", scope: "3601", name: "Pandeglang" } }));
    const outside = await call("DELETE", `/v1/tokens/${banten.id}`, { token: admin });
    const unknown = await call("DELETE", "/v1/tokens/tok_nope", { token: admin });
    expect([outside.status, unknown.status]).toEqual([404, 404]);
    const told = (await json(outside)).error;
    expect(told.code).toBe((await json(unknown)).error.code);
    expect(told.message).toBe(`Token ${banten.id} tidak ditemukan.`);
    expect((await call("GET", "/v1/uploads", { token: banten.token })).status).toBe(200);
  });
});
