import { describe, expect, it } from "vitest";
import { csvTable, parseCsv } from "../../../shared/table/csv";

describe("parseCsv", () => {
  it("reads the semicolons Indonesian Excel writes", () => {
    expect(parseCsv("NIK;Nama\n1706015203850001;Siti\n")).toEqual({ headers: ["NIK", "Nama"], rows: [["1706015203850001", "Siti"]], delimiter: ";" });
  });

  it("reads commas, CRLF and quoted fields holding the delimiter", () => {
    expect(parseCsv('NIK,Nama\r\n1706015203850001,"Aminah, dr."\r\n').rows).toEqual([["1706015203850001", "Aminah, dr."]]);
  });

  it("drops a byte-order mark so the first header reads clean", () => {
    expect(parseCsv("\ufeffNIK;Nama\n1;2").headers).toEqual(["NIK", "Nama"]);
  });

  it("keeps every value a string and turns empty fields into null", () => {
    const { rows } = parseCsv("NIK;Tahun;Nama\n1706015203850001;2024;\n");
    expect(rows).toEqual([["1706015203850001", "2024", null]]);
  });

  it("keeps blank lines as empty rows so row numbers follow the file", () => {
    expect(parseCsv("a;b\n1;2\n\n3;4\n").rows).toEqual([["1", "2"], [null], ["3", "4"]]);
  });

  it("returns no headers for an empty file", () => {
    expect(parseCsv("")).toMatchObject({ headers: [], rows: [] });
  });

  it("gives the table shape of an upload, headers as columns", () => {
    expect(csvTable("Nama;L/P\nSiti;P\n")).toEqual({ columns: ["Nama", "L/P"], rows: [["Siti", "P"]] });
  });
});
