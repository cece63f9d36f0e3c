import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvField, writeCsv, type CsvValue } from "../../../shared/table/csv-write";

const parse = (csv: string, delimiter = ",") => Papa.parse<string[]>(csv, { delimiter, newline: "\r\n" }).data.filter((r) => !(r.length === 1 && r[0] === ""));

describe("csvField: one cell, formula-safe (OWASP CSV Injection)", () => {
  it.each(["=HYPERLINK(\"http://x\",\"klik\")", "+62 812", "-1+1", "@SUM(A1)", "\tDDE", "\r=1"])("makes %j text: a leading ' and quotes", (text) => {
    const field = csvField(text);
    expect(field.startsWith(`"'`)).toBe(true);
    expect(parse(field)[0]).toEqual([`'${text}`]);
  });

  it("leaves ordinary text alone and quotes only what needs quotes", () => {
    expect(csvField("Puskesmas Lubuk Pinang")).toBe("Puskesmas Lubuk Pinang");
    expect(csvField("Bidan, D3")).toBe('"Bidan, D3"');
    expect(csvField('RS "Bhayangkara"')).toBe('"RS ""Bhayangkara"""');
    expect(csvField("baris\nkedua")).toBe('"baris\nkedua"');
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a;b", ",")).toBe("a;b");
  });

  it("writes numbers as numbers, negative ones too, since the program computed them", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(0.125)).toBe("0.125");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(Number.POSITIVE_INFINITY)).toBe("");
  });

  it("writes null and undefined as empty and booleans as TRUE/FALSE", () => {
    expect([csvField(null), csvField(undefined), csvField(true), csvField(false)]).toEqual(["", "", "TRUE", "FALSE"]);
  });
});

describe("writeCsv", () => {
  it("writes the header and rows with CRLF line ends, padding short rows", () => {
    expect(writeCsv(["kode", "nama", "jumlah"], [["1706", "Mukomuko", 12], ["1707"]])).toBe("kode,nama,jumlah\r\n1706,Mukomuko,12\r\n1707,,\r\n");
  });

  it("puts a byte-order mark first only when asked, and uses the delimiter given", () => {
    expect(writeCsv(["a", "b"], [[1, "x;y"]], { delimiter: ";", bom: true })).toBe('\uFEFFa;b\r\n1;"x;y"\r\n');
  });

  it("reads back, through a real CSV parser, as the same cells (text that looked like a formula with its ')", () => {
    const cell = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",", ";", "a", " ") }), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(fc.constantFrom<"," | ";">(",", ";"), fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (delimiter, rows) => {
        const back = parse(writeCsv(["x", "y"], rows as CsvValue[][], { delimiter }), delimiter);
        const expected = rows.map((r) => r.map((v) => (v === null ? "" : typeof v === "number" ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
        expect(back).toEqual([["x", "y"], ...expected]);
      }),
      { numRuns: 300 },
    );
  });
});
