import { beforeAll, describe, expect, it } from "vitest";
import { referenceData, referenceSchema } from "../../../shared/reference";
import { call, json, seedDemo, tokenFor } from "../support";

let token: string;

beforeAll(async () => {
  await seedDemo();
  token = await tokenFor("analyst", "36");
});

describe("GET /v1/reference", () => {
  it("serves the reference of shared/ to any role, in its schema", async () => {
    const res = await call("GET", "/v1/reference", { token });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(referenceSchema.safeParse(body).success).toBe(true);
    expect(body).toEqual(JSON.parse(JSON.stringify(referenceData)));
  });

  it("answers 304 to a client that has the current version", async () => {
    const first = await call("GET", "/v1/reference", { token });
    const tag = first.headers.get("ETag");
    expect(tag).toBeTruthy();
    const again = await call("GET", "/v1/reference", { token, headers: { "If-None-Match": tag! } });
    expect(again.status).toBe(304);
  });
});
