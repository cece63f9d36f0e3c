import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Migration 0090 moves coverage's dated person counts from a copy per facility version
 * (coverage_fact) to rows with roster dates of their own (coverage_fakta): a database migrated to 0089
 * is filled as the old refresh stored it, then migrated on.
 */
const db = () => env.TEST_MIGRATION_DB;
const K = "P1706019001";

beforeAll(async () => {
  await applyD1Migrations(db(), env.TEST_MIGRATIONS.filter((m) => m.name < "0090"));
  const version = (id: number, upload: string, from: string, to: string | null) =>
    db().prepare("INSERT INTO coverage_version (id, upload_id, kode_fasyankes, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5)").bind(id, upload, K, from, to);
  const fact = (version: number, kind: string, tgl: string, n: number) =>
    db().prepare("INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n) VALUES (?1, ?2, ?3, 'BIDAN', ?4)").bind(version, kind, tgl, n);
  await db().batch([
    version(1, "u1", "2026-09-01", "2026-10-01"),
    // Replaced on its own date by u3: it holds at no date.
    version(2, "u2", "2026-10-01", "2026-10-01"),
    version(3, "u3", "2026-10-01", null),
    fact(1, "sip", "2027-01-31", 2),
    fact(1, "str_tidak_ada", "", 1),
    fact(2, "sip", "2027-01-31", 5),
    fact(3, "sip", "2027-01-31", 1),
    fact(3, "penugasan", "2024-02-29", 1),
  ]);
  await applyD1Migrations(db(), env.TEST_MIGRATIONS);
});

describe("migrating coverage's dated counts to rows with their own roster dates", () => {
  it("gives each count its version's interval (a current one open-ended) and leaves out versions that held at no date", async () => {
    const rows = (await db().prepare("SELECT kind, tgl, valid_from, valid_to, n FROM coverage_fakta ORDER BY valid_from, kind").all()).results;
    expect(rows).toEqual([
      { kind: "sip", tgl: "2027-01-31", valid_from: "2026-09-01", valid_to: "2026-10-01", n: 2 },
      { kind: "str_tidak_ada", tgl: "", valid_from: "2026-09-01", valid_to: "2026-10-01", n: 1 },
      { kind: "penugasan", tgl: "2024-02-29", valid_from: "2026-10-01", valid_to: "9999-12-31", n: 1 },
      { kind: "sip", tgl: "2027-01-31", valid_from: "2026-10-01", valid_to: "9999-12-31", n: 1 },
    ]);
  });

  it("drops the per-version copy", async () => {
    const left = await db().prepare("SELECT name FROM sqlite_master WHERE name = 'coverage_fact'").all();
    expect(left.results).toEqual([]);
  });
});
