import { describe, expect, it } from "vitest";
import { check, codesOf, issuesOf, midwife } from "./support";

describe("the NIK rules", () => {
  it("accept a clean row without any finding", () => {
    const r = check([midwife]);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.nakes).toHaveLength(1);
  });

  it("strip spaces and dots before checking the 16 digits", () => {
    const r = check([{ nik: "1706 0152.0385 0001" }]);
    expect(codesOf(r)).toEqual([]);
    expect(r.nakes[0]!.nik).toBe("1706015203850001");
  });

  it("report nik.format for a NIK that is not 16 digits", () => {
    const r = check([{ nik: "170601520385000" }]);
    expect(issuesOf(r, "nik.format")).toMatchObject([{ severity: "error", row: 0, column: "nik", value: "170601520385000" }]);
    expect(r.nakes).toEqual([]);
  });

  it("report nik.format for letters in a NIK", () => {
    expect(codesOf(check([{ nik: "17060152038500O1" }]))).toContain("nik.format");
  });

  it("report nik.precision_lost for a NIK held in a number cell", () => {
    const r = check([{ nik: 1706015203850001 }]);
    expect(issuesOf(r, "nik.precision_lost")).toHaveLength(1);
    expect(issuesOf(r, "nik.precision_lost")[0]!.message).toContain("Teks");
  });

  it("report nik.precision_lost for scientific notation text from a CSV", () => {
    expect(codesOf(check([{ nik: "1.70602E+15" }]))).toEqual(["nik.precision_lost"]);
  });

  it("report a missing NIK as required, not as a format problem", () => {
    expect(issuesOf(check([{ nik: "  " }]), "required")).toMatchObject([{ column: "nik", row: 0 }]);
  });

  it("report nik.region when the first two digits are no province", () => {
    const r = check([{ nik: "9906015203850001" }]);
    expect(issuesOf(r, "nik.region")).toMatchObject([{ severity: "error", column: "nik" }]);
  });

  it("do not require the NIK's region to be the workplace's", () => {
    expect(codesOf(check([{ nik: "3601015203850001" }]))).toEqual([]);
  });

  it("warn nik.birthdate_mismatch when digits 7–12 differ from the date of birth", () => {
    const r = check([{ tanggal_lahir: "1985-03-13" }]);
    expect(issuesOf(r, "nik.birthdate_mismatch")).toMatchObject([{ severity: "warning", column: "nik" }]);
    expect(issuesOf(r, "nik.birthdate_mismatch")[0]!.message).toContain("13 Maret 1985");
    expect(r.nakes).toHaveLength(1);
  });

  it("warn nik.sex_mismatch when a woman's NIK (day + 40) is on a man", () => {
    const r = check([{ jenis_kelamin: "L" }]);
    expect(codesOf(r)).toEqual(["nik.sex_mismatch"]);
  });

  it("warn nik.sex_mismatch when a man's NIK is on a woman", () => {
    const r = check([{ nik: "1706011203850001", jenis_kelamin: "P" }]);
    expect(codesOf(r)).toEqual(["nik.sex_mismatch"]);
  });

  it("accept a man's NIK with his day of birth as is", () => {
    expect(codesOf(check([{ nik: "1706011203850001", jenis_kelamin: "L", jenis_tenaga: "PERAWAT" }]))).toEqual([]);
  });
});
