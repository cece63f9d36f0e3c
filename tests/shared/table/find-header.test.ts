import { describe, expect, it } from "vitest";
import { findHeader } from "../../../shared/table/find-header";
import { keyOfHeader, matchHeaders } from "../../../shared/table/headers";

describe("headers as people write them", () => {
  it("ignore a trailing *, a hint in parentheses and a hint after a colon", () => {
    expect(keyOfHeader("NIK*", "nakes")).toBe("nik");
    expect(keyOfHeader("NIK (16 digit) *", "nakes")).toBe("nik");
    expect(keyOfHeader("Jenis Kelamin (L/P)", "nakes")).toBe("jenis_kelamin");
    expect(keyOfHeader("Tanggal Lahir (dd/mm/yyyy)", "nakes")).toBe("tanggal_lahir");
    expect(keyOfHeader("Tanggal Lahir: dd/mm/yyyy", "nakes")).toBe("tanggal_lahir");
  });

  it("know the abbreviations Ket and TMT", () => {
    expect(keyOfHeader("Ket", "nakes")).toBe("keterangan");
    expect(keyOfHeader("Ket.", "nakes")).toBe("keterangan");
    expect(keyOfHeader("TMT", "nakes")).toBe("tmt_penugasan");
  });

  it("still keep a whole header that is itself a name (L/P) and report a hinted unknown one as written", () => {
    expect(keyOfHeader("L/P", "nakes")).toBe("jenis_kelamin");
    const { keys, issues } = matchHeaders(["Golongan (III/a)"], "pelatihan");
    expect(keys).toEqual([null]);
    expect(issues[0]).toMatchObject({ code: "header.unknown", column: "Golongan (III/a)" });
  });

  it("ignore the row-number column (No, No., No Urut) without a warning", () => {
    const { keys, issues } = matchHeaders(["No", "No.", "No Urut", "NIK", "Pelatihan", "Tahun"], "pelatihan");
    expect(keys).toEqual([null, null, null, "nik", "kode_pelatihan", "tahun"]);
    expect(issues).toEqual([]);
  });
});

describe("findHeader", () => {
  const header = ["NIK", "Nama Lengkap", "L/P", "Tgl Lahir"];
  const person = ["1706015203850001", "Siti", "P", "12/03/1985"];

  it("takes row 0 when it is the header", () => {
    expect(findHeader([header, person], "nakes")).toEqual({ row: 0, height: 1, columns: header, dataStart: 1 });
  });

  it("skips title rows and blank rows above the header", () => {
    const grid = [["DATA TENAGA KESEHATAN PUSKESMAS KOTA MUKOMUKO", null, null], [null, null], ["Bulan: November 2026"], header, person];
    expect(findHeader(grid, "nakes")).toEqual({ row: 3, height: 1, columns: header, dataStart: 4 });
  });

  it("reads a group over sub-headers as one header, the group written once over merged cells", () => {
    const grid = [
      ["No", "NIK", "Nama", "STR", null, "SIP", null, "TMT"],
      [null, null, null, "Nomor", "Berlaku s.d.", "Nomor", "Berlaku s.d.", null],
      [1, ...person.slice(0, 2), "123", "SEUMUR HIDUP", "503/1", "01/05/2029", null],
    ];
    const found = findHeader(grid, "nakes");
    expect(found).toMatchObject({ row: 0, height: 2, dataStart: 2 });
    expect(matchHeaders(found.columns, "nakes").keys).toEqual([null, "nik", "nama", "no_str", "str_berlaku_sampai", "no_sip", "sip_berlaku_sampai", "tmt_penugasan"]);
  });

  it("does not take the first data row for sub-headers", () => {
    expect(findHeader([header, person, person], "nakes")).toMatchObject({ height: 1, dataStart: 1 });
  });

  it("falls back to row 0 when no row names two columns, so header.missing says what is missing", () => {
    expect(findHeader([["a", "b"], ["1", "2"]], "nakes")).toEqual({ row: 0, height: 1, columns: ["a", "b"], dataStart: 1 });
    expect(findHeader([], "nakes")).toEqual({ row: 0, height: 1, columns: [], dataStart: 0 });
  });
});
