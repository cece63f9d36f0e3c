import { describe, expect, it } from "vitest";
import { beginsAsFormula, cellText } from "../../../shared/normalize/cell";
import { readFacilityKind, readPendidikan, readProfession, readStatus, readTraining } from "../../../shared/normalize/codes";
import { readFlag, readInteger } from "../../../shared/normalize/flags";
import { ID_EMPTY, ID_FORMAT, ID_PRECISION_LOST, readId } from "../../../shared/normalize/ids";
import { readSex } from "../../../shared/normalize/sex";

describe("readId", () => {
  it("returns clean digits as they are", () => {
    expect(readId("1706015203850001", 16)).toBe("1706015203850001");
  });
  it("strips spaces, dots and Excel's leading apostrophe", () => {
    expect(readId("1706 0152 0385 0001", 16)).toBe("1706015203850001");
    expect(readId("1706.0152.0385.0001", 16)).toBe("1706015203850001");
    expect(readId("'1706015203850001", 16)).toBe("1706015203850001");
    expect(readId("\u00a01706015203850001 ", 16)).toBe("1706015203850001");
  });
  it("says the digits are lost for number cells and scientific notation", () => {
    expect(readId(1706015203850001, 16)).toBe(ID_PRECISION_LOST);
    expect(readId("1.70602E+15", 16)).toBe(ID_PRECISION_LOST);
    expect(readId("1,70602E+15", 16)).toBe(ID_PRECISION_LOST);
    expect(readId("1,7060", 16)).toBe(ID_FORMAT);
  });
  it("refuses other characters and other lengths", () => {
    expect(readId("1706-0152-0385-0001", 16)).toBe(ID_FORMAT);
    expect(readId("170601520385000", 16)).toBe(ID_FORMAT);
    expect(readId(true, 16)).toBe(ID_FORMAT);
  });
  it("treats empty cells as empty", () => {
    expect(readId(null, 16)).toBe(ID_EMPTY);
    expect(readId(" . ", 16)).toBe(ID_EMPTY);
  });
});

describe("readSex", () => {
  it.each([["L", "L"], ["l", "L"], ["Laki-laki", "L"], ["LAKI LAKI", "L"], ["Pria", "L"], ["P", "P"], ["Perempuan", "P"], ["wanita", "P"]])("reads %j as %s", (v, s) => {
    expect(readSex(v)).toBe(s);
  });
  it("refuses anything else", () => {
    for (const v of ["X", "", null, 1, "Lelaki perempuan"]) expect(readSex(v)).toBeNull();
  });
});

describe("the coded values", () => {
  it("read a profession's code, label and aliases, saying which were aliases", () => {
    expect(readProfession("ATLM")).toEqual({ code: "ATLM", alias: false });
    expect(readProfession("ahli teknologi laboratorium medik")).toEqual({ code: "ATLM", alias: false });
    expect(readProfession("Analis Kesehatan")).toEqual({ code: "ATLM", alias: true });
    expect(readProfession("Medical doctor")).toEqual({ code: "DOKTER", alias: true });
    expect(readProfession("Tukang")).toBeNull();
  });
  it("read statuses, education, trainings and facility kinds in their usual spellings", () => {
    expect(readStatus("Nusantara Sehat")).toBe("NUSANTARA_SEHAT");
    expect(readStatus("honorer")).toBe("KONTRAK_DAERAH");
    expect(readPendidikan("DIV")).toBe("D4");
    expect(readPendidikan("Sp")).toBe("Sp");
    expect(readTraining("tb dots")).toBe("TB_DOTS");
    expect(readTraining("K3 Fasyankes")).toBe("K3_FASYANKES");
    expect(readFacilityKind("RSUD")).toBe("RUMAH_SAKIT");
    expect(readStatus("ASN")).toBeNull();
  });
});

describe("flags and numbers", () => {
  it("read Y/N in their spellings", () => {
    expect([readFlag("Y"), readFlag("ya"), readFlag(true), readFlag(1)]).toEqual([true, true, true, true]);
    expect([readFlag("N"), readFlag("Tidak"), readFlag(false), readFlag(0)]).toEqual([false, false, false, false]);
    expect(readFlag("mungkin")).toBeNull();
  });
  it("read whole numbers from numbers and digit text", () => {
    expect([readInteger(2024), readInteger(" 2024 "), readInteger("2024.0")]).toEqual([2024, 2024, 2024]);
    expect([readInteger(2024.5), readInteger("20 24"), readInteger("-1")]).toEqual([null, null, null]);
  });
  it("trim text and treat blank cells as empty", () => {
    expect([cellText("  a "), cellText(" "), cellText(null), cellText(12), cellText(Number.NaN)]).toEqual(["a", null, null, "12", null]);
  });
});

describe("the cell normaliser and formula text (SPEC §7)", () => {
  it("never trims leading whitespace or invisible characters into a formula", () => {
    for (const v of ["\t=1+1", " =1+1", "\r\n+1-2", "\u00a0@SUM(1)", "\u200b=1+1", "\ufeff-1+2"]) {
      const t = cellText(v);
      expect(t).not.toBeNull();
      expect(t!.charAt(0)).not.toMatch(/[=+\-@]/);
    }
  });
  it("still trims whitespace before ordinary text and reads a spaced placeholder as empty", () => {
    expect(cellText("\t Siti ")).toBe("Siti");
    expect(cellText("  -  ")).toBeNull();
  });
  it("tells text that would become a formula once trimmed", () => {
    for (const v of ["=1", "\t=1+1", " +62", "\u200b@x", "-5"]) expect(beginsAsFormula(v)).toBe(true);
    for (const v of ["Siti", "503/SIP", " 1706", ""]) expect(beginsAsFormula(v)).toBe(false);
  });
});
