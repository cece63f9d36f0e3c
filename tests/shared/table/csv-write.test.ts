import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { cleanCell } from "../../../shared/normalize/cell";
import { parseCsv } from "../../../shared/table/csv";
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
        const asText = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : /^(0\d+|\d{16,})$/.test(v) ? `="${v}"` : v);
        const expected = rows.map((r) => r.map((v) => (v === null ? "" : typeof v === "number" ? String(v) : asText(v))));
        expect(back).toEqual([["x", "y"], ...expected]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("digits Excel would change when it opens the file by double-click", () => {
  const NIK = "1706015001900001";
  const NIP = "198501012010012001";

  it("writes a NIK, a NIP and a leading-zero number as Excel's text formula =\"…\"", () => {
    expect(csvField(NIK)).toBe(`"=""${NIK}"""`);
    expect(csvField(NIP)).toBe(`"=""${NIP}"""`);
    expect(csvField("0812345")).toBe('"=""0812345"""');
    expect(parse(csvField(NIK))[0]).toEqual([`="${NIK}"`]);
  });

  it("leaves digits Excel keeps as they are: 15 digits or fewer without a leading 0, a lone 0, numbers", () => {
    expect(csvField("123456789012345")).toBe("123456789012345");
    expect(csvField("1706")).toBe("1706");
    expect(csvField("0")).toBe("0");
    expect(csvField(1706)).toBe("1706");
    expect(csvField("SIP/0002/2024")).toBe("SIP/0002/2024");
    expect(csvField("0812-345")).toBe("0812-345");
    expect(csvField(" 1706015001900001")).toBe(" 1706015001900001");
  });

  it("keeps its formula-safety for text: a leading = + - @ is still made text with '", () => {
    expect(csvField("+1706000000000011")).toBe(`"'+1706000000000011"`);
    expect(csvField(`="${NIK}"`)).toBe(`"'=""${NIK}"""`);
  });

  it("reads back through the project's own CSV reader and cell normaliser as the digits written", () => {
    const rows = [[NIK, NIP, "0812345", "Siti Aminah"]];
    for (const delimiter of [",", ";"] as const) {
      const table = parseCsv(writeCsv(["nik", "nip", "no_str", "nama"], rows, { delimiter, bom: true }));
      expect(table.rows.map((r) => r.map(cleanCell))).toEqual(rows);
    }
  });
});
