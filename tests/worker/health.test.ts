import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("the API", () => {
  it("answers its health check", async () => {
    const res = await exports.default.fetch("http://api.test/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
