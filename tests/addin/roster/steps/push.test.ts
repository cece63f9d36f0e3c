import { describe, expect, it } from "vitest";
import type { UploadResponse } from "../../../../shared/api/rosters";
import type { Issue } from "../../../../shared/schema/issue";
import { ApiError } from "../../../../addin/api/errors";
import type { Check } from "../../../../addin/roster/flow";
import { keepsKey, pushFailure, pushKeyFor, sendPush } from "../../../../addin/roster/steps/push";
import { apiError, FakeApi, json } from "../../support/fakes";
import { clientOf } from "./helpers";

const request = { as_of: "2026-11-29", nakes: { columns: ["nik"], rows: [["1706015203900001"]] } };
const stagedId = "6f1c1f1e-8a63-4a4e-9a55-0d7b7f1f2a10";
const check = { fingerprint: "f1", mapped: { request, layout: {} }, staged: null } as Pick<Check, "fingerprint" | "mapped" | "staged">;
const stored: UploadResponse = { upload_id: "upl_1", stored: { nakes: 1, pelatihan: 0 }, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff: [] };
const unknownFacility: Issue = { severity: "error", code: "kode_fasyankes.unknown", table: "nakes", row: 0, column: "kode_fasyankes", message: "Kode fasyankes tidak ada" };

let n = 0;
const fresh = () => `key-${++n}`;

describe("the push key", () => {
  it("is reused for the same request and base, and made anew when either changed", () => {
    const first = pushKeyFor(null, check, "base-1", fresh);
    expect(pushKeyFor(first, check, "base-1", fresh)).toEqual(first);
    expect(pushKeyFor(first, { ...check, fingerprint: "f2" }, "base-1", fresh).key).not.toBe(first.key);
    expect(pushKeyFor(first, check, "base-2", fresh)).toMatchObject({ fingerprint: "f1", base: "base-2" });
    expect(pushKeyFor(first, check, "base-2", fresh).key).not.toBe(first.key);
  });

  it("is a UUID by default", () => {
    expect(pushKeyFor(null, check, "base-1").key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe("sending", () => {
  it("sends the roster with If-Match and the Idempotency-Key", async () => {
    const api = new FakeApi().on("POST /v1/rosters", json(201, stored));
    expect(await sendPush(clientOf(api), check, { fingerprint: "f1", base: "base-1", key: "k-1" })).toEqual(stored);
    const [sent] = api.sent("POST /v1/rosters");
    expect(sent!.headers["if-match"]).toBe("base-1");
    expect(sent!.headers["idempotency-key"]).toBe("k-1");
    expect(sent!.body).toEqual(request);
  });

  it("commits the staged upload by id instead of sending the roster again", async () => {
    const api = new FakeApi().on("POST /v1/rosters/commit", json(201, stored));
    await sendPush(clientOf(api), { ...check, staged: { id: stagedId, expires_at: "2026-11-30T00:00:00Z" } }, { fingerprint: "f1", base: "b", key: "k" });
    expect(api.sent("POST /v1/rosters/commit")[0]!.body).toEqual({ staged_id: stagedId });
    expect(api.sent("POST /v1/rosters")).toHaveLength(0);
  });
});

describe("a failed push", () => {
  const failureOf = async (api: FakeApi) => pushFailure(await sendPush(clientOf(api), check, { fingerprint: "f1", base: "b", key: "k" }).catch((e: unknown) => e));

  it("is a conflict on 412 and spends the key", async () => {
    const failure = await failureOf(new FakeApi().on("POST /v1/rosters", apiError(412, "precondition_failed", "base berubah")));
    expect(failure).toEqual({ kind: "conflict" });
    expect(keepsKey(failure)).toBe(false);
  });

  it("is a rejection carrying the server's issues on 422 and spends the key", async () => {
    const failure = await failureOf(new FakeApi().on("POST /v1/rosters", apiError(422, "validation_failed", "Roster berisi kesalahan", [unknownFacility])));
    expect(failure).toEqual({ kind: "rejected", issues: [unknownFacility] });
    expect(keepsKey(failure)).toBe(false);
  });

  it("keeps the key after the retries run out in transit, or a cancel: the server may have stored it", async () => {
    const offline = await failureOf(new FakeApi().on("POST /v1/rosters", new TypeError("Failed to fetch")));
    expect(offline).toMatchObject({ kind: "failed", retryable: true });
    expect(keepsKey(offline)).toBe(true);
    const cancelled = pushFailure(new ApiError("cancelled", "stop"));
    expect(cancelled).toEqual({ kind: "cancelled" });
    expect(keepsKey(cancelled)).toBe(true);
  });

  it("spends the key on a refusal that sending again cannot change", async () => {
    const failure = await failureOf(new FakeApi().on("POST /v1/rosters", apiError(403, "forbidden", "di luar wilayah")));
    expect(failure).toMatchObject({ kind: "failed", retryable: false });
    expect(keepsKey(failure)).toBe(false);
  });
});
