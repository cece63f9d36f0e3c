import { beforeAll, describe, expect, it } from "vitest";
import type { ValidateResponse } from "../../../shared/api/rosters";
import { toExcelCsv } from "../../../fixtures/demo/samples";
import { demoFacilitiesTable, mukomukoFacilities } from "../../../fixtures/demo";
import { call, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Issue 13 item 2 (SPEC §7 Responses): request bodies may be gzip-compressed; the size limits apply
 * after decompression, and a bad gzip body is a 400.
 */

let admin: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
});

async function gzip(text: string | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
}

const gz = (type: string) => ({ "Content-Type": type, "Content-Encoding": "gzip" });

describe("a gzip-compressed body", () => {
  it("is read as the same roster on the dry run", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(40, { facilities, seed: 701, messy: true });
    const plain = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: admin, json: r }));
    const res = await call("POST", "/v1/rosters/validate", { token: admin, body: await gzip(JSON.stringify(r)), headers: gz("application/json") });
    expect(res.status).toBe(200);
    expect(await json<ValidateResponse>(res)).toEqual(plain);
  });

  it("uploads a CSV roster", async () => {
    const facilities = await freshFacilities(1);
    const csv = toExcelCsv(roster(10, { facilities, seed: 702, pelatihan: false }));
    const res = await call("POST", "/v1/rosters?as_of=2026-11-01", { token: admin, body: await gzip(csv), headers: gz("text/csv") });
    expect(res.status).toBe(201);
    expect((await json(res)).stored.nakes).toBe(10);
  });

  it("is read the same by the master endpoints", async () => {
    const text = JSON.stringify({ fasyankes: demoFacilitiesTable(mukomukoFacilities) });
    const plain = await call("PUT", "/v1/facilities", { token: admin, body: text, headers: { "Content-Type": "application/json" } });
    const packed = await call("PUT", "/v1/facilities", { token: admin, body: await gzip(text), headers: gz("application/json") });
    expect(packed.status).toBe(200);
    expect(packed.status).toBe(plain.status);
    expect(await json(packed)).toEqual(await json(plain));
  });

  it("is measured against the size limit after decompression, stopping at the limit (413)", async () => {
    const bomb = await gzip(new Uint8Array(5_000_000).fill(32));
    expect(bomb.byteLength).toBeLessThan(100_000);
    const res = await call("POST", "/v1/rosters/validate", { token: admin, body: bomb, headers: gz("application/json"), vars: { MAX_BODY_BYTES: "1000000" } });
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("payload_too_large");
  });

  it("that is not gzip is a 400 in the error shape", async () => {
    for (const body of [new TextEncoder().encode('{"nakes":{"columns":[],"rows":[]}}'), (await gzip("{}")).slice(0, 12)]) {
      const res = await call("POST", "/v1/rosters/validate", { token: admin, body, headers: gz("application/json") });
      expect(res.status).toBe(400);
      const e = (await json(res)).error;
      expect(e.code).toBe("bad_request");
      expect(e.message).toMatch(/gzip/);
    }
  });

  it("in an encoding other than gzip is a 415", async () => {
    const res = await call("POST", "/v1/rosters/validate", { token: admin, body: "{}", headers: { "Content-Type": "application/json", "Content-Encoding": "br" } });
    expect(res.status).toBe(415);
  });
});
