import { describe, expect, it } from "vitest";
import { issueSchema } from "../../shared/schema/issue";

describe("the issue record", () => {
  it("accepts the example of SPEC §5", () => {
    const example = {
      severity: "error", code: "sip.expired", table: "nakes", row: 41, column: "sip_berlaku_sampai",
      value: "2026-09-30", message: "SIP sudah tidak berlaku sejak 30 September 2026",
      related: [{ row: 12, column: "nik" }],
    };
    expect(issueSchema.parse(example)).toEqual(example);
  });
  it("rejects an unknown code", () => {
    expect(issueSchema.safeParse({ severity: "error", code: "nope", table: "nakes", row: 0, column: null, message: "x" }).success).toBe(false);
  });
});
