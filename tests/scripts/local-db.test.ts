import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { demoFacilities, demoPopulation } from "../../fixtures/demo";
import { kabupatenList, provinsiList } from "../../shared/reference/wilayah";
import { startBanner } from "../../scripts/lib/banner";
import { localAdminToken, newToken, seedScript, seedScripts } from "../../scripts/lib/local-db";
import { sha256Hex } from "../../worker/auth/secret";
import { toScript } from "../../worker/db/literal";
import { upsertFacilitiesSql } from "../../worker/store/facilities";
import { tokenRevokeScript } from "../../worker/store/tokens";

const root = fileURLToPath(new URL("../..", import.meta.url));
const migrationsDir = join(root, "worker", "migrations");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An empty database with every migration applied, as `wrangler d1 migrations apply` leaves it. */
function migrated(): DatabaseSync {
  const db = new DatabaseSync(":memory:");
  for (const f of readdirSync(migrationsDir).filter((n) => n.endsWith(".sql")).sort()) db.exec(readFileSync(join(migrationsDir, f), "utf8"));
  return db;
}

const n = (db: DatabaseSync, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe("the seed of npm start", () => {
  it("holds the region codes and the demo province generated from shared/", () => {
    const db = migrated();
    db.exec(seedScript());
    expect(n(db, "SELECT COUNT(*) AS n FROM wilayah WHERE tingkat = 'provinsi'")).toBe(provinsiList.length);
    expect(n(db, "SELECT COUNT(*) AS n FROM wilayah WHERE tingkat = 'kabupaten' AND induk = '36'")).toBe(kabupatenList.filter((k) => k.provinsi === "36").length);
    expect(n(db, "SELECT COUNT(*) AS n FROM fasyankes WHERE kode_wilayah = '1706' AND jenis = 'PUSKESMAS'")).toBe(17);
    expect(n(db, "SELECT COUNT(*) AS n FROM fasyankes")).toBe(demoFacilities.length);
    expect(n(db, "SELECT COUNT(*) AS n FROM penduduk")).toBe(demoPopulation.length);
    const pkm = db.prepare("SELECT kode, kecamatan, rawat_inap, poned, aktif FROM fasyankes WHERE kode = 'P1706010101'").get();
    expect(pkm).toEqual({ kode: "P1706010101", kecamatan: "170601", rawat_inap: 1, poned: 1, aktif: 1 });
  });

  it("can run again on a seeded database without changing anything", () => {
    const db = migrated();
    db.exec(seedScript());
    const dump = () => JSON.stringify(["wilayah", "fasyankes", "penduduk"].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
    const once = dump();
    db.exec(seedScript());
    expect(dump()).toEqual(once);
  });

  it("inlines values as SQL literals that survive quotes", () => {
    const db = migrated();
    const f = { ...demoFacilities[0]!, kode: "P1706010199", nama: "Puskesmas Ma'ruf \"Amin\"; DROP TABLE x" };
    const { row: _row, ...fac } = f;
    db.exec(toScript(upsertFacilitiesSql([fac], null, "2026-01-01T00:00:00.000Z")));
    expect((db.prepare("SELECT nama FROM fasyankes WHERE kode = 'P1706010199'").get() as { nama: string }).nama).toBe(f.nama);
  });
});

describe("the seed of npm start with province databases bound (SPEC §7)", () => {
  it("puts each bound province's demo facilities and population in its own database, the rest and the region codes in DB", () => {
    const scripts = seedScripts(["DB", "DB_17"]);
    expect(scripts.map((s) => s.binding)).toEqual(["DB", "DB_17"]);
    const [national, bengkulu] = scripts.map((s) => {
      const db = migrated();
      db.exec(s.sql);
      return db;
    });
    const in17 = demoFacilities.filter((f) => f.kode_wilayah.startsWith("17")).length;
    expect(in17).toBeGreaterThan(0);
    expect(n(bengkulu!, "SELECT COUNT(*) AS n FROM fasyankes")).toBe(in17);
    expect(n(bengkulu!, "SELECT COUNT(*) AS n FROM fasyankes WHERE kode_wilayah NOT LIKE '17%'")).toBe(0);
    expect(n(bengkulu!, "SELECT COUNT(*) AS n FROM penduduk WHERE kode_wilayah NOT LIKE '17%'")).toBe(0);
    expect(n(bengkulu!, "SELECT COUNT(*) AS n FROM penduduk")).toBe(demoPopulation.filter((p) => p.kode_wilayah.startsWith("17")).length);
    expect(n(bengkulu!, "SELECT COUNT(*) AS n FROM wilayah")).toBe(0);
    expect(n(national!, "SELECT COUNT(*) AS n FROM fasyankes")).toBe(demoFacilities.length - in17);
    expect(n(national!, "SELECT COUNT(*) AS n FROM wilayah WHERE tingkat = 'provinsi'")).toBe(provinsiList.length);
  });

  it("is the whole seed in DB when no province has its own database", () => {
    expect(seedScripts(["DB"])).toEqual([{ binding: "DB", sql: seedScript() }]);
  });
});

describe("tokens from the command line", () => {
  it("stores the hash of a new token, never the token", async () => {
    const db = migrated();
    const t = await newToken({ role: "uploader", scope: "1706", name: "Dinkes Mukomuko" });
    db.exec(t.sql);
    const row = db.prepare("SELECT * FROM tokens WHERE id = ?").get(t.id) as Record<string, unknown>;
    expect(row["hash"]).toBe(await sha256Hex(t.token));
    expect(JSON.stringify(row)).not.toContain(t.token);
    db.exec(tokenRevokeScript(t.id, "2026-11-01T00:00:00.000Z"));
    expect((db.prepare("SELECT revoked_at FROM tokens WHERE id = ?").get(t.id) as { revoked_at: string }).revoked_at).toBe("2026-11-01T00:00:00.000Z");
  });

  it("keeps npm start's admin token across restarts, re-storing it live", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nakes-start-"));
    dirs.push(dir);
    const spec = { role: "admin", scope: "17", name: "Admin lokal (npm start)" } as const;
    const first = await localAdminToken(dir, spec);
    const second = await localAdminToken(dir, spec);
    expect(second.token).toBe(first.token);
    const db = migrated();
    db.exec(first.sql);
    db.exec("UPDATE tokens SET revoked_at = 'x'");
    db.exec(second.sql);
    expect(db.prepare("SELECT id, revoked_at, hash FROM tokens").all()).toEqual([{ id: "tok_local_admin", revoked_at: null, hash: await sha256Hex(first.token) }]);
  });
});

describe("the banner of npm start", () => {
  it("prints the token and curl commands for sample files that exist", () => {
    const text = startBanner({ apiUrl: "http://localhost:8787", token: "nkr_x", scope: "17", addinUrl: "https://localhost:3000" });
    expect(text).toContain("nkr_x");
    expect(text).toContain("https://localhost:3000/taskpane.html");
    const files = [...text.matchAll(/@(samples\/[\w.-]+)/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(existsSync(join(root, f)), f).toBe(true);
  });

  it("repeats --persist-to in its token commands, so new tokens land in the database the server reads", () => {
    const tokenLines = (text: string) => text.split("\n").filter((l) => l.includes("npm run token --"));
    const elsewhere = startBanner({ apiUrl: "http://localhost:8787", token: "nkr_x", scope: "ID", addinUrl: null, persistTo: "/tmp/nakes db" });
    expect(tokenLines(elsewhere).length).toBeGreaterThanOrEqual(2);
    for (const line of tokenLines(elsewhere)) expect(line).toContain('--persist-to "/tmp/nakes db"');
    const usual = startBanner({ apiUrl: "http://localhost:8787", token: "nkr_x", scope: "ID", addinUrl: null });
    for (const line of tokenLines(usual)) expect(line).not.toContain("--persist-to");
  });
});
