import { describe, expect, it } from "vitest";
import { call } from "./support";

/** Request ids that tie a user's error message to the request's line in Workers Logs. */
describe("request ids", () => {
  it("are Cloudflare's Ray ID when the request carries one, in the header and in an error body", async () => {
    const res = await call("GET", "/v1/uploads", { headers: { "cf-ray": "8f3a2b1c4d5e6f70-SIN" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe("8f3a2b1c4d5e6f70-SIN");
    expect(await res.json()).toMatchObject({ error: { request_id: "8f3a2b1c4d5e6f70-SIN" } });
  });

  it("are fresh and distinct per request without one (local development)", async () => {
    const a = (await call("GET", "/v1/health")).headers.get("x-request-id");
    const b = (await call("GET", "/v1/health")).headers.get("x-request-id");
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});
