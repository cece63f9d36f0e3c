import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Migration 0085 rebuilds coverage's Penugasan Khusus facts by TMT (they held SQLite's term end,
 * which rolled 29 February into 1 March): a database migrated to 0084 is filled as the old refresh
 * stored it, then migrated on.
 */
const db = () => env.TEST_MIGRATION_DB;
const K = "P1706019001";

const NAKES = "upload_id, kode_fasyankes, row_no, valid_from, valid_to, nik, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga, status_kepegawaian, tmt_penugasan, fp";

beforeAll(async () => {
  await applyD1Migrations(db(), env.TEST_MIGRATIONS.filter((m) => m.name < "0085"));
  const person = (upload: string, row: number, from: string, to: string | null, nik: string, status: string, tmt: string | null) =>
    db()
      .prepare(`INSERT INTO nakes (${NAKES}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Ani', 'P', '1990-01-01', 'PERAWAT', ?7, ?8, 'fp')`)
      .bind(upload, K, row, from, to, nik, status, tmt);
  await db().batch([
    db().prepare("INSERT INTO coverage_version (id, upload_id, kode_fasyankes, valid_from, valid_to) VALUES (1, 'u1', ?1, '2025-01-01', '2025-03-01')").bind(K),
    db().prepare("INSERT INTO coverage_version (id, upload_id, kode_fasyankes, valid_from, valid_to) VALUES (2, 'u2', ?1, '2025-03-01', NULL)").bind(K),
    // A leap-day TMT held through both rosters, a 1 March TMT only in the first, one more in the second.
    person("u1", 0, "2025-01-01", null, "1111111111111111", "PENUGASAN_KHUSUS", "2020-02-29"),
    person("u1", 1, "2025-01-01", "2025-03-01", "2222222222222222", "PENUGASAN_KHUSUS", "2020-03-01"),
    person("u2", 1, "2025-03-01", null, "3333333333333333", "PENUGASAN_KHUSUS", "2021-06-30"),
    person("u2", 2, "2025-03-01", null, "4444444444444444", "KONTRAK_DAERAH", null),
    // A staged row (valid_from '') belongs to no roster yet.
    person("u3", 0, "", null, "5555555555555555", "PENUGASAN_KHUSUS", "2019-01-01"),
    // What the old refresh stored: term ends by SQLite's '+5 years'.
    db().prepare("INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n) VALUES (1, 'penugasan', '2025-03-01', 'PERAWAT', 2)"),
    db().prepare("INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n) VALUES (2, 'penugasan', '2025-03-01', 'PERAWAT', 1)"),
    db().prepare("INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n) VALUES (2, 'penugasan', '2026-06-30', 'PERAWAT', 1)"),
    db().prepare("INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n) VALUES (2, 'sip', '2027-01-01', 'PERAWAT', 3)"),
  ]);
  // Up to 0090, which moves these facts into coverage_fakta (its own test follows them there).
  await applyD1Migrations(db(), env.TEST_MIGRATIONS.filter((m) => m.name < "0090"));
});

describe("migrating coverage's Penugasan Khusus facts to TMTs", () => {
  it("keeps each version's persons by their TMT, told apart where the old term ends merged them", async () => {
    const facts = (await db().prepare("SELECT version_id, tgl, jenis, n FROM coverage_fact WHERE kind = 'penugasan' ORDER BY version_id, tgl").all()).results;
    expect(facts).toEqual([
      { version_id: 1, tgl: "2020-02-29", jenis: "PERAWAT", n: 1 },
      { version_id: 1, tgl: "2020-03-01", jenis: "PERAWAT", n: 1 },
      { version_id: 2, tgl: "2020-02-29", jenis: "PERAWAT", n: 1 },
      { version_id: 2, tgl: "2021-06-30", jenis: "PERAWAT", n: 1 },
    ]);
  });

  it("leaves the other kinds of facts as they were", async () => {
    const sip = (await db().prepare("SELECT version_id, tgl, n FROM coverage_fact WHERE kind = 'sip'").all()).results;
    expect(sip).toEqual([{ version_id: 2, tgl: "2027-01-01", n: 3 }]);
  });
});
