import { describe, expect, it } from "vitest";
import { csvTable, decodeCsvBytes, parseCsv } from "../../../shared/table/csv";

describe("parseCsv", () => {
  it("reads the semicolons Indonesian Excel writes", () => {
    expect(parseCsv("NIK;Nama\n1706015203850001;Siti\n")).toEqual({ headers: ["NIK", "Nama"], rows: [["1706015203850001", "Siti"]], delimiter: ";", skippedLines: 1 });
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

  it("reads the delimiter a first line sep= names, and does not take that line for the header", () => {
    expect(parseCsv("sep=;\r\nNIK;Nama\r\n1706015203850001;Siti, dr.\r\n")).toMatchObject({
      headers: ["NIK", "Nama"],
      rows: [["1706015203850001", "Siti, dr."]],
      delimiter: ";",
      skippedLines: 2,
    });
    expect(parseCsv("sep=,\nNIK,Nama\n1,2\n").delimiter).toBe(",");
  });

  it("skips title rows above the header, as the add-in does", () => {
    const csv = "DATA TENAGA KESEHATAN PUSKESMAS 2026;;\n;;\nNIK;Nama Lengkap;L/P\n1706015203850001;Siti;P\n";
    expect(parseCsv(csv)).toMatchObject({ headers: ["NIK", "Nama Lengkap", "L/P"], rows: [["1706015203850001", "Siti", "P"]], skippedLines: 3 });
  });

  it("reads a two-row header (STR over Nomor | Berlaku s.d.) as one", () => {
    const csv = "NIK;Nama;STR;;SIP;\n;;Nomor;Berlaku s.d.;Nomor;Berlaku s.d.\n1706015203850001;Siti;123;SEUMUR HIDUP;503/1;01/05/2029\n";
    const t = csvTable(csv);
    expect(t.rows).toEqual([["1706015203850001", "Siti", "123", "SEUMUR HIDUP", "503/1", "01/05/2029"]]);
    expect(t.columns).toEqual(["NIK", "Nama", "STR Nomor", "STR Berlaku s.d.", "SIP Nomor", "SIP Berlaku s.d."]);
  });
});

describe("decodeCsvBytes", () => {
  const utf16le = (s: string) => {
    const out = new Uint8Array(2 + s.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      out[2 + i * 2] = s.charCodeAt(i) & 0xff;
      out[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    return out;
  };

  it("decodes Excel's Unicode Text (UTF-16LE with BOM) and drops the BOM", () => {
    expect(decodeCsvBytes(utf16le("NIK\tNama\r\n1706\tSiti Ṣ\r\n"))).toBe("NIK\tNama\r\n1706\tSiti Ṣ\r\n");
  });

  it("decodes UTF-8, and Windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("Nama;Ket\nSiti;catatan – tugas"))).toBe("Nama;Ket\nSiti;catatan – tugas");
    expect(decodeCsvBytes(new Uint8Array([0x4e, 0x61, 0x6d, 0x61, 0x3b, 0x96]))).toBe("Nama;–");
  });
});
