import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import wranglerConfig from "../../../worker/wrangler.jsonc?raw";
import { call, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Issue 10 item 8: the rate limit runs on the Workers Rate Limiting binding (simulated by workerd
 * here), per token and per client address for requests without a valid token, with no D1 write.
 */

/** wrangler.jsonc without its comments. */
const config = JSON.parse(wranglerConfig.replace(/^\s*\/\/.*$/gm, "")) as {
  ratelimits: { name: string; simple: { limit: number; period: number } }[];
  vars: Record<string, string>;
};
const LIMIT = Number(config.vars.RATE_LIMIT_PER_MINUTE);

beforeAll(async () => {
  await seedDemo();
});

/**
 * The simulated limiter counts in windows aligned to the wall-clock minute: a test that counts starts
 * early in a window, so no boundary falls inside it (a boundary would reset the count).
 */
async function freshWindow(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 40_000) await new Promise((r) => setTimeout(r, 60_000 - into + 50));
}

/** `n` requests, a few dozen at a time (the runtime's counter is what is measured, not concurrency). */
async function many(n: number, send: (i: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => send(i + j).then(async (r) => (await r.arrayBuffer(), r.status))));
    statuses.push(...batch);
  }
  return statuses;
}

describe("the rate limit", () => {
  it("is the binding's limit per minute, the number the API tells clients", () => {
    const binding = config.ratelimits.find((r) => r.name === "RATE_LIMITER");
    expect(binding?.simple).toEqual({ limit: LIMIT, period: 60 });
    expect(LIMIT).toBeGreaterThan(0);
  });

  it("refuses a token's requests past the limit with 429 in the error shape, and leaves other tokens alone", async () => {
    const busy = await tokenFor("analyst", "17", "busy analyst");
    await freshWindow();
    const calm = await tokenFor("analyst", "17", "calm analyst");
    const statuses = await many(LIMIT, () => call("GET", "/v1/reference", { token: busy }));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const res = await call("GET", "/v1/reference", { token: busy });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(res.headers.get("RateLimit-Limit")).toBe(String(LIMIT));
    const body = await json(res);
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toContain(`${LIMIT} per menit`);
    expect((await call("GET", "/v1/reference", { token: calm })).status).toBe(200);
  });

  it("counts dry runs", async () => {
    const uploader = await tokenFor("uploader", "1706", "probing uploader");
    await freshWindow();
    await many(LIMIT - 1, () => call("GET", "/v1/reference", { token: uploader }));
    expect((await call("POST", "/v1/rosters/validate", { token: uploader, json: roster(2, { seed: 401 }) })).status).toBe(200);
    expect((await call("POST", "/v1/rosters/validate", { token: uploader, json: roster(2, { seed: 401 }) })).status).toBe(429);
  });

  it("limits requests with unknown or missing tokens by client address", async () => {
    const from = (ip: string, i: number) =>
      call("GET", "/v1/reference", { headers: { "CF-Connecting-IP": ip, ...(i % 2 === 0 ? { Authorization: `Bearer nkr_${(crypto.randomUUID() + crypto.randomUUID()).replaceAll("-", "").slice(0, 43)}` } : {}) } });
    await freshWindow();
    const statuses = await many(LIMIT, (i) => from("203.0.113.7", i));
    expect(statuses.every((s) => s === 401)).toBe(true);
    const res = await from("203.0.113.7", 0);
    expect(res.status).toBe(429);
    expect((await json(res)).error.code).toBe("rate_limited");
    expect((await from("203.0.113.8", 0)).status).toBe(401);
  });

  it("writes nothing to D1 (the old per-minute table is gone)", async () => {
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'rate_limits'").all();
    expect(tables.results).toEqual([]);
  });
});
