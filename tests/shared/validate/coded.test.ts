import { describe, expect, it } from "vitest";
import { demoFacilityFacts } from "../../../fixtures/demo/facilities";
import { check, codesOf, issuesOf } from "./support";

describe("the profession", () => {
  it("accepts its code and the same words in any case without a note", () => {
    for (const v of ["BIDAN", "Bidan", "bidan"]) expect(codesOf(check([{ jenis_tenaga: v }]))).toEqual([]);
    expect(codesOf(check([{ jenis_tenaga: "Dokter Gigi", no_sip: "x" }]))).toEqual([]);
  });

  it.each([
    ["Dokter Umum", "DOKTER"],
    ["dr", "DOKTER"],
    ["Perawat Gigi", "NAKES_LAIN"],
    ["Terapis Gigi dan Mulut", "NAKES_LAIN"],
    ["Analis Kesehatan", "ATLM"],
    ["Analis Lab", "ATLM"],
    ["Pranata Laboratorium Kesehatan", "ATLM"],
    ["Kesling", "SANITARIAN"],
    ["Gizi", "NUTRISIONIS"],
    ["Ahli Gizi", "NUTRISIONIS"],
    ["Asisten Apoteker", "TTK"],
    ["Tenaga Teknis Kefarmasian", "TTK"],
    ["Promosi Kesehatan", "PROMKES"],
    ["Penyuluh Kesehatan", "PROMKES"],
    ["Tata Usaha", "ADMINISTRASI"],
    ["TU", "ADMINISTRASI"],
    ["Keuangan", "ADMINISTRASI"],
    ["Operator SIK", "ADMINISTRASI"],
    ["Sopir", "PEKARYA"],
    ["Pengemudi", "PEKARYA"],
    ["Cleaning Service", "PEKARYA"],
    ["Satpam", "PEKARYA"],
  ])("maps the alias %j to %s with an info note", (alias, code) => {
    const r = check([{ jenis_tenaga: alias }]);
    const notes = issuesOf(r, "jenis_tenaga.normalized");
    expect(notes).toMatchObject([{ severity: "info", column: "jenis_tenaga", value: alias }]);
    expect(notes[0]!.message).toContain(code);
    expect(r.issues.every((i) => i.severity !== "error" || i.code === "str.required")).toBe(true);
  });

  it("keeps the code in the record after an alias", () => {
    expect(check([{ jenis_tenaga: "Dokter Umum" }]).nakes[0]!.jenis_tenaga).toBe("DOKTER");
  });

  it("reports jenis_tenaga.unknown for a name no list holds", () => {
    expect(issuesOf(check([{ jenis_tenaga: "Dukun Beranak" }]), "jenis_tenaga.unknown")).toMatchObject([{ severity: "error" }]);
  });
});

describe("the employment status", () => {
  it.each([["PNS"], ["pppk"], ["Penugasan Khusus"], ["Honorer"], ["P3K"], ["BLUD"]])("reads %j as a status", (v) => {
    expect(codesOf(check([{ status_kepegawaian: v, nip: "198503122010012001", tmt_penugasan: "2024-01-01" }]))).not.toContain("status_kepegawaian.unknown");
  });
  it("reports status_kepegawaian.unknown and lists the codes", () => {
    const [issue] = issuesOf(check([{ status_kepegawaian: "Relawan" }]), "status_kepegawaian.unknown");
    expect(issue).toMatchObject({ severity: "error", column: "status_kepegawaian" });
    expect(issue!.message).toContain("KONTRAK_DAERAH");
  });
});

describe("the education", () => {
  it("reads the usual spellings", () => {
    expect(check([{ pendidikan: "D-III" }]).nakes[0]!.pendidikan).toBe("D3");
    expect(check([{ pendidikan: "s1" }]).nakes[0]!.pendidikan).toBe("S1");
  });
  it("warns pendidikan.unknown and stores nothing for an unknown value", () => {
    const r = check([{ pendidikan: "Kursus" }]);
    expect(issuesOf(r, "pendidikan.unknown")).toMatchObject([{ severity: "warning" }]);
    expect(r.nakes[0]!.pendidikan).toBeNull();
  });
});

describe("the facility code", () => {
  const facilities = demoFacilityFacts();

  it("is not checked against a master the context does not have", () => {
    expect(codesOf(check([{ kode_fasyankes: "P9999990101" }]))).toEqual([]);
  });
  it("reports kode_fasyankes.unknown when the master lacks it", () => {
    expect(issuesOf(check([{ kode_fasyankes: "P1706990101" }], { facilities }), "kode_fasyankes.unknown")).toMatchObject([{ severity: "error" }]);
  });
  it("is upper-cased before the lookup", () => {
    const r = check([{ kode_fasyankes: "p1706010101" }], { facilities });
    expect(r.issues).toEqual([]);
    expect(r.nakes[0]!.kode_fasyankes).toBe("P1706010101");
  });
  it("reports kode_fasyankes.out_of_scope outside the uploader's region", () => {
    const r = check([{ kode_fasyankes: "P3601010101" }], { facilities, scope: "1706" });
    expect(issuesOf(r, "kode_fasyankes.out_of_scope")).toMatchObject([{ severity: "error", column: "kode_fasyankes" }]);
  });
  it("accepts facilities inside a province, regency or single-facility scope", () => {
    for (const scope of ["17", "1706", "170601", "P1706010101"]) expect(codesOf(check([{}], { facilities, scope }))).toEqual([]);
  });
  it("tells the scope from the code itself when there is no master", () => {
    expect(codesOf(check([{ kode_fasyankes: "P3601010101" }], { scope: "17" }))).toEqual(["kode_fasyankes.out_of_scope"]);
    expect(codesOf(check([{ kode_fasyankes: "1706015" }], { scope: "1706" }))).toEqual([]);
  });
});
