import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Migration 0100 gives staged rows a table of their own (nakes_staged): a database migrated to 0099
 * holds a committed upload's person versions and an upload staged then (its rows in nakes with its
 * as_of and valid_to ''), then is migrated on. The staged upload moves over, so its commit still
 * works; committed history stays where it is.
 */
const db = () => env.TEST_MIGRATION_DB;
const K = "P1706019001";
const NAKES = "nik, nip, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga, pendidikan, status_kepegawaian, no_str, str_berlaku_sampai, no_sip, sip_berlaku_sampai, tmt_penugasan, keterangan";

beforeAll(async () => {
  await applyD1Migrations(db(), env.TEST_MIGRATIONS.filter((m) => m.name < "0100"));
  const upload = (id: string, committed: string | null) =>
    db()
      .prepare(
        `INSERT INTO uploads (id, token_id, token_name, token_scope, created_at, committed_at, as_of, content_type, content_hash, nakes_rows, pelatihan_rows, facilities, n_error, n_warning, n_info)
         VALUES (?1, 't', 't', '17', '2026-10-01T01:00:00.000Z', ?2, '2026-10-01', 'application/json', 'h', 2, 1, 1, 0, 0, 0)`,
      )
      .bind(id, committed);
  const row = (id: string, n: number, nik: string, from: string, to: string | null) =>
    db()
      .prepare(
        `INSERT INTO nakes (upload_id, kode_fasyankes, row_no, valid_from, valid_to, ${NAKES}, fp)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, '198001012005011001', 'Nama ' || ?6, 'P', '1980-01-01', 'BIDAN', 'D3', 'PNS', 'STR' || ?6, '2030-01-01', NULL, NULL, NULL, 'k', 'fp' || ?6)`,
      )
      .bind(id, K, n, from, to, nik);
  await db().batch([
    upload("done", "2026-10-01T01:00:01.000Z"),
    upload("waiting", null),
    row("done", 0, "1111111111111111", "2026-10-01", null),
    row("done", 1, "2222222222222222", "2026-10-01", null),
    row("waiting", 0, "1111111111111111", "2026-11-01", ""),
    row("waiting", 1, "3333333333333333", "2026-11-01", ""),
    db().prepare("INSERT INTO pelatihan (upload_id, row_no, nik, kode_pelatihan, tahun) VALUES ('waiting', 0, '3333333333333333', 'PONED', 2020)"),
  ]);
  await applyD1Migrations(db(), env.TEST_MIGRATIONS);
});

describe("migrating staged uploads to their own table", () => {
  it("moves an uncommitted upload's rows, every column, out of nakes into nakes_staged", async () => {
    const staged = (await db().prepare(`SELECT upload_id, kode_fasyankes, row_no, ${NAKES}, fp FROM nakes_staged ORDER BY row_no`).all()).results;
    expect(staged).toEqual(
      ["1111111111111111", "3333333333333333"].map((nik, i) => ({
        upload_id: "waiting",
        kode_fasyankes: K,
        row_no: i,
        nik,
        nip: "198001012005011001",
        nama: `Nama ${nik}`,
        jenis_kelamin: "P",
        tanggal_lahir: "1980-01-01",
        jenis_tenaga: "BIDAN",
        pendidikan: "D3",
        status_kepegawaian: "PNS",
        no_str: `STR${nik}`,
        str_berlaku_sampai: "2030-01-01",
        no_sip: null,
        sip_berlaku_sampai: null,
        tmt_penugasan: null,
        keterangan: "k",
        fp: `fp${nik}`,
      })),
    );
    expect((await db().prepare("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = 'waiting'").first<{ n: number }>())?.n).toBe(0);
    // Its training stays keyed by the upload, as before.
    expect((await db().prepare("SELECT COUNT(*) AS n FROM pelatihan WHERE upload_id = 'waiting'").first<{ n: number }>())?.n).toBe(1);
  });

  it("leaves committed person versions in nakes untouched", async () => {
    const rows = (await db().prepare("SELECT upload_id, nik, valid_from, valid_to FROM nakes ORDER BY nik").all()).results;
    expect(rows).toEqual([
      { upload_id: "done", nik: "1111111111111111", valid_from: "2026-10-01", valid_to: null },
      { upload_id: "done", nik: "2222222222222222", valid_from: "2026-10-01", valid_to: null },
    ]);
    expect((await db().prepare("SELECT COUNT(*) AS n FROM coverage_fakta_staged").first<{ n: number }>())?.n).toBe(0);
  });
});
