import { describe, expect, it } from "vitest";
import type { ValidateResponse } from "../../../../shared/api/rosters";
import { ApiError } from "../../../../addin/api/errors";
import { checkOnServer, serverCheckFailed } from "../../../../addin/roster/steps/server-check";
import type { MappedRoster } from "../../../../addin/roster/to-request";
import { FakeApi, json } from "../../support/fakes";
import { clientOf } from "./helpers";

const mapped: MappedRoster = { request: { as_of: "2026-11-29", nakes: { columns: ["nik"], rows: [["1706015203900001"]] } }, layout: {} };
const staged = { id: "6f1c1f1e-8a63-4a4e-9a55-0d7b7f1f2a10", expires_at: "2026-11-30T00:00:00Z" };
const clean: ValidateResponse = { ok: true, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff: [], base: "base-1", staged };

describe("the server check", () => {
  it("asks for a staged dry run of the request and returns the server's findings", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, clean));
    const found = await checkOnServer(clientOf(api), mapped);
    const [sent] = api.sent("POST /v1/rosters/validate");
    expect(sent!.url.searchParams.get("stage")).toBe("1");
    expect(sent!.body).toEqual(mapped.request);
    expect(found).toEqual({ source: "server", ok: true, counts: clean.counts, issues: [], diff: [], base: "base-1", staged });
  });

  it("tells the flow a cancel, an unreachable server (and whether bytes had moved) and any other failure apart", () => {
    const timeout = new ApiError("timeout", "slow");
    expect(serverCheckFailed(new ApiError("cancelled", "stop"), true)).toEqual({ type: "cancelled" });
    expect(serverCheckFailed(new ApiError("network", "down"), false)).toEqual({ type: "unreachable", midway: false });
    expect(serverCheckFailed(timeout, true)).toEqual({ type: "unreachable", midway: true });
    const refused = new ApiError("http", "no", 403, "forbidden");
    expect(serverCheckFailed(refused, true)).toEqual({ type: "failed", error: refused });
  });

  it("rejects with the client's error when the server cannot be reached", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", new TypeError("Failed to fetch"));
    const failure = await checkOnServer(clientOf(api), mapped).catch((e: unknown) => e);
    expect(serverCheckFailed(failure, false)).toEqual({ type: "unreachable", midway: false });
  });
});
