import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { UploadResponse, ValidateResponse } from "../../shared/api/rosters";
import type { Issue } from "../../shared/schema/issue";
import type { RosterRequest } from "../../shared/schema/roster";
import { DATE1904_OFFSET } from "../../shared/normalize/dates";
import { prepare } from "../../worker/db/limits";
import { upsertFacilitiesSql } from "../../worker/store/facilities";
import { call, count, json, seedDemo, tokenFor } from "./support";
import fixtures from "../fixtures/real-sheets/index";

/**
 * Every case of tests/fixtures/real-sheets (copied from the handout's cases/real-sheets; see its
 * README) through the API in workerd with the right answer: JSON bodies to POST /v1/rosters/validate,
 * CSV as text/csv with ?as_of=2026-11-01 unless the README says otherwise.
 */

let admin: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
  // j10's facility is not in the demo master: the case is about characters, not facility codes.
  const sql = upsertFacilitiesSql(
    [{ kode: "P1706120101", nama: "Puskesmas Uji Karakter", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170612", kategori: "PEDESAAN", rawat_inap: false, poned: false, aktif: true }],
    null,
    new Date().toISOString(),
  );
  await env.DB.batch(sql.map((s) => prepare(env.DB, s)));
});

const jsonCase = (name: string): RosterRequest => JSON.parse(fixtures.text(name)) as RosterRequest;

async function validateJson(body: unknown, vars?: Record<string, string>): Promise<ValidateResponse> {
  const res = await call("POST", "/v1/rosters/validate", { token: admin, json: body, vars });
  expect(res.status).toBe(200);
  return json<ValidateResponse>(res);
}

async function validateCsv(name: string, query = "?as_of=2026-11-01", vars?: Record<string, string>): Promise<ValidateResponse> {
  const res = await call("POST", `/v1/rosters/validate${query}`, { token: admin, body: fixtures.bytes(name), headers: { "Content-Type": "text/csv" }, vars });
  expect(res.status).toBe(200);
  return json<ValidateResponse>(res);
}

const codes = (issues: readonly Issue[]) => issues.map((i) => i.code);
const errors = (b: ValidateResponse) => b.issues.filter((i) => i.severity === "error");

describe("real office sheets through the API", () => {
  it("c1: a BOM, semicolons, CRLF and a quoted line break inside a cell are read as before", async () => {
    const body = await validateCsv("c1_bom_semicolon_crlf.csv");
    expect(errors(body)).toEqual([]);
    expect(body.diff.reduce((n, d) => n + d.added, 0)).toBe(3);
  });

  it("c3: a first line sep=; names the delimiter and is no header", async () => {
    const body = await validateCsv("c3_sep_line.csv");
    expect(codes(body.issues).filter((c) => c.startsWith("header."))).toEqual([]);
    expect(errors(body)).toEqual([]);
  });

  it("c4: the title row above the header is skipped and the header found", async () => {
    const body = await validateCsv("c4_title_row.csv");
    expect(codes(body.issues)).not.toContain("header.missing");
    expect(errors(body)).toEqual([]);
    expect(body.diff.reduce((n, d) => n + d.added, 0)).toBe(1);
  });

  it("c5: the JUMLAH row is skipped with one row.skipped info that names it and the blank row before it", async () => {
    const body = await validateCsv("c5_totals_row.csv");
    expect(errors(body)).toEqual([]);
    const skipped = body.issues.filter((i) => i.code === "row.skipped");
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ severity: "info", row: 2, related: [{ row: 3, column: null }] });
    expect(body.diff.reduce((n, d) => n + d.added, 0)).toBe(2);
  });

  it("c6: a NIK shown as an id-ID number cell (1.706.061.509.930.000) is nik.precision_lost, never stored", async () => {
    const body = await validateCsv("c6_nik_thousands_id.csv");
    expect(body.ok).toBe(false);
    expect(errors(body)).toEqual([expect.objectContaining({ code: "nik.precision_lost", row: 0, column: "nik" })]);
    expect(errors(body)[0]!.message).toMatch(/Teks/);
  });

  it("c6, the same for a NIP: nip.precision_lost, not 'must be 18 digits'", async () => {
    const csv = fixtures
      .text("c6_nik_thousands_id.csv")
      .replace("NIK;", "NIK;NIP;")
      .replace("1.706.061.509.930.000;", "1706061509930001;199.309.152.020.121.000;")
      .replace(";Honorer;", ";PNS;");
    const res = await call("POST", "/v1/rosters/validate?as_of=2026-11-01", { token: admin, csv });
    const body = await json<ValidateResponse>(res);
    expect(errors(body)).toEqual([expect.objectContaining({ code: "nip.precision_lost", row: 0, column: "nip" })]);
    expect(errors(body)[0]!.message).not.toMatch(/harus 18 digit/);
  });

  it("c7: Excel's =\"…\" text trick holds the NIK and the STR inside", async () => {
    const body = await validateCsv("c7_excel_eq_text.csv");
    expect(errors(body)).toEqual([]);
    expect(codes(body.issues)).not.toContain("nik.format");
  });

  it("c8: Excel's Unicode Text (UTF-16LE with BOM, tab-separated) is decoded as UTF-16", async () => {
    const body = await validateCsv("c8_utf16le_unicode_text.csv");
    expect(codes(body.issues).filter((c) => c.startsWith("header."))).toEqual([]);
    expect(errors(body)).toEqual([]);
    expect(body.diff.reduce((n, d) => n + d.added, 0)).toBe(1);
  });

  it("c9: with no as_of, today is the facility's today: at 01:30 WIB on 30 November a SIP ending 29 November has expired", async () => {
    const body = await validateCsv("c9_default_asof_utc.csv", "", { NOW: "2026-11-29T18:30:00Z" });
    expect(body.issues).toContainEqual(expect.objectContaining({ code: "sip.expired", row: 0, column: "sip_berlaku_sampai" }));
    expect(codes(body.issues)).not.toContain("sip.expiring");
  });

  it("c9: an hour earlier (23:30 WIB on 29 November) the same SIP is still expiring today", async () => {
    const body = await validateCsv("c9_default_asof_utc.csv", "", { NOW: "2026-11-29T16:30:00Z" });
    expect(body.issues).toContainEqual(expect.objectContaining({ code: "sip.expiring", row: 0 }));
    expect(body.issues.find((i) => i.code === "sip.expiring")!.message).toMatch(/0 hari lagi/);
  });

  it("j1: instants of local midnight are read as the date in the facility's zone (WIB), not the UTC date", async () => {
    const body = await validateJson(jsonCase("j1_tz_iso_datetime.json"));
    expect(codes(body.issues)).not.toContain("sip.expired");
    expect(codes(body.issues)).not.toContain("penugasan.ended");
    expect(codes(body.issues)).not.toContain("nik.birthdate_mismatch");
    expect(errors(body)).toEqual([]);
  });

  it("j1b: an instant stored is its local date: the SIP until 12 August 2028 and TMT 1 July 2022", async () => {
    const facility = "P1706020101";
    const req = jsonCase("j1b_tz_sip_stored.json");
    const res = await call("POST", "/v1/rosters", { token: admin, json: req });
    expect(res.status).toBe(201);
    const up = await json<UploadResponse>(res);
    expect(codes(up.issues)).not.toContain("penugasan.ended");
    const stored = await env.DB.prepare(
      "SELECT n.sip_berlaku_sampai AS sip, n.tmt_penugasan AS tmt FROM nakes n JOIN roster_current c ON c.upload_id = n.upload_id WHERE c.kode_fasyankes = ?1",
    )
      .bind(facility)
      .first<{ sip: string; tmt: string }>();
    expect(stored).toEqual({ sip: "2028-08-12", tmt: "2022-07-01" });
  });

  it("j2: rows holding only a row number are skipped with one row.skipped info, no errors", async () => {
    const body = await validateJson(jsonCase("j2_numbered_empty_rows.json"));
    expect(errors(body)).toEqual([]);
    expect(body.issues.filter((i) => i.code === "row.skipped")).toEqual([
      expect.objectContaining({ severity: "info", row: 1, column: null, related: [{ row: 2, column: null }] }),
    ]);
  });

  it("j2b: rows holding only a formula's result in an ignored column are skipped, no errors", async () => {
    const body = await validateJson(jsonCase("j2b_formula_only_rows.json"));
    expect(errors(body)).toEqual([]);
    expect(body.issues.filter((i) => i.code === "row.skipped")).toEqual([expect.objectContaining({ row: 1, related: [{ row: 2, column: null }] })]);
  });

  it("j3: STR placeholders (-, Belum ada) are empty: str.required on each row, never str.duplicate", async () => {
    const body = await validateJson(jsonCase("j3_str_placeholder.json"));
    expect(codes(body.issues)).not.toContain("str.duplicate");
    expect(body.issues.filter((i) => i.code === "str.required").map((i) => i.row)).toEqual([0, 1, 2]);
  });

  it("j3: a placeholder STR of a person whose profession needs none is stored as missing", async () => {
    const req = jsonCase("j3_str_placeholder.json");
    // ADMINISTRASI needs no STR: the row is stored, and its "-" is stored as no STR at all.
    req.nakes.rows = [req.nakes.rows[0]!.map((v, i) => (req.nakes.columns[i] === "jenis_tenaga" ? "ADMINISTRASI" : v))];
    const body = await validateJson(req);
    expect(errors(body)).toEqual([]);
    const res = await call("POST", "/v1/rosters", { token: admin, json: req });
    expect(res.status).toBe(201);
    expect(await count("SELECT COUNT(*) AS n FROM nakes n JOIN roster_current c ON c.upload_id = n.upload_id WHERE c.kode_fasyankes = 'P1706080101' AND n.no_str IS NULL")).toBe(1);
  });

  it("j4b: the same course three times (spaced NIK, lower-case code, year as text) is stored once with a pelatihan.duplicate info", async () => {
    const req = jsonCase("j4b_pelatihan_dupes_only.json");
    const body = await validateJson(req);
    expect(errors(body)).toEqual([]);
    expect(body.issues.filter((i) => i.code === "pelatihan.duplicate").map((i) => [i.row, i.severity])).toEqual([
      [1, "info"],
      [2, "info"],
    ]);
    const res = await call("POST", "/v1/rosters", { token: admin, json: req });
    expect(res.status).toBe(201);
    const up = await json<UploadResponse>(res);
    expect(await count("SELECT COUNT(*) AS n FROM pelatihan WHERE upload_id = ?1", up.upload_id)).toBe(1);
  });

  it("j5: 1904-system serials converted as the add-in converts them give the right dates", async () => {
    const req = jsonCase("j5_1904_serials.json");
    const cols = req.nakes.columns;
    const row = req.nakes.rows[0]!;
    for (const key of ["tanggal_lahir", "sip_berlaku_sampai", "tmt_penugasan"]) {
      const i = cols.indexOf(key);
      row[i] = (row[i] as number) + DATE1904_OFFSET;
    }
    const body = await validateJson(req);
    expect(errors(body)).toEqual([]);
    expect(codes(body.issues)).not.toContain("nik.birthdate_mismatch");
    expect(codes(body.issues)).not.toContain("penugasan.ended");
  });

  it("j5: read as 1900 serials (what a client that did not convert sends) the dates are four years early and say so", async () => {
    const body = await validateJson(jsonCase("j5_1904_serials.json"));
    expect(codes(body.issues)).toContain("nik.birthdate_mismatch");
  });

  it("j10: invisible characters are stripped and NBSP is a space; a full-width NIK is refused with a message that names it", async () => {
    const body = await validateJson(jsonCase("j10_invisible_chars.json"));
    expect(errors(body).map((i) => [i.row, i.code])).toEqual([[1, "nik.format"]]);
    expect(errors(body)[0]!.message).toMatch(/lebar penuh/);
    expect(errors(body)[0]!.message).toMatch(/ke-1/);
  });

  it("j10: the name with a zero-width space inside is stored without it", async () => {
    const req = jsonCase("j10_invisible_chars.json");
    req.nakes.rows.splice(1, 1);
    const res = await call("POST", "/v1/rosters", { token: admin, json: req });
    expect(res.status).toBe(201);
    const names = await env.DB.prepare("SELECT n.nama AS nama, n.nik AS nik FROM nakes n JOIN roster_current c ON c.upload_id = n.upload_id WHERE c.kode_fasyankes = 'P1706120101' ORDER BY n.nik").all<{ nama: string; nik: string }>();
    expect(names.results.map((r) => r.nama)).toEqual(["Budi Santoso", "Eko Prasetyo", "Fajar Ramadhan", "Gilang Saputra"]);
    expect(names.results.map((r) => r.nik)).toEqual(["1706061509930001", "1706061509930003", "1706061509930004", "1706061509930005"]);
  });
});

describe("the facility's zone through the API, whatever the code cell holds (variant finding 1)", () => {
  let kaltara: string;
  beforeAll(async () => {
    kaltara = await tokenFor("admin", "65");
    const sql = upsertFacilitiesSql(
      [{ kode: "6501015", nama: "RSUD Uji Zona WITA", jenis: "RUMAH_SAKIT", kode_wilayah: "6501", kecamatan: null, kategori: null, rawat_inap: true, poned: false, aktif: true }],
      null,
      new Date().toISOString(),
    );
    await env.DB.batch(sql.map((s) => prepare(env.DB, s)));
  });

  it("stores a hospital's instants as WITA dates when its code 6501015 arrives as a JSON number", async () => {
    const row = {
      nik: "6501011509930001", nip: "199309152022011001", nama: "Budi Santoso", jenis_kelamin: "L", tanggal_lahir: "1993-09-14T16:00:00Z",
      jenis_tenaga: "PERAWAT", pendidikan: "D3", status_kepegawaian: "PNS", kode_fasyankes: 6501015, no_str: "6501993000011509",
      str_berlaku_sampai: null, no_sip: "503/1/SIP", sip_berlaku_sampai: "2029-04-30T16:00:00Z", tmt_penugasan: "2022-06-30T16:00:00Z", keterangan: null,
    };
    const req = { as_of: "2026-11-01", nakes: { columns: Object.keys(row), rows: [Object.values(row)] } };
    const res = await call("POST", "/v1/rosters", { token: kaltara, json: req });
    expect(res.status).toBe(201);
    const up = await json<UploadResponse>(res);
    expect(up.issues.map((i) => [i.code, i.message])).toEqual([]);
    const stored = await env.DB.prepare(
      "SELECT n.tanggal_lahir AS lahir, n.sip_berlaku_sampai AS sip, n.tmt_penugasan AS tmt FROM nakes n JOIN roster_current c ON c.upload_id = n.upload_id WHERE c.kode_fasyankes = '6501015'",
    ).first<{ lahir: string; sip: string; tmt: string }>();
    expect(stored).toEqual({ lahir: "1993-09-15", sip: "2029-05-01", tmt: "2022-07-01" });
  });
});
