import { describe, expect, it } from "vitest";
import { nakesRecordSchema } from "../../../shared/schema/records";
import { issueSchema } from "../../../shared/schema/issue";
import { validateRoster } from "../../../shared/validate/roster";
import { AS_OF, check, codesOf, issuesOf, KEYS, midwife, nakesTable } from "./support";

describe("validateRoster", () => {
  it("reads sheet headers with their aliases as well as canonical keys", () => {
    const headers = ["No. KTP", "NIP / NIPPPK", "Nama", "L/P", "Tgl Lahir", "Profesi", "Pendidikan", "Status", "Kode Puskesmas", "STR", "Tgl Berlaku STR", "SIPB", "Tgl Berlaku SIP", "TMT Tugas", "Catatan"];
    const t = nakesTable([midwife]);
    const r = validateRoster({ nakes: { columns: headers, rows: t.rows } }, { asOf: AS_OF });
    expect(r.issues).toEqual([]);
    expect(r.nakes).toHaveLength(1);
  });

  it("reports header.missing once, not a required value on every row", () => {
    const keys = KEYS.filter((k) => k !== "nama");
    const r = validateRoster({ nakes: nakesTable([midwife, midwife], keys) }, { asOf: AS_OF });
    expect(codesOf(r).filter((c) => c === "header.missing" || c === "required")).toEqual(["header.missing"]);
    expect(issuesOf(r, "header.missing")[0]!.message).toContain("Nama Pegawai");
    expect(r.nakes).toEqual([]);
  });

  it("reports an unknown header and ignores its column", () => {
    const t = nakesTable([midwife]);
    const r = validateRoster({ nakes: { columns: [...t.columns, "Golongan"], rows: [[...t.rows[0]!, "III/a"]] } }, { asOf: AS_OF });
    expect(r.issues).toMatchObject([{ code: "header.unknown", severity: "warning", row: null, column: "Golongan" }]);
    expect(r.ok).toBe(true);
  });

  it("reports upload.empty for a table without data rows, blank rows included", () => {
    const r = validateRoster({ nakes: { columns: [...KEYS], rows: [[null, "  "], []] } }, { asOf: AS_OF });
    expect(r.issues).toMatchObject([{ code: "upload.empty", row: null, severity: "error" }]);
  });

  it("skips blank rows between people without a finding", () => {
    const t = nakesTable([midwife]);
    const r = validateRoster({ nakes: { columns: t.columns, rows: [t.rows[0]!, t.columns.map(() => null)] } }, { asOf: AS_OF });
    expect(r.issues).toEqual([]);
  });

  it("reports upload.too_large with the limit when the context sets one", () => {
    const r = check([midwife, { nik: "1706015203850002" }], { limits: { maxRows: 1 } });
    expect(issuesOf(r, "upload.too_large")).toMatchObject([{ row: null, severity: "error" }]);
    expect(issuesOf(r, "upload.too_large")[0]!.message).toContain("1 baris");
    expect(codesOf(check([midwife], { limits: { maxRows: 1 } }))).toEqual([]);
  });

  it("writes messages in English when the context asks for it", () => {
    const r = check([{ sip_berlaku_sampai: "2026-09-30" }], { lang: "en" });
    expect(r.issues[0]!.message).toBe("The SIP expired on 30 September 2026");
  });

  it("counts issues per severity and is ok only without errors", () => {
    const r = check([{ jenis_tenaga: "Dokter Umum", sip_berlaku_sampai: "2026-12-01" }, { nik: "bad" }]);
    expect(r.counts).toEqual({ error: 1, warning: 1, info: 1 });
    expect(r.ok).toBe(false);
  });

  it("returns issues that satisfy the issue schema, in row order", () => {
    const r = check([{ nik: "x", nama: "1" }, { tanggal_lahir: "kemarin" }, midwife]);
    for (const i of r.issues) expect(issueSchema.safeParse(i).success).toBe(true);
    const rows = r.issues.map((i) => i.row ?? -1);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it("returns normalised records that satisfy the record schema", () => {
    const r = check([{ nik: "1706 0152 0385 0001", tanggal_lahir: 31118, jenis_kelamin: "Perempuan", jenis_tenaga: "bidan", status_kepegawaian: "Honorer", sip_berlaku_sampai: "30 Juni 2029", str_berlaku_sampai: "SEUMUR HIDUP" }]);
    expect(r.nakes).toEqual([
      {
        row: 0, nik: "1706015203850001", nip: null, nama: midwife.nama, jenis_kelamin: "P", tanggal_lahir: "1985-03-12", jenis_tenaga: "BIDAN",
        pendidikan: "D3", status_kepegawaian: "KONTRAK_DAERAH", kode_fasyankes: "P1706010101", no_str: midwife.no_str, str_berlaku_sampai: null,
        no_sip: midwife.no_sip, sip_berlaku_sampai: "2029-06-30", tmt_penugasan: null, keterangan: null,
      },
    ]);
    expect(nakesRecordSchema.safeParse(r.nakes[0]).success).toBe(true);
  });

  it("uses the request's as_of when the context's is unreadable", () => {
    const r = validateRoster({ as_of: "2030-01-01", nakes: nakesTable([midwife]) }, { asOf: "soon" });
    expect(codesOf(r)).toEqual(["sip.expired"]);
  });
});
