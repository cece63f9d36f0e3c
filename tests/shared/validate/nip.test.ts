import { describe, expect, it } from "vitest";
import { check, codesOf, issuesOf, pnsNurse } from "./support";

describe("the NIP rules", () => {
  it("accept a PNS whose NIP agrees with birth date and sex", () => {
    const r = check([pnsNurse]);
    expect(r.issues).toEqual([]);
    expect(r.nakes[0]!.nip).toBe("199007052015032001");
  });

  it("accept a NIP written in its usual groups with spaces", () => {
    expect(codesOf(check([{ ...pnsNurse, nip: "19900705 201503 2 001" }]))).toEqual([]);
  });

  it("report nip.format for a NIP that is not 18 digits", () => {
    expect(issuesOf(check([{ ...pnsNurse, nip: "19900705201503200" }]), "nip.format")).toMatchObject([{ severity: "error", column: "nip" }]);
  });

  it("report nip.precision_lost for a NIP in a number cell, whose last digits are gone", () => {
    expect(codesOf(check([{ ...pnsNurse, nip: 199007052015032000 }]))).toEqual(["nip.precision_lost"]);
  });

  it("report nip.format even for staff that need no NIP", () => {
    expect(codesOf(check([{ nip: "123" }]))).toEqual(["nip.format"]);
  });

  it("report nip.required for PNS and PPPK without a NIP", () => {
    expect(codesOf(check([{ ...pnsNurse, nip: null }]))).toEqual(["nip.required"]);
    expect(codesOf(check([{ ...pnsNurse, nip: null, status_kepegawaian: "PPPK" }]))).toEqual(["nip.required"]);
  });

  it("do not require a NIP from contract staff", () => {
    expect(codesOf(check([{ nip: null, status_kepegawaian: "KONTRAK_DAERAH" }]))).toEqual([]);
  });

  it("warn nip.birthdate_mismatch when digits 1–8 differ from the date of birth", () => {
    const r = check([{ ...pnsNurse, nip: "199007062015032001" }]);
    expect(issuesOf(r, "nip.birthdate_mismatch")).toMatchObject([{ severity: "warning", column: "nip" }]);
  });

  it("warn nip.sex_mismatch when digit 15 says another sex", () => {
    const r = check([{ ...pnsNurse, nip: "199007052015031001" }]);
    expect(issuesOf(r, "nip.sex_mismatch")).toMatchObject([{ severity: "warning" }]);
  });

  it("read a PPPK number (birth date, year, two digits, sex, serial) the same way", () => {
    expect(codesOf(check([{ ...pnsNurse, status_kepegawaian: "PPPK", nip: "199007052022022001" }]))).toEqual([]);
    expect(codesOf(check([{ ...pnsNurse, status_kepegawaian: "PPPK", nip: "199007052022021001" }]))).toEqual(["nip.sex_mismatch"]);
  });

  it("do not compare the NIP of non-civil-servants with the person", () => {
    expect(codesOf(check([{ nip: "199001012015031001" }]))).toEqual([]);
  });
});
