import { describe, expect, it } from "vitest";
import { createApiClient, type ClientOptions } from "../../../addin/api/client";
import { ApiError } from "../../../addin/api/errors";
import { backoffDelay, PUSH_RETRY } from "../../../addin/api/retry";
import type { UploadResponse, ValidateResponse } from "../../../shared/api/rosters";
import type { RosterRequest } from "../../../shared/schema/roster";
import { apiError, FakeApi, json, nakesRow, NAKES_HEADERS } from "../support/fakes";

const request: RosterRequest = { as_of: "2026-11-01", nakes: { columns: ["nik"], rows: [["1706015203900001"]] } };
const uploaded: UploadResponse = {
  upload_id: "upl_1",
  stored: { nakes: 1, pelatihan: 0 },
  counts: { error: 0, warning: 0, info: 0 },
  issues: [],
  diff: [{ kode_fasyankes: "P1706010101", added: 1, removed: 0, changed: 0, unchanged: 0 }],
};

function client(api: FakeApi, extra: Partial<ClientOptions> = {}) {
  const sleeps: number[] = [];
  const c = createApiClient({
    apiUrl: "http://api.test/",
    token: "tok_secret",
    lang: "id",
    fetch: api.fetch,
    hooks: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    ...extra,
  });
  return { c, sleeps };
}

describe("API client", () => {
  it("retries a push after dropped connections and a 503 with the same Idempotency-Key, and stores once", async () => {
    const api = new FakeApi().on(
      "POST /v1/rosters",
      new TypeError("Failed to fetch"),
      apiError(503, "internal", "sebentar"),
      new TypeError("network connection was lost"),
      json(201, uploaded),
    );
    const { c, sleeps } = client(api);
    const retries: number[] = [];
    const res = await c.push(request, { base: "b-7", idempotencyKey: "key-123", onRetry: (n) => retries.push(n) });

    expect(res.upload_id).toBe("upl_1");
    const sent = api.sent("POST /v1/rosters");
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((r) => r.headers["idempotency-key"]))).toEqual(new Set(["key-123"]));
    expect(sent.every((r) => r.headers["if-match"] === "b-7")).toBe(true);
    expect(sent.every((r) => JSON.stringify(r.body) === JSON.stringify(request))).toBe(true);
    expect(retries).toEqual([2, 3, 4]);
    // Waits grow between tries.
    expect(sleeps[0]!).toBeLessThan(sleeps[1]!);
    expect(sleeps[1]!).toBeLessThan(sleeps[2]!);
  });

  it("gives up after the last try and reports the network failure", async () => {
    const api = new FakeApi().on("POST /v1/rosters", new TypeError("Failed to fetch"));
    const { c } = client(api);
    const error = await c.push(request, { base: "b", idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("network");
    expect(api.sent("POST /v1/rosters")).toHaveLength(PUSH_RETRY.attempts);
  });

  it("does not retry a 412: the roster changed and only a new validation helps", async () => {
    const api = new FakeApi().on("POST /v1/rosters", apiError(412, "precondition_failed", "Roster berubah"));
    const { c } = client(api);
    const error = (await c.push(request, { base: "b", idempotencyKey: "k" }).catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code, error.message]).toEqual([412, "precondition_failed", "Roster berubah"]);
    expect(api.sent("POST /v1/rosters")).toHaveLength(1);
  });

  it("carries the issues of a 422 so the pane can show them", async () => {
    const issue = {
      severity: "error" as const,
      code: "kode_fasyankes.unknown" as const,
      table: "nakes" as const,
      row: 0,
      column: "kode_fasyankes",
      message: "Kode fasyankes P1706019999 tidak terdaftar",
    };
    const api = new FakeApi().on("POST /v1/rosters", apiError(422, "validation_failed", "Roster berisi kesalahan", [issue]));
    const { c } = client(api);
    const error = (await c.push(request, { base: "b", idempotencyKey: "k" }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(422);
    expect(error.issues).toEqual([issue]);
    expect(error.requestId).toBe("req-422");
  });

  it("sends the token, the UI language and JSON to the dry run, and reads its answer", async () => {
    const answer: ValidateResponse = { ok: true, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff: [], base: "b-1" };
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, answer));
    const { c } = client(api, { lang: "en" });
    const body = { as_of: "2026-11-01", nakes: { columns: NAKES_HEADERS, rows: [nakesRow()] } };
    expect(await c.validate(body)).toEqual(answer);
    const [sent] = api.sent("POST /v1/rosters/validate");
    expect(sent!.url.href).toBe("http://api.test/v1/rosters/validate");
    expect(sent!.headers["authorization"]).toBe("Bearer tok_secret");
    expect(sent!.headers["accept-language"]).toBe("en");
    expect(sent!.headers["content-type"]).toBe("application/json");
    expect(sent!.body).toEqual(body);
  });

  it("does not retry the dry run: a failed check is shown, not repeated", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", new TypeError("Failed to fetch"));
    const { c } = client(api);
    await expect(c.validate(request)).rejects.toMatchObject({ kind: "network" });
    expect(api.sent("POST /v1/rosters/validate")).toHaveLength(1);
  });

  it("turns a request that outlives its timeout into a timeout error", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const c = createApiClient({ apiUrl: "http://api.test", token: "t", lang: "id", fetch: hanging, timeouts: { read: 20, roster: 20 } });
    await expect(c.coverage({})).rejects.toMatchObject({ kind: "timeout" });
  });

  it("reads an error page that is not the API's shape by its status", async () => {
    const api = new FakeApi().on("GET /v1/coverage", new Response("<html>Bad gateway</html>", { status: 502 }));
    const { c } = client(api);
    await expect(c.coverage({ region: "1706" })).rejects.toMatchObject({ kind: "http", status: 502, code: "internal" });
    expect(api.requests[0]!.url.searchParams.get("region")).toBe("1706");
  });

  it("rejects a 200 whose body is not what the contract says", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, { hello: "world" }));
    const { c } = client(api);
    await expect(c.validate(request)).rejects.toMatchObject({ kind: "unexpected" });
  });

  it("refuses to call without an address or a token", async () => {
    const api = new FakeApi();
    const c = createApiClient({ apiUrl: "http://api.test", token: "  ", lang: "id", fetch: api.fetch });
    await expect(c.reference()).rejects.toMatchObject({ kind: "not_configured" });
    expect(api.requests).toHaveLength(0);
  });

  it("backs off exponentially up to a cap", () => {
    const policy = { attempts: 10, baseDelayMs: 1000, maxDelayMs: 8000 };
    const delays = [2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n, () => 1));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});
