import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import type { ValidateResponse } from "../../../shared/api/rosters";
import { demoPopulation } from "../../../fixtures/demo";
import { NATIONAL } from "../../../shared/coverage/units";
import type { RosterRequest } from "../../../shared/schema/roster";
import { prepare } from "../../../worker/db/limits";
import { sweepAll } from "../../../worker/sweep";
import { json, roster, tokenFor } from "../support";
import { banten, bengkulu, bindProvinces, countIn, facilityTable, prepareProvinceDatabases, puskesmas17 } from "../provinces";

/**
 * Issue 15 item 3, SPEC §7: one database per province, for real. DB (tokens, region codes, the
 * national identifier index) plus DB_17 (Bengkulu) and DB_36 (Banten) are bound; every request below
 * goes through the app with those bindings, and raw SQL on each binding says where rows landed.
 */

const DB_17 = env.TEST_DB_17 as D1Database;
const DB_36 = env.TEST_DB_36 as D1Database;
const { bound, boundEnv, via } = bindProvinces(DB_17, DB_36);
const databases = { DB: env.DB as D1Database, DB_17, DB_36 };

/** How many rows `sql` counts in one database. */
const n = async (db: D1Database, sql: string, ...params: unknown[]): Promise<number> => (await countIn({ db }, sql, ...params)).db;

/** Per binding: how many rows `sql` counts there. */
const where = (sql: string, ...params: unknown[]) => countIn(databases, sql, ...params);

let admin: string;
let uploader: string;
let analyst: string;
let banten36: string;
let bengkulu17: string;

beforeAll(async () => {
  // Region codes live in DB only; facilities and population go through the API below.
  await prepareProvinceDatabases(DB_17, DB_36);
  admin = await tokenFor("admin", NATIONAL, "Kemenkes");
  uploader = await tokenFor("uploader", NATIONAL, "Kemenkes uploader");
  analyst = await tokenFor("analyst", NATIONAL, "Kemenkes analyst");
  banten36 = await tokenFor("uploader", "36", "Dinkes Banten");
  bengkulu17 = await tokenFor("uploader", "17", "Dinkes Bengkulu");
  expect((await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(bengkulu) })).status).toBe(200);
  expect((await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(banten) })).status).toBe(200);
});

describe("the masters of a province", () => {
  it("are stored in the province's own database and in no other", async () => {
    expect(await where("SELECT COUNT(*) AS n FROM fasyankes WHERE kode LIKE 'P17%'")).toEqual({ DB: 0, DB_17: puskesmas17.length, DB_36: 0 });
    expect(await where("SELECT COUNT(*) AS n FROM fasyankes WHERE kode_wilayah LIKE '36%'")).toEqual({ DB: 0, DB_17: 0, DB_36: banten.length });
  });

  it("keeps population in the province's database", async () => {
    const rows = demoPopulation.filter((p) => p.kode_wilayah.startsWith("17"));
    expect(rows.length).toBeGreaterThan(0);
    const res = await via("PUT", "/v1/population", { token: admin, json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: rows.map((p) => [p.kode_wilayah, p.tahun, p.jumlah]) } } });
    expect(res.status).toBe(200);
    expect(await where("SELECT COUNT(*) AS n FROM penduduk WHERE kode_wilayah LIKE '17%'")).toEqual({ DB: 0, DB_17: rows.length, DB_36: 0 });
  });

  it("refuses a national admin's master change naming two provinces, whole, Indonesian first", async () => {
    const changed = [...bengkulu.slice(0, 1), ...banten.slice(0, 1)].map((f) => ({ ...f, nama: `${f.nama} Baru` }));
    for (const lang of ["id", "en"]) {
      const res = await via("PUT", "/v1/facilities", { token: admin, json: facilityTable(changed), headers: { "Accept-Language": lang } });
      expect(res.status).toBe(422);
      const body = await json(res);
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.message).toMatch(lang === "id" ? /2 provinsi \(17 Bengkulu, 36 Banten\).*tidak ada yang disimpan/ : /2 provinces \(17 Bengkulu, 36 Banten\).*nothing was stored/);
    }
    expect(await where("SELECT COUNT(*) AS n FROM fasyankes WHERE nama LIKE '% Baru'")).toEqual({ DB: 0, DB_17: 0, DB_36: 0 });
    const pop = { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["1706", 2026, 1000], ["3601", 2026, 2000]] } };
    expect((await via("PUT", "/v1/population", { token: admin, json: pop })).status).toBe(422);
  });
});

describe("tokens with province databases bound", () => {
  it("are stored in DB whatever their scope, a facility scope judged by its province's master", async () => {
    const bantenAdmin = await tokenFor("admin", "36", "Admin Banten");
    const created = await via("POST", "/v1/tokens", { token: bantenAdmin, json: { role: "uploader", scope: banten[0]!.kode, name: "Puskesmas Sumur" } });
    expect(created.status).toBe(201);
    const { id, token } = await json(created);
    expect(await where("SELECT COUNT(*) AS n FROM tokens WHERE id = ?1", id)).toEqual({ DB: 1, DB_17: 0, DB_36: 0 });
    // The new token works, and a Bengkulu admin neither sees nor revokes it.
    expect((await via("GET", `/v1/rosters/${banten[0]!.kode}`, { token })).status).toBe(200);
    const listed = async (t: string) => (await json(await via("GET", "/v1/tokens", { token: t }))).tokens.map((x: { id: string }) => x.id);
    expect(await listed(bantenAdmin)).toContain(id);
    expect(await listed(await tokenFor("admin", "17", "Admin Bengkulu"))).not.toContain(id);
    expect((await via("DELETE", `/v1/tokens/${id}`, { token: bantenAdmin })).status).toBe(200);
    expect((await via("GET", `/v1/rosters/${banten[0]!.kode}`, { token })).status).toBe(401);
  });

  it("refuses a scope that no database knows", async () => {
    const res = await via("POST", "/v1/tokens", { token: admin, json: { role: "uploader", scope: "P3699990101", name: "Nowhere" } });
    expect(res.status).toBe(422);
  });
});

describe("uploads to two provinces with a database each", () => {
  let up17: string;
  let up36: string;

  beforeAll(async () => {
    const r17 = await via("POST", "/v1/rosters", { token: uploader, json: roster(40, { facilities: puskesmas17.slice(0, 3), seed: 1701 }), headers: { "Idempotency-Key": "prov-17" } });
    const r36 = await via("POST", "/v1/rosters", { token: uploader, json: roster(20, { facilities: banten.slice(0, 2), seed: 3601 }), headers: { "Idempotency-Key": "prov-36" } });
    expect([r17.status, r36.status]).toEqual([201, 201]);
    up17 = (await json(r17)).upload_id;
    up36 = (await json(r36)).upload_id;
  });

  it("stores each upload, its rows, versions, key and coverage in its province's database only", async () => {
    expect(await where("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1", up17)).toEqual({ DB: 0, DB_17: 1, DB_36: 0 });
    expect(await where("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1", up36)).toEqual({ DB: 0, DB_17: 0, DB_36: 1 });
    expect(await where("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes LIKE 'P17%'")).toEqual({ DB: 0, DB_17: 40, DB_36: 0 });
    expect(await where("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes LIKE 'P36%'")).toEqual({ DB: 0, DB_17: 0, DB_36: 20 });
    expect(await where("SELECT COUNT(*) AS n FROM roster_current WHERE kode_fasyankes LIKE 'P36%'")).toEqual({ DB: 0, DB_17: 0, DB_36: 2 });
    expect(await where("SELECT COUNT(*) AS n FROM coverage_version WHERE kode_fasyankes LIKE 'P17%'")).toEqual({ DB: 0, DB_17: 3, DB_36: 0 });
    expect(await where("SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = 'prov-36'")).toEqual({ DB: 0, DB_17: 0, DB_36: 1 });
  });

  it("reads tokens from DB whatever the token's scope", async () => {
    expect(await where("SELECT COUNT(*) AS n FROM tokens")).toMatchObject({ DB_17: 0, DB_36: 0 });
    const res = await via("GET", "/v1/rosters/P3601010101", { token: banten36 });
    expect(res.status).toBe(200);
  });

  it("answers GET /v1/rosters/{kode} from the facility's province database", async () => {
    for (const [kode, token] of [[puskesmas17[0]!.kode, bengkulu17], [banten[0]!.kode, banten36], [banten[0]!.kode, uploader]] as const) {
      const res = await via("GET", `/v1/rosters/${kode}`, { token });
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(body.upload_id).toBe(kode.startsWith("P17") ? up17 : up36);
      expect(body.nakes.rows.length).toBeGreaterThan(0);
    }
  });

  it("lists each province's uploads from its database, and a national token's from every one", async () => {
    const ids = async (token: string) => (await json(await via("GET", "/v1/uploads", { token }))).uploads.map((u: { id: string }) => u.id);
    expect(await ids(bengkulu17)).toEqual([up17]);
    expect(await ids(banten36)).toEqual([up36]);
    expect(new Set(await ids(uploader))).toEqual(new Set([up17, up36]));
    const one = await via("GET", `/v1/uploads/${up36}`, { token: uploader });
    expect(one.status).toBe(200);
    expect((await json(one)).id).toBe(up36);
    expect((await via("GET", `/v1/uploads/${up36}`, { token: bengkulu17 })).status).toBe(404);
  });

  it("gives national coverage as the sum of the two provinces, read from each database", async () => {
    const coverage = async (q: string) => json<CoverageResponse>(await via("GET", `/v1/coverage?as_of=2026-11-02${q}`, { token: analyst }));
    const [p17, p36, all] = await Promise.all([coverage("&region=17"), coverage("&region=36"), coverage("")]);
    expect(p17.figures["tenaga"]).toBe(40);
    expect(p36.figures["tenaga"]).toBe(20);
    for (const key of ["tenaga", "fasyankes", "puskesmas_tanpa_dokter"]) expect(all.figures[key]).toBe((p17.figures[key] ?? 0) + (p36.figures[key] ?? 0));
  });

  it("remembers national coverage in each province's database and forgets one province's when it changes", async () => {
    const coverage = async () => json<CoverageResponse>(await via("GET", "/v1/coverage?as_of=2026-11-03", { token: analyst }));
    const fresh = await coverage();
    const question = JSON.stringify(["province", null, "2026-11-03"]);
    expect(await where("SELECT COUNT(*) AS n FROM coverage_memo WHERE question = ?1", question)).toEqual({ DB: 1, DB_17: 1, DB_36: 1 });
    expect(await coverage()).toEqual(fresh);
    await DB_36.prepare("UPDATE coverage_version SET t_PERAWAT = t_PERAWAT + 1 WHERE valid_to IS NULL").run();
    const res = await via("GET", "/v1/coverage?as_of=2026-11-03", { token: analyst });
    // Only Banten's part is read again: DB and Bengkulu's database answer from their memos.
    expect(res.headers.get("Server-Timing")).toMatch(/desc="remembered 2 of 3"/);
    const after = await json<CoverageResponse>(res);
    expect(after.figures["tenaga.PERAWAT"]).toBeGreaterThan(fresh.figures["tenaga.PERAWAT"]!);
    expect(await where("SELECT COUNT(*) AS n FROM coverage_memo WHERE question = ?1", question)).toEqual({ DB: 1, DB_17: 1, DB_36: 1 });
  });

  it("compares each facility of a refused two-province dry run with its own province's stored roster", async () => {
    // Bengkulu's stored roster again, beside more Banten rows: the upload's database is Banten's.
    const again17 = roster(40, { facilities: puskesmas17.slice(0, 3), seed: 1701 });
    const more36 = roster(50, { facilities: banten.slice(0, 2), seed: 3650, pelatihan: false });
    const req = { ...again17, nakes: { columns: again17.nakes.columns, rows: [...more36.nakes.rows, ...again17.nakes.rows] } };
    const body = await json<ValidateResponse>(await via("POST", "/v1/rosters/validate", { token: uploader, json: req }));
    expect(body.issues.filter((i) => i.code === "upload.multi_province").map((i) => String(i.value).slice(0, 3))).toEqual(["P17"]);
    const entry = body.diff.find((d) => d.kode_fasyankes === puskesmas17[0]!.kode)!;
    expect(entry).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(entry.unchanged).toBeGreaterThan(0);
  });

  it("lists the facility master of the whole country from every database", async () => {
    const body = await json(await via("GET", "/v1/facilities", { token: analyst }));
    expect(body.fasyankes).toHaveLength(bengkulu.length + banten.length);
    const one = await json(await via("GET", "/v1/facilities?region=36", { token: analyst }));
    expect(one.fasyankes.map((f: { kode: string }) => f.kode).sort()).toEqual(banten.map((f) => f.kode).sort());
  });
});

/** A person stored in Bengkulu (DB_17) at two puskesmas from index `at` (each test its own), reused in Banten dry runs. */
async function storeBengkuluPerson(seed: number, at: number): Promise<{ columns: string[]; row: RosterRequest["nakes"]["rows"][number]; nik: string; nip: string }> {
  const r = roster(12, { facilities: puskesmas17.slice(at, at + 2), seed, pelatihan: false });
  const nip = r.nakes.columns.indexOf("nip");
  const i = r.nakes.rows.findIndex((row) => row[nip] !== null);
  const res = await via("POST", "/v1/rosters", { token: uploader, json: r });
  expect(res.status).toBe(201);
  const row = r.nakes.rows[i]!;
  return { columns: r.nakes.columns, row, nik: String(row[r.nakes.columns.indexOf("nik")]), nip: String(row[nip]) };
}

/**
 * A Banten roster with the person at Banten's four puskesmas: more than three facilities in a Banten
 * token's scope (only those count, SPEC §7 Access), so nik.multi_facility is told, and "outside your
 * area" only when the Bengkulu holder is seen.
 */
function bantenRosterWith(person: { columns: string[]; row: RosterRequest["nakes"]["rows"][number] }, seed: number): RosterRequest {
  const r = roster(8, { facilities: banten, seed, pelatihan: false });
  const kode = r.nakes.columns.indexOf("kode_fasyankes");
  banten.filter((f) => f.jenis === "PUSKESMAS").forEach((f, k) => {
    const row = [...person.row];
    row[kode] = f.kode;
    r.nakes.rows[k] = row;
  });
  return r;
}

async function bantenDryRun(r: RosterRequest, lang = "id"): Promise<ValidateResponse> {
  const res = await via("POST", "/v1/rosters/validate", { token: banten36, json: r, headers: { "Accept-Language": lang } });
  expect(res.status).toBe(200);
  return json<ValidateResponse>(res);
}

describe("cross-province duplicate checks", () => {
  it("copies a province's current identifiers into the national index right after its commit", async () => {
    const person = await storeBengkuluPerson(1702, 3);
    expect(await where("SELECT COUNT(*) AS n FROM identifier_index WHERE nik = ?1 AND provinsi = '17'", person.nik)).toEqual({ DB: 1, DB_17: 0, DB_36: 0 });
  });

  it("finds a NIK stored in 17 from a dry run in 36, told as outside your area and naming no facility of 17", async () => {
    const person = await storeBengkuluPerson(1703, 5);
    for (const lang of ["id", "en"]) {
      const body = await bantenDryRun(bantenRosterWith(person, 3603), lang);
      const found = body.issues.filter((i) => i.code === "nik.multi_facility");
      expect(found.map((i) => i.row)).toEqual([0, 1, 2, 3]);
      expect(found[0]!.message).toMatch(lang === "id" ? /di luar wilayah Anda/ : /outside your area/);
      expect(JSON.stringify(body.issues)).not.toMatch(/P17\d{9}/);
    }
  });

  it("finds a NIP stored in 17 used by another NIK in 36 (nip.elsewhere)", async () => {
    const person = await storeBengkuluPerson(1704, 7);
    const r = roster(5, { facilities: banten.slice(0, 1), seed: 3604, pelatihan: false });
    const nip = r.nakes.columns.indexOf("nip");
    const i = r.nakes.rows.findIndex((row) => row[nip] !== null);
    r.nakes.rows[i]![nip] = person.nip;
    const found = (await bantenDryRun(r)).issues.filter((x) => x.code === "nip.elsewhere");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/di luar wilayah Anda/);
  });

  it("stores the upload when the index write fails, and the scheduled job writes the lost rows", async () => {
    // Writes to the index fail (reads still work) while this upload commits.
    await env.DB.exec("CREATE TRIGGER index_down BEFORE INSERT ON identifier_index BEGIN SELECT RAISE(ABORT, 'index down'); END");
    let person: Awaited<ReturnType<typeof storeBengkuluPerson>>;
    try {
      person = await storeBengkuluPerson(1705, 11);
    } finally {
      await env.DB.exec("DROP TRIGGER index_down");
    }
    expect(await where("SELECT COUNT(*) AS n FROM nakes WHERE nik = ?1 AND valid_to IS NULL", person.nik)).toMatchObject({ DB: 0, DB_17: 1 });
    expect(await n(env.DB, "SELECT COUNT(*) AS n FROM identifier_index WHERE nik = ?1", person.nik)).toBe(0);
    // Unseen from Banten until the index holds it (the window of SPEC §7): four Banten facilities only.
    const before = (await bantenDryRun(bantenRosterWith(person, 3605))).issues.filter((i) => i.code === "nik.multi_facility");
    expect(before.map((i) => i.row)).toEqual([0, 1, 2, 3]);
    expect(before[0]!.message).not.toMatch(/di luar wilayah Anda/);

    // An index row lost on its own (deleted) is rebuilt too.
    const other = await storeBengkuluPerson(1706, 13);
    await env.DB.prepare("DELETE FROM identifier_index WHERE nik = ?1").bind(other.nik).run();

    const report = await sweepAll(boundEnv, new Date());
    expect(report.indexed).toBeGreaterThan(0);
    expect(await n(env.DB, "SELECT COUNT(*) AS n FROM identifier_index WHERE nik = ?1 AND provinsi = '17'", person.nik)).toBe(1);
    expect(await n(env.DB, "SELECT COUNT(*) AS n FROM identifier_index WHERE nik = ?1 AND provinsi = '17'", other.nik)).toBe(1);
    const after = (await bantenDryRun(bantenRosterWith(person, 3606))).issues.filter((i) => i.code === "nik.multi_facility");
    expect(after.map((i) => i.row)).toEqual([0, 1, 2, 3]);
    expect(after[0]!.message).toMatch(/di luar wilayah Anda/);
  });

  it("drops the index rows of people who left a facility's roster", async () => {
    const facilities = puskesmas17.slice(9, 10);
    const first = roster(6, { facilities, seed: 1707, pelatihan: false });
    expect((await via("POST", "/v1/rosters", { token: uploader, json: first })).status).toBe(201);
    const nik = first.nakes.columns.indexOf("nik");
    const gone = String(first.nakes.rows[0]![nik]);
    expect(await n(env.DB, "SELECT COUNT(*) AS n FROM identifier_index WHERE nik = ?1", gone)).toBe(1);
    const second = { ...first, nakes: { ...first.nakes, rows: first.nakes.rows.slice(1) } };
    expect((await via("POST", "/v1/rosters", { token: uploader, json: second })).status).toBe(201);
    expect(await n(env.DB, "SELECT COUNT(*) AS n FROM identifier_index WHERE nik = ?1", gone)).toBe(0);
    expect(await n(env.DB, "SELECT COUNT(*) AS n FROM identifier_index WHERE kode_fasyankes = ?1", facilities[0]!.kode)).toBe(5);
  });
});

describe("a national token's staged upload and retries", () => {
  it("stages in the province's database and commits there by id, then indexes it", async () => {
    const r = roster(10, { facilities: puskesmas17.slice(15, 16), seed: 1708, pelatihan: false });
    const dry = await via("POST", "/v1/rosters/validate?stage=1", { token: uploader, json: r });
    expect(dry.status).toBe(200);
    const staged = (await json<ValidateResponse>(dry)).staged!.id;
    expect(await where("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1 AND committed_at IS NULL", staged)).toEqual({ DB: 0, DB_17: 1, DB_36: 0 });
    const key = { "Idempotency-Key": "prov-commit" };
    const first = await via("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: staged }, headers: key });
    expect(first.status).toBe(201);
    expect(await where("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1 AND committed_at IS NOT NULL", staged)).toEqual({ DB: 0, DB_17: 1, DB_36: 0 });
    const nik = String(r.nakes.rows[0]![r.nakes.columns.indexOf("nik")]);
    expect(await n(env.DB, "SELECT COUNT(*) AS n FROM identifier_index WHERE nik = ?1 AND provinsi = '17'", nik)).toBe(1);
    // A retry with the key finds the first answer in the same province database.
    const again = await via("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: staged }, headers: key });
    expect(again.status).toBe(201);
    expect((await json(again)).upload_id).toBe(staged);
  });

  it("refuses to commit a staging whose NIP another province's upload took since (412), seen through the index", async () => {
    const r = roster(6, { facilities: banten.slice(3, 4), seed: 3608, pelatihan: false });
    const nip = r.nakes.columns.indexOf("nip");
    const i = r.nakes.rows.findIndex((row) => row[nip] !== null);
    const taken = String(r.nakes.rows[i]![nip]);
    const dry = await via("POST", "/v1/rosters/validate?stage=1", { token: uploader, json: r });
    const staged = (await json<ValidateResponse>(dry)).staged!.id;
    // Between staging and commit, another person in Bengkulu (DB_17) is stored with that NIP.
    const other = roster(4, { facilities: puskesmas17.slice(10, 11), seed: 1710, pelatihan: false });
    const j = other.nakes.rows.findIndex((row) => row[nip] !== null);
    other.nakes.rows[j]![nip] = taken;
    expect((await via("POST", "/v1/rosters", { token: uploader, json: other })).status).toBe(201);
    const res = await via("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: staged } });
    expect(res.status).toBe(412);
    expect(await where("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1 AND committed_at IS NOT NULL", staged)).toEqual({ DB: 0, DB_17: 0, DB_36: 0 });
  });

  it("answers an upload's retry with the first answer from the province's database", async () => {
    const r = roster(8, { facilities: banten.slice(2, 3), seed: 3607, pelatihan: false });
    const key = { "Idempotency-Key": "prov-retry-36" };
    const first = await via("POST", "/v1/rosters", { token: uploader, json: r, headers: key });
    const again = await via("POST", "/v1/rosters", { token: uploader, json: r, headers: key });
    expect([first.status, again.status]).toEqual([201, 201]);
    const id = (await json(first)).upload_id;
    expect((await json(again)).upload_id).toBe(id);
    expect(await where("SELECT COUNT(*) AS n FROM uploads WHERE content_hash = (SELECT content_hash FROM uploads WHERE id = ?1)", id)).toMatchObject({ DB_36: 1 });
    expect(await where("SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = 'prov-retry-36'")).toEqual({ DB: 0, DB_17: 0, DB_36: 1 });
  });
});

describe("the scheduled job's reconciliation of the index", () => {
  it("moves its mark past settled uploads, so a later run copies only what was committed since", async () => {
    const later = new Date(Date.now() + 10 * 60_000);
    await sweepAll(boundEnv, later);
    const mark = await env.DB.prepare("SELECT committed_at FROM identifier_index_sync WHERE provinsi = '17'").first<{ committed_at: string }>();
    expect(mark).not.toBeNull();
    expect(await n(DB_17, "SELECT COUNT(*) AS n FROM uploads WHERE committed_at > ?1", mark!.committed_at)).toBe(0);
    expect((await sweepAll(boundEnv, later)).indexed).toBe(0);
    const r = roster(4, { facilities: puskesmas17.slice(16, 17), seed: 1709, pelatihan: false });
    expect((await via("POST", "/v1/rosters", { token: uploader, json: r })).status).toBe(201);
    expect((await sweepAll(boundEnv, new Date(Date.now() + 10 * 60_000))).indexed).toBe(1);
  });
});
