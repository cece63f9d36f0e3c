import { beforeAll, describe, expect, it } from "vitest";
import { call, json, seedDemo, tokenFor } from "../support";

/**
 * Issue 10 item 6: a body a client can send is a 4xx in the one error shape, however many wrong
 * elements it holds. 150,000 nulls as rows once overflowed the stack in the error path (500).
 */

let admin: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
});

const wrongElements: [string, (n: number) => unknown[]][] = [
  ["nulls", (n) => new Array(n).fill(null)],
  ["numbers", (n) => new Array(n).fill(7)],
  ["objects", (n) => Array.from({ length: n }, () => ({}))],
  ["rows of objects", (n) => Array.from({ length: n }, () => [{}])],
];

const endpoints: [string, string, string, (rows: unknown[]) => unknown][] = [
  ["POST", "/v1/rosters/validate", "nakes", (rows) => ({ nakes: { columns: ["nik"], rows } })],
  ["POST", "/v1/rosters", "nakes", (rows) => ({ nakes: { columns: ["nik"], rows } })],
  ["PUT", "/v1/facilities", "fasyankes", (rows) => ({ fasyankes: { columns: ["kode"], rows } })],
  ["PUT", "/v1/population", "penduduk", (rows) => ({ penduduk: { columns: ["kode_wilayah"], rows } })],
  ["PUT", "/v1/standards", "standar", (rows) => ({ standar: { columns: ["jenis_tenaga"], rows } })],
];

async function expectBadRequest(res: Response): Promise<string> {
  expect(res.status).toBe(400);
  const body = await json(res);
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe("bad_request");
  expect(body.error.message.length).toBeLessThan(2_000);
  return body.error.message as string;
}

describe("malformed tables of any size answer 400 in the error shape", () => {
  for (const [method, path, table, shape] of endpoints) {
    it(`${method} ${path}: 150,000 null rows (the reproduction) is a 400 naming where the shape broke`, async () => {
      const message = await expectBadRequest(await call(method, path, { token: admin, json: shape(new Array(150_000).fill(null)) }));
      expect(message).toContain(`${table}.rows[0]`);
    });
  }

  for (const [what, make] of wrongElements) {
    it(`a million ${what} as rows are a 400 on the roster dry run`, async () => {
      await expectBadRequest(await call("POST", "/v1/rosters/validate", { token: admin, json: { nakes: { columns: ["nik"], rows: make(1_000_000) } } }));
    });
  }

  it("wrong rows after a thousand good ones are still a 400", async () => {
    const rows = [...Array.from({ length: 1000 }, () => ["3674011509900001"]), ...new Array(200_000).fill(null)];
    await expectBadRequest(await call("POST", "/v1/rosters/validate", { token: admin, json: { nakes: { columns: ["nik"], rows } } }));
  });

  it("100,000 wrong-typed columns are a 400", async () => {
    await expectBadRequest(await call("POST", "/v1/rosters/validate", { token: admin, json: { nakes: { columns: new Array(100_000).fill(null), rows: [] } } }));
  });

  it("100,000 wrong-typed cells in one row are a 400", async () => {
    await expectBadRequest(await call("POST", "/v1/rosters/validate", { token: admin, json: { nakes: { columns: ["nik"], rows: [new Array(100_000).fill({})] } } }));
  });

  it("deeply nested arrays are a 400, not a stack overflow", async () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const res = await call("POST", "/v1/rosters/validate", { token: admin, body: `{"nakes":{"columns":["nik"],"rows":${deep}}}`, headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe("bad_request");
  });
});

describe("a CSV body is bounded like the JSON table shape", () => {
  it("a CSV with 150,001 header columns is answered with one header.too_many finding, not a 500", async () => {
    const header = Array.from({ length: 150_001 }, (_, i) => `kolom${i}`).join(",");
    const res = await call("POST", "/v1/rosters/validate", { token: admin, csv: `${header}\n` });
    expect(res.status).toBeLessThan(500);
    const body = await json(res);
    const tooMany = (body.issues as { code: string; message: string }[]).filter((i) => i.code === "header.too_many");
    expect(tooMany).toHaveLength(1);
    expect(tooMany[0]!.message).toContain("200");
    // Only the first 200 columns are matched, so at most 200 header findings come back.
    expect((body.issues as { code: string }[]).filter((i) => i.code === "header.unknown").length).toBeLessThanOrEqual(200);
  });
});
