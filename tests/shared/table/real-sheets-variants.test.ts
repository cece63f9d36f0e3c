import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "../../../shared/table/csv";
import { findHeader } from "../../../shared/table/find-header";
import { keyOfHeader } from "../../../shared/table/headers";

/** Other instances of issue 11's kinds in headers and CSV bytes (variant findings 3 and 8). */

describe("STR and SIP date headers are matched by their words, in any order", () => {
  it("name the SIP date column whatever order its words come in", () => {
    for (const h of [
      "Tanggal Berlaku SIP",
      "SIP Tanggal Berlaku",
      "Berlaku SIP s.d.",
      "Masa Berlaku SIP s/d",
      "Tgl. Berlaku SIP",
      "SIP Berlaku s.d.",
      "Tgl Akhir SIP",
      "SIP Berlaku Hingga",
      "Masa Berlaku SIP (dd/mm/yyyy) *",
      "SIP Berlaku s.d. Tanggal",
      "Tanggal Berakhir SIP",
    ]) {
      expect(keyOfHeader(h, "nakes"), h).toBe("sip_berlaku_sampai");
      expect(keyOfHeader(h.replace(/SIP/g, "STR"), "nakes"), h.replace(/SIP/g, "STR")).toBe("str_berlaku_sampai");
    }
  });

  it("leave the numbers and a date of neither licence alone", () => {
    expect(keyOfHeader("No. SIP", "nakes")).toBe("no_sip");
    expect(keyOfHeader("STR", "nakes")).toBe("no_str");
    expect(keyOfHeader("Berlaku s.d.", "nakes")).toBeNull();
    expect(keyOfHeader("Tanggal Berlaku STR SIP", "nakes")).toBeNull();
    expect(keyOfHeader("Masa Kerja SIP", "nakes")).toBeNull();
  });

  it("merge a two-row header whose sub-header under STR/SIP is any such date label", () => {
    const top = ["NIK", "Nama Lengkap", "STR", "", "SIP", ""];
    for (const sub of ["Tanggal Berlaku", "Berlaku Hingga", "s.d.", "Berlaku s.d. Tanggal", "Masa Berlaku s/d", "Tgl Akhir"]) {
      const found = findHeader([top, ["", "", "Nomor", sub, "Nomor", sub], ["1706015203850001", "Siti", "1", "2029-01-01", "2", "2029-01-01"]], "nakes");
      expect(found.height, sub).toBe(2);
      expect(found.columns.map((c) => keyOfHeader(c, "nakes")), sub).toEqual(["nik", "nama", "no_str", "str_berlaku_sampai", "no_sip", "sip_berlaku_sampai"]);
    }
  });
});

describe("UTF-16 without a byte-order mark", () => {
  const utf16 = (text: string, bigEndian: boolean) => {
    const b = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      b[2 * i + (bigEndian ? 1 : 0)] = c & 255;
      b[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    }
    return b;
  };

  it("is recognised by the NUL of every other byte and decoded (little- and big-endian)", () => {
    const text = "NIK\tNama Lengkap\r\n1706015203850001\tAndré Ñoël\r\n";
    expect(decodeCsvBytes(utf16(text, false))).toBe(text);
    expect(decodeCsvBytes(utf16(text, true))).toBe(text);
  });

  it("leaves UTF-8 and Windows-1252 as they were", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("NIK;Nama\n1;José"))).toBe("NIK;Nama\n1;José");
    expect(decodeCsvBytes(new Uint8Array([0x4e, 0x3b, 0xe9]))).toBe("N;é");
  });
});
