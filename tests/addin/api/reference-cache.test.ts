import { describe, expect, it } from "vitest";
import { createApiClient } from "../../../addin/api/client";
import { bestReference, currentReference, REFERENCE_KEY, refreshReference } from "../../../addin/api/reference-cache";
import { referenceData } from "../../../shared/reference";
import { FakeApi, json, MemoryStorage } from "../support/fakes";

const clientWith = (api: FakeApi) => createApiClient({ apiUrl: "http://api.test", token: "t", lang: "id", fetch: api.fetch });

describe("reference data for offline use", () => {
  it("uses the built-in reference before anything was fetched", () => {
    expect(currentReference(new MemoryStorage())).toEqual({ data: referenceData, source: "builtin", fetchedAt: null });
  });

  it("keeps what GET /v1/reference returned and serves it when offline", async () => {
    const storage = new MemoryStorage();
    const online = new FakeApi().on("GET /v1/reference", json(200, referenceData));
    const fresh = await refreshReference(clientWith(online), storage, () => new Date("2026-11-01T08:00:00Z"));
    expect(fresh.fetchedAt).toBe("2026-11-01T08:00:00.000Z");

    const offline = new FakeApi().on("GET /v1/reference", new TypeError("Failed to fetch"));
    const known = await bestReference(clientWith(offline), storage);
    expect(known).toEqual({ data: referenceData, source: "server", fetchedAt: "2026-11-01T08:00:00.000Z" });
  });

  it("ignores a damaged cache", () => {
    const storage = new MemoryStorage();
    storage.setItem(REFERENCE_KEY, JSON.stringify({ fetchedAt: "x", data: { nope: true } }));
    expect(currentReference(storage).source).toBe("builtin");
  });
});
