import { describe, expect, it } from "vitest";
import fixtures from "../fixtures/real-sheets/index";
import { caseFiles } from "../fixtures/real-sheets/make-index";

describe("the real-sheet case files", () => {
  it("are embedded byte for byte in index.ts, which the workerd tests read (rerun make-index.ts after changing a case)", () => {
    const files = caseFiles();
    expect(fixtures.names).toEqual(Object.keys(files));
    for (const [name, b64] of Object.entries(files)) expect(Buffer.from(fixtures.bytes(name)).toString("base64"), name).toBe(b64);
  });

  it("hold every case of the handout's README, the UTF-16 one as UTF-16", () => {
    expect(fixtures.names).toHaveLength(16);
    expect([...fixtures.bytes("c8_utf16le_unicode_text.csv").slice(0, 2)]).toEqual([0xff, 0xfe]);
  });
});
