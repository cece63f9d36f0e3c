import { describe, expect, it } from "vitest";
import { check, codesOf, issuesOf } from "./support";

describe("the STR rules", () => {
  it("report str.required for a health profession without an STR", () => {
    expect(issuesOf(check([{ no_str: null }]), "str.required")).toMatchObject([{ severity: "error", column: "no_str" }]);
  });
  it("do not ask non-health staff for an STR", () => {
    expect(codesOf(check([{ jenis_tenaga: "ADMINISTRASI", no_str: null, no_sip: null, sip_berlaku_sampai: null }]))).toEqual([]);
  });
  it("warn str.expired for a dated STR before as_of, since STRs are for life now", () => {
    const r = check([{ str_berlaku_sampai: "2025-01-31" }]);
    expect(issuesOf(r, "str.expired")).toMatchObject([{ severity: "warning", column: "str_berlaku_sampai" }]);
    expect(r.nakes[0]!.str_berlaku_sampai).toBe("2025-01-31");
  });
  it("read SEUMUR HIDUP and an empty cell as lifetime", () => {
    for (const v of ["SEUMUR HIDUP", "Seumur Hidup", null]) {
      const r = check([{ str_berlaku_sampai: v }]);
      expect(r.issues).toEqual([]);
      expect(r.nakes[0]!.str_berlaku_sampai).toBeNull();
    }
  });
  it("report date.invalid for an unreadable STR date", () => {
    expect(codesOf(check([{ str_berlaku_sampai: "selamanya" }]))).toEqual(["date.invalid"]);
  });
});

describe("the SIP rules", () => {
  it("warn sip.required for a practising profession without a SIP", () => {
    expect(issuesOf(check([{ no_sip: null, sip_berlaku_sampai: null }]), "sip.required")).toMatchObject([{ severity: "warning", column: "no_sip" }]);
  });
  it("do not ask professions that need no SIP for one", () => {
    expect(codesOf(check([{ jenis_tenaga: "PROMKES", no_sip: null, sip_berlaku_sampai: null }]))).toEqual([]);
  });
  it("require the end date of a SIP that is given", () => {
    expect(issuesOf(check([{ sip_berlaku_sampai: null }]), "required")).toMatchObject([{ column: "sip_berlaku_sampai" }]);
  });
  it("report sip.expired with the SPEC's wording when the SIP ended before as_of", () => {
    const [issue] = issuesOf(check([{ sip_berlaku_sampai: "2026-09-30" }]), "sip.expired");
    expect(issue).toEqual({
      severity: "error",
      code: "sip.expired",
      table: "nakes",
      row: 0,
      column: "sip_berlaku_sampai",
      value: "2026-09-30",
      message: "SIP sudah tidak berlaku sejak 30 September 2026",
    });
  });
  it("warn sip.expiring within 90 days after as_of, and not later", () => {
    expect(codesOf(check([{ sip_berlaku_sampai: "2026-11-01" }]))).toEqual(["sip.expiring"]);
    expect(codesOf(check([{ sip_berlaku_sampai: "2027-01-30" }]))).toEqual(["sip.expiring"]);
    expect(codesOf(check([{ sip_berlaku_sampai: "2027-01-31" }]))).toEqual([]);
  });
  it("say how many days are left", () => {
    expect(issuesOf(check([{ sip_berlaku_sampai: "2026-12-01" }]), "sip.expiring")[0]!.message).toContain("30 hari");
  });
  it("report date.invalid for a SIP date that does not exist", () => {
    expect(issuesOf(check([{ sip_berlaku_sampai: "31/04/2027" }]), "date.invalid")).toMatchObject([{ column: "sip_berlaku_sampai", severity: "error" }]);
  });
});

describe("STR and SIP numbers that would become formulas (SPEC §7, attack finding 6)", () => {
  const formulas = ["=1+1", '=HYPERLINK("http://x.example","klik")', "@SUM(1)", "+1-2", "-1+2", "\t=1+1", " =1+1", "\u200b=1+1"];
  for (const v of formulas) {
    it(`refuse ${JSON.stringify(v)} as an STR number with str.format, storing nothing`, () => {
      const r = check([{ no_str: v }]);
      expect(issuesOf(r, "str.format")).toMatchObject([{ severity: "error", column: "no_str" }]);
      expect(r.nakes).toEqual([]);
    });
    it(`refuse ${JSON.stringify(v)} as a SIP number with sip.format, storing nothing`, () => {
      const r = check([{ no_sip: v }]);
      expect(issuesOf(r, "sip.format")).toMatchObject([{ severity: "error", column: "no_sip" }]);
      expect(r.nakes).toEqual([]);
    });
  }
  it("say in Indonesian and English that the number may not begin with a formula sign", () => {
    const [id] = issuesOf(check([{ no_sip: "=1+1" }]), "sip.format");
    expect(id!.message).toMatch(/SIP.*=, \+, - atau @/);
    const [en] = issuesOf(check([{ no_str: "+1-2" }], { lang: "en" }), "str.format");
    expect(en!.message).toMatch(/STR.*=, \+, - or @/);
  });
  it("keep real numbers with dashes and slashes inside", () => {
    expect(codesOf(check([{ no_sip: "503/117/SIP-BDN/DPMPTSP/2024", no_str: "31-21-1003-2105-7123" }]))).toEqual([]);
  });
});
