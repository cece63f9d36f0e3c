import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Migrations 0065 (roster dates) and 0070 (person versions) move data stored under the old model
 * over: a database migrated to 0061 is filled as the old code stored uploads (a full copy of the rows
 * per upload, intervals by commit instant, a late back-dated upload made current), then migrated on.
 */
const db = () => env.TEST_MIGRATION_DB;
const K = "P1706019001";

const person = (nik: string, nama: string) => [nik, null, nama, "P", "1990-01-01", "BIDAN", null, "PNS", K, "STR1", null, null, null, null, null];
const NAKES = "nik, nip, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga, pendidikan, status_kepegawaian, kode_fasyankes, no_str, str_berlaku_sampai, no_sip, sip_berlaku_sampai, tmt_penugasan, keterangan";

beforeAll(async () => {
  await applyD1Migrations(db(), env.TEST_MIGRATIONS.filter((m) => m.name < "0065"));
  const uploads: [string, string, string][] = [
    ["u1", "2026-09-01", "2026-09-02T01:00:00.000Z"],
    ["u2", "2026-10-01", "2026-10-02T01:00:00.000Z"],
    // Sent on 5 October for 15 August: the old code made it current.
    ["u3", "2026-08-15", "2026-10-05T01:00:00.000Z"],
  ];
  const rows: [string, number, string, string, string][] = [
    ["u1", 0, "1111111111111111", "Ani", "a1"],
    ["u1", 1, "2222222222222222", "Budi", "b1"],
    ["u1", 2, "3333333333333333", "Citra", "c1"],
    ["u2", 0, "1111111111111111", "Ani", "a1"],
    ["u2", 1, "2222222222222222", "Budi Baru", "b2"],
    ["u2", 2, "4444444444444444", "Dewi", "d1"],
    ["u3", 0, "1111111111111111", "Ani", "a1"],
  ];
  const s: D1PreparedStatement[] = [];
  for (const [id, asOf, at] of uploads) {
    s.push(
      db()
        .prepare(
          `INSERT INTO uploads (id, token_id, token_name, token_scope, created_at, committed_at, as_of, content_type, content_hash, nakes_rows, pelatihan_rows, facilities, n_error, n_warning, n_info)
           VALUES (?1, 't', 't', '17', ?2, ?2, ?3, 'application/json', 'h', 1, 1, 1, 0, 0, 0)`,
        )
        .bind(id, at, asOf),
    );
  }
  const versi: [string, string, string | null][] = [
    ["u1", "2026-09-02T01:00:00.000Z", "2026-10-02T01:00:00.000Z"],
    ["u2", "2026-10-02T01:00:00.000Z", "2026-10-05T01:00:00.000Z"],
    ["u3", "2026-10-05T01:00:00.000Z", null],
  ];
  for (const [id, from, to] of versi) {
    s.push(
      db()
        .prepare("INSERT INTO roster_versi (kode_fasyankes, upload_id, valid_from, valid_to, nakes, added, removed, changed, unchanged) VALUES (?1, ?2, ?3, ?4, 1, 0, 0, 0, 0)")
        .bind(K, id, from, to),
    );
    s.push(db().prepare("INSERT INTO coverage_version (upload_id, kode_fasyankes, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4)").bind(id, K, from, to));
  }
  s.push(db().prepare("INSERT INTO roster_current (kode_fasyankes, upload_id, since) VALUES (?1, 'u3', '2026-10-05T01:00:00.000Z')").bind(K));
  for (const [id, row, nik, nama, fp] of rows) {
    s.push(db().prepare(`INSERT INTO nakes (upload_id, row_no, ${NAKES}, fp) VALUES (?1, ?2, ${person(nik, nama).map((_, i) => `?${i + 3}`).join(", ")}, ?18)`).bind(id, row, ...person(nik, nama), fp));
    s.push(db().prepare("INSERT INTO pelatihan (upload_id, row_no, nik, kode_pelatihan, tahun) VALUES (?1, ?2, ?3, 'PONED', 2020)").bind(id, row, nik));
  }
  await db().batch(s);
  await applyD1Migrations(db(), env.TEST_MIGRATIONS);
});

describe("migrating stored history to roster dates and person versions", () => {
  it("gives roster versions their as_of intervals and points the facility at the latest as_of", async () => {
    const v = (await db().prepare("SELECT upload_id, valid_from, valid_to, recorded_at FROM roster_versi ORDER BY valid_from").all()).results;
    expect(v).toEqual([
      { upload_id: "u3", valid_from: "2026-08-15", valid_to: "2026-09-01", recorded_at: "2026-10-05T01:00:00.000Z" },
      { upload_id: "u1", valid_from: "2026-09-01", valid_to: "2026-10-01", recorded_at: "2026-09-02T01:00:00.000Z" },
      { upload_id: "u2", valid_from: "2026-10-01", valid_to: null, recorded_at: "2026-10-02T01:00:00.000Z" },
    ]);
    const c = await db().prepare("SELECT upload_id, last_upload_id FROM roster_current WHERE kode_fasyankes = ?1").bind(K).first();
    expect(c).toEqual({ upload_id: "u2", last_upload_id: "u3" });
    const cov = (await db().prepare("SELECT upload_id, valid_from, valid_to FROM coverage_version ORDER BY valid_from").all()).results;
    expect(cov).toEqual(v.map(({ recorded_at: _r, ...x }) => x));
  });

  it("folds an unchanged person's rows into one version and keeps each change", async () => {
    const rows = (await db().prepare("SELECT upload_id, nik, nama, valid_from, valid_to FROM nakes ORDER BY nik, valid_from").all()).results;
    expect(rows).toEqual([
      { upload_id: "u3", nik: "1111111111111111", nama: "Ani", valid_from: "2026-08-15", valid_to: null },
      { upload_id: "u1", nik: "2222222222222222", nama: "Budi", valid_from: "2026-09-01", valid_to: "2026-10-01" },
      { upload_id: "u2", nik: "2222222222222222", nama: "Budi Baru", valid_from: "2026-10-01", valid_to: null },
      { upload_id: "u1", nik: "3333333333333333", nama: "Citra", valid_from: "2026-09-01", valid_to: "2026-10-01" },
      { upload_id: "u2", nik: "4444444444444444", nama: "Dewi", valid_from: "2026-10-01", valid_to: null },
    ]);
  });

  it("keeps the training of each remaining version and drops the folded rows' copies", async () => {
    const p = (await db().prepare("SELECT upload_id, nik FROM pelatihan ORDER BY upload_id, nik").all()).results;
    expect(p).toEqual([
      { upload_id: "u1", nik: "2222222222222222" },
      { upload_id: "u1", nik: "3333333333333333" },
      { upload_id: "u2", nik: "2222222222222222" },
      { upload_id: "u2", nik: "4444444444444444" },
      { upload_id: "u3", nik: "1111111111111111" },
    ]);
  });
});
