import { env } from "cloudflare:test";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv, Bindings } from "../../../worker/env";
import { readRawBody } from "../../../worker/http/body";

/**
 * Every CSV body is decoded by the one CSV decoder (SPEC §3.1 "CSV as Excel saves it"): UTF-16 with a
 * byte-order mark (Excel's "Unicode Text") on every route that takes CSV, not only the roster's.
 */
const app = new Hono<AppEnv>().post("/echo", async (c) => c.text((await readRawBody(c, ["csv"])).text));

const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
};

async function echo(body: Uint8Array): Promise<string> {
  const res = await app.fetch(new Request("http://api.test/echo", { method: "POST", headers: { "Content-Type": "text/csv" }, body }), env as unknown as Bindings);
  expect(res.status).toBe(200);
  return res.text();
}

describe("the body reader decodes CSV as Excel saves it", () => {
  it("reads UTF-16LE with a byte-order mark as text, not as Windows-1252", async () => {
    expect(await echo(utf16le("kode\tnama\nP1706010101\tPuskesmas Pondok Suguh\n"))).toBe("kode\tnama\nP1706010101\tPuskesmas Pondok Suguh\n");
  });
  it("still reads Windows-1252 where the bytes are not UTF-8", async () => {
    expect(await echo(new Uint8Array([0x4e, 0x61, 0x6d, 0x61, 0x0a, 0x52, 0xe9, 0x6e, 0x61]))).toBe("Nama\nRéna");
  });
});
