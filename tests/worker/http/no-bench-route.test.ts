import { beforeAll, describe, expect, it } from "vitest";
import { call, roster, seedDemo, tokenFor } from "../support";

/** Issue 10 item 9: the naive-insert path of the upload benchmark is not part of the deployed Worker. */

let admin: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
});

describe("the deployed Worker", () => {
  it("has no benchmark route, whatever the vars say", async () => {
    for (const vars of [undefined, { BENCH_ROUTES: "1" }]) {
      const res = await call("POST", "/bench/naive-insert", { token: admin, json: roster(3, { seed: 601 }), ...(vars ? { vars } : {}) });
      expect(res.status).toBe(404);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe("not_found");
    }
  });
});
