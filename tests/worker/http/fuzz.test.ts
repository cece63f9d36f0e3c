import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { NAKES_KEYS } from "../../../fixtures/demo";
import { call, seedDemo, tokenFor } from "../support";

let token: string;

beforeAll(async () => {
  await seedDemo();
  token = await tokenFor("admin", "17");
});

const cell = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.stringMatching(/^\d{16}$/), fc.constantFrom("P1706010101", "2026-11-01", "SEUMUR HIDUP", "PNS", "dr"));
const rosterLike = fc.record(
  {
    as_of: fc.oneof(fc.constant("2026-11-01"), fc.string()),
    nakes: fc.record({
      columns: fc.oneof(fc.constant([...NAKES_KEYS] as string[]), fc.array(fc.oneof(fc.constantFrom(...NAKES_KEYS), fc.string()), { maxLength: 20 })),
      rows: fc.array(fc.array(cell, { maxLength: 17 }), { maxLength: 8 }),
    }),
    pelatihan: fc.record({ columns: fc.array(fc.string(), { maxLength: 5 }), rows: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 4 }) }),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.string(),
  fc.json(),
  rosterLike.map((r) => JSON.stringify(r)),
  fc.uint8Array({ maxLength: 64 }),
  fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), { maxLength: 6 }).map((rows) => rows.map((r) => r.join(";")).join("\n")),
);
const header = fc.option(fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), { nil: undefined });
const target = fc.constantFrom(
  ["POST", "/v1/rosters/validate"],
  ["POST", "/v1/rosters"],
  ["POST", "/v1/rosters/validate?stage=1"],
  ["POST", "/v1/rosters/commit"],
  ["PUT", "/v1/facilities"],
  ["PUT", "/v1/population"],
  ["POST", "/v1/tokens"],
  ["GET", "/v1/uploads?limit=abc"],
  ["GET", "/v1/rosters/%00%ff"],
  ["DELETE", "/v1/tokens/x"],
);

describe("any request a client can send", () => {
  it("gets a 2xx or 4xx answer, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        target,
        body,
        fc.constantFrom("application/json", "text/csv", "text/plain", "application/json; charset=utf-8", "", "multipart/form-data"),
        header,
        header,
        fc.constantFrom("id", "en", "xx", ""),
        fc.boolean(),
        async ([method, path], b, contentType, idemKey, ifMatch, lang, withToken) => {
          const headers: Record<string, string> = {};
          if (contentType) headers["Content-Type"] = contentType;
          if (idemKey !== undefined) headers["Idempotency-Key"] = idemKey;
          if (ifMatch !== undefined) headers["If-Match"] = ifMatch;
          if (lang) headers["Accept-Language"] = lang;
          const res = await call(method!, path!, { token: withToken ? token : undefined, body: method === "GET" || method === "DELETE" ? undefined : b, headers });
          const text = await res.text();
          expect(res.status, `${method} ${path} → ${res.status}: ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expect(JSON.parse(text).error.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 250 },
    );
  });
});
