import { describe, expect, it } from "vitest";
import { csvOf } from "../../../shared/tindak-lanjut/csv";

describe("the lists' CSV", () => {
  it("writes a BOM, a header of the columns and one CRLF line per row", () => {
    expect(csvOf(["a", "b"], [{ a: "x", b: 1 }, { a: null, b: null }])).toBe("\uFEFFa,b\r\nx,1\r\n,\r\n");
  });

  it("keeps text that would be a formula as text (through the one CSV writer), and numbers as numbers", () => {
    const text = csvOf(["t", "n"], [{ t: "=HYPERLINK(\"http://x\")", n: -12 }, { t: "+62 811", n: 3 }, { t: "@SUM(A1)", n: 0 }, { t: "-", n: 1 }]);
    const lines = text.slice(1).split("\r\n");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",-12`);
    expect(lines[2]).toBe(`"'+62 811",3`);
    expect(lines[3]).toBe(`"'@SUM(A1)",0`);
    expect(lines[4]).toBe(`"'-",1`);
  });

  it("quotes commas, quotes and line breaks, and joins lists", () => {
    const text = csvOf(["a", "b"], [{ a: "Siti, S.Keb", b: ["BIDAN", "PERAWAT"] }, { a: "baris\nbaru", b: [] }]);
    expect(text.slice(1).split("\r\n").slice(1, 3)).toEqual(['"Siti, S.Keb","BIDAN, PERAWAT"', '"baris\nbaru",']);
  });
});
