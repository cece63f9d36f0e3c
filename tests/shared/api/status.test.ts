import { describe, expect, it } from "vitest";
import { errorCodeSchema } from "../../../shared/api/errors";
import { codeForStatus } from "../../../shared/api/status";

describe("codeForStatus", () => {
  it("names each status of SPEC §7 by its own code", () => {
    expect([400, 401, 403, 404, 409, 412, 413, 415, 422, 429].map(codeForStatus)).toEqual([
      "bad_request",
      "unauthorized",
      "forbidden",
      "not_found",
      "conflict",
      "precondition_failed",
      "payload_too_large",
      "unsupported_media_type",
      "validation_failed",
      "rate_limited",
    ]);
  });

  it("reads any other client error as bad_request and any server error as internal", () => {
    expect(codeForStatus(418)).toBe("bad_request");
    expect(codeForStatus(502)).toBe("internal");
    expect(codeForStatus(503)).toBe("internal");
  });

  it("answers only codes of the contract", () => {
    for (let s = 400; s < 600; s++) expect(errorCodeSchema.safeParse(codeForStatus(s)).success).toBe(true);
  });
});
