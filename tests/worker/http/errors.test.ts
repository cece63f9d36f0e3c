import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../../worker/app";
import type { Bindings } from "../../../worker/env";
import { scrub } from "../../../worker/http/errors";
import { call, json, request, roster, seedDemo, tokenFor } from "../support";

let token: string;

beforeAll(async () => {
  await seedDemo();
  token = await tokenFor("admin", "17");
});

afterEach(() => vi.restoreAllMocks());

async function expectError(res: Response, status: number, code: string): Promise<{ code: string; message: string; request_id: string }> {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
  const body = await json(res);
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(body.error.request_id).toBe(res.headers.get("X-Request-Id"));
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+/);
  return body.error;
}

describe("bad input gets the one error shape, never a 500", () => {
  it("400 for a body that is not JSON", async () => {
    const res = await call("POST", "/v1/rosters/validate", { token, body: '{"nakes": [', headers: { "Content-Type": "application/json" } });
    await expectError(res, 400, "bad_request");
  });

  it("400 for JSON without the roster's shape, naming where", async () => {
    const res = await call("POST", "/v1/rosters/validate", { token, json: { nakes: { columns: ["nik"], rows: [[{ nested: 1 }]] } } });
    const e = await expectError(res, 400, "bad_request");
    expect(e.message).toContain("nakes.rows[0][0]");
  });

  it("400 for an invalid query parameter", async () => {
    await expectError(await call("GET", "/v1/uploads?limit=0", { token }), 400, "bad_request");
  });

  it("404 for an unknown path and an unknown upload", async () => {
    await expectError(await call("GET", "/v1/nothing-here", { token }), 404, "not_found");
    await expectError(await call("GET", "/v1/uploads/does-not-exist", { token }), 404, "not_found");
  });

  it("413 over the body limit, stating the limit", async () => {
    const r = roster(50, { seed: 91 });
    const res = await call("POST", "/v1/rosters/validate", { token, json: r, vars: { MAX_BODY_BYTES: String(4 * 1024) } });
    const e = await expectError(res, 413, "payload_too_large");
    expect(e.message).toContain("4 KB");
  });

  it("413 states the default limit of 50 MB", async () => {
    const res = await call("POST", "/v1/rosters/validate", { token, body: "x", headers: { "Content-Type": "application/json", "Content-Length": String(60 * 1024 * 1024) } });
    const e = await expectError(res, 413, "payload_too_large");
    expect(e.message).toContain("50 MB");
  });

  it("422 with upload.too_large over the row limit", async () => {
    const res = await call("POST", "/v1/rosters", { token, json: roster(30, { seed: 92 }), vars: { MAX_ROWS: "20" } });
    const e = await expectError(res, 422, "validation_failed");
    expect(JSON.stringify(e)).toContain("upload.too_large");
  });

  it("415 for a wrong or missing content type", async () => {
    await expectError(await call("POST", "/v1/rosters", { token, body: "nik\n1", headers: { "Content-Type": "text/plain" } }), 415, "unsupported_media_type");
    await expectError(await call("POST", "/v1/rosters", { token, body: new Uint8Array([1, 2, 3]) }), 415, "unsupported_media_type");
    await expectError(await call("PUT", "/v1/facilities", { token, csv: "kode\nP1" }), 415, "unsupported_media_type");
  });

  it("messages in Indonesian by default and English on request", async () => {
    const id = await expectError(await call("GET", "/v1/reference"), 401, "unauthorized");
    const en = await expectError(await call("GET", "/v1/reference", { headers: { "Accept-Language": "en" } }), 401, "unauthorized");
    expect(id.message).toMatch(/Token tidak ada/);
    expect(en.message).toMatch(/Missing or invalid token/);
  });
});

describe("unexpected failures", () => {
  it("answer 500 in the error shape, and the log line holds no NIK or name", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
    const broken = {
      prepare: () => {
        throw new Error("SQLITE: constraint on value '3674011509900001' for 'Siti Aminah'");
      },
      batch: () => Promise.reject(new Error("nope")),
      withSession: () => broken,
    };
    const app = createApp();
    const res = await app.fetch(request("GET", "/v1/reference", { token }), { ...env, DB: broken } as unknown as Bindings);
    await expectError(res, 500, "internal");
    expect(errors.join("\n")).not.toMatch(/3674011509900001|Siti/);
    expect(errors.length).toBeGreaterThan(0);
  });

  it("scrub blanks digit runs and quoted values", () => {
    expect(scrub(`bad NIK 3674011509900001 for "Budi Santoso"`)).toBe("bad NIK # for '…'");
  });
});

describe("HTTP hygiene", () => {
  it("answers CORS preflight for the add-in's origin only", async () => {
    // npm start allows its pane's origin with --var; the deployed config (and this Worker's) allows none.
    const pre = (origin: string, vars?: { CORS_ORIGINS: string }) =>
      call("OPTIONS", "/v1/rosters", { vars, headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type,idempotency-key,if-match" } });
    const ok = await pre("https://localhost:3000", { CORS_ORIGINS: "https://localhost:3000" });
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe("https://localhost:3000");
    expect(ok.headers.get("Access-Control-Allow-Headers")).toMatch(/Idempotency-Key/);
    expect((await pre("https://evil.example", { CORS_ORIGINS: "https://localhost:3000" })).headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect((await pre("https://localhost:3000")).headers.get("Access-Control-Allow-Origin")).toBeNull();
    const other = await call("GET", "/v1/health", { headers: { Origin: "https://roster.dinkes.example" }, vars: { CORS_ORIGINS: "https://roster.dinkes.example" } });
    expect(other.headers.get("Access-Control-Allow-Origin")).toBe("https://roster.dinkes.example");
  });

  it("sends secure headers and a request id", async () => {
    const res = await call("GET", "/v1/health");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Strict-Transport-Security")).toMatch(/max-age/);
    expect(res.headers.get("X-Request-Id")).toMatch(/\S{8,}/);
  });
});
