import { todayIn } from "../../../shared/normalize/today";
import { beforeAll, describe, expect, it } from "vitest";
import type { StandardsResponse } from "../../../shared/api/coverage";
import type { Issue } from "../../../shared/schema/issue";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import { FACILITIES, POPULATION, rosterRows } from "../../shared/coverage/fixture";
import { call, roster, tokenFor } from "../support";
import { coverage, putFacilities, putPopulation, seedRegions, uploadAt } from "./api";

/**
 * The staffing standard is data: revising or switching it changes the next coverage answer. Tests in
 * this file share one database, so each puts back what it changed.
 */
let admin: string;
let analyst: string;

const table = (rows: (string | number)[][]) => ({ columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows });
const pmk75Rows = () => PMK75_2014.rules.map((r) => [r.kategori, r.rawat_inap ? "Y" : "N", r.jenis, r.minimum]);
/** RPJMN 2025–2029: inpatient urban puskesmas need 3 doctors, 3 nurses and 3 midwives. */
const rpjmnRows = () =>
  pmk75Rows().map(([k, ri, j, m]) => [k!, ri!, j!, k === "PERKOTAAN" && ri === "Y" && ["DOKTER", "PERAWAT", "BIDAN"].includes(String(j)) ? 3 : m!]);

beforeAll(async () => {
  await seedRegions();
  admin = await tokenFor("admin", "17");
  analyst = await tokenFor("analyst", "17");
  await putFacilities(admin, FACILITIES);
  await putPopulation(admin, POPULATION);
  await uploadAt(admin, "2026-10-20T03:00:00.000Z", rosterRows(), "2026-10-01");
});

// Today: a set switched on or revised now holds from today (SPEC §6, standards dated by berlaku_mulai).
const penarik = async () => coverage(analyst, `region=P1706020102&as_of=${todayIn("17")}`);
const put = (token: string, json: unknown, lang = "id") => call("PUT", "/v1/standards", { token, json, headers: { "Accept-Language": lang } });

describe("GET /v1/standards", () => {
  it("lists the seeded set PMK75_2014 as active with its 66 rows", async () => {
    const res = await call("GET", "/v1/standards", { token: analyst });
    expect(res.status).toBe(200);
    const body = (await res.json()) as StandardsResponse;
    expect(body.aktif).toBe("PMK75_2014");
    expect(body.sets).toEqual([expect.objectContaining({ nama: "PMK75_2014", aktif: true, baris: 66 })]);
    expect(body.standar).toHaveLength(66);
  });
});

describe("PUT /v1/standards", () => {
  it("is for admins of a province: analysts and regency admins get 403", async () => {
    expect((await put(analyst, { aktif: true })).status).toBe(403);
    expect((await put(await tokenFor("admin", "1706"), { aktif: true })).status).toBe(403);
  });

  it("revises the active set, and coverage follows at once", async () => {
    const before = await penarik();
    expect(before.figures).toMatchObject({ puskesmas_standar_terpenuhi: 1, "kekurangan.DOKTER": 0, kekurangan: 0 });
    const res = await put(admin, { set: "PMK75_2014", standar: table(rpjmnRows()) });
    expect(res.status).toBe(200);
    const after = await penarik();
    expect(after.standard_set).toBe("PMK75_2014");
    expect(after.figures).toMatchObject({ puskesmas_standar_terpenuhi: 0, "kekurangan.DOKTER": 1, "kekurangan.PERAWAT": 0, "kekurangan.BIDAN": 0, kekurangan: 1 });

    expect((await put(admin, { set: "PMK75_2014", standar: table(pmk75Rows()) })).status).toBe(200);
    expect((await penarik()).figures["kekurangan"]).toBe(0);
  });

  it("keeps a new set aside until it is switched on, then coverage uses it", async () => {
    const created = await put(admin, { set: "RPJMN_2025", keterangan: "RPJMN 2025–2029", standar: table(rpjmnRows()) });
    expect(created.status).toBe(200);
    expect(((await created.json()) as StandardsResponse).aktif).toBe("PMK75_2014");
    expect((await penarik()).figures["kekurangan"]).toBe(0);

    const switched = await put(admin, { set: "RPJMN_2025", aktif: true });
    expect(switched.status).toBe(200);
    const body = (await switched.json()) as StandardsResponse;
    expect(body.aktif).toBe("RPJMN_2025");
    expect(body.sets.map((s) => [s.nama, s.aktif])).toEqual([["RPJMN_2025", true], ["PMK75_2014", false]]);
    const after = await penarik();
    expect(after.standard_set).toBe("RPJMN_2025");
    expect(after.figures["kekurangan"]).toBe(1);

    expect((await put(admin, { set: "PMK75_2014", aktif: true })).status).toBe(200);
    expect((await penarik()).standard_set).toBe("PMK75_2014");
  });

  it("refuses a bad table with 422 naming each row and column, and changes nothing", async () => {
    const res = await put(admin, { standar: table([["PERKOTAAN", "Y", "DOKTER", 2], ["KOTA", "Y", "DOKTER", 1], ["PEDESAAN", "N", "TUKANG", -1]]) }, "en");
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string; issues: Issue[] } };
    expect(error.code).toBe("validation_failed");
    expect(error.issues.map((i) => [i.code, i.table, i.row, i.column, i.severity])).toEqual([
      ["standar.invalid", "standar", 1, "kategori", "error"],
      ["standar.invalid", "standar", 2, "jenis", "error"],
      ["standar.invalid", "standar", 2, "minimum", "error"],
    ]);
    expect(error.issues[0]!.message).toContain("unknown category");
    expect(error.message).toBe("The standard table has 3 error(s); nothing was changed.");
    const now = (await (await call("GET", "/v1/standards", { token: analyst })).json()) as StandardsResponse;
    expect(now.standar).toHaveLength(66);
  });

  it("answers 404 for switching to a set that does not exist, 400 for a body without table or switch", async () => {
    expect((await put(admin, { set: "TIDAK_ADA", aktif: true })).status).toBe(404);
    expect((await put(admin, { set: "PMK75_2014" })).status).toBe(400);
    expect((await put(admin, { set: "pmk 75", aktif: true })).status).toBe(400);
  });
});

/** Issue 10, item 4: standards are per province, with a national default. */
describe("standards per province", () => {
  const bantenPkm = { kode: "P3601010101", nama: "Puskesmas Sumur", jenis: "PUSKESMAS" as const, kode_wilayah: "3601", kecamatan: "360101", kategori: "TERPENCIL" as const, rawat_inap: true, poned: true };
  const fifty = () => pmk75Rows().map(([k, ri, j]) => [k!, ri!, j!, 50]);

  it("keeps a Banten admin's minimum of 50 everywhere out of Mukomuko's coverage, and in Banten's", async () => {
    const bantenAdmin = await tokenFor("admin", "36");
    const bantenAnalyst = await tokenFor("analyst", "36");
    const national = await tokenFor("analyst", "ID");
    expect((await putFacilities(bantenAdmin, [bantenPkm])).status).toBe(200);
    const bantenRoster = roster(12, { facilities: [{ row: 0, ...bantenPkm, aktif: true }], seed: 3601, pelatihan: false });
    const up = await call("POST", "/v1/rosters", { token: bantenAdmin, json: bantenRoster });
    expect(up.status, await up.clone().text()).toBe(201);

    const mukomuko = async () => (await coverage(analyst, "region=1706")).figures["kekurangan"];
    const banten = async () => (await coverage(bantenAnalyst, "region=3601")).figures["kekurangan"];
    // Today: the Banten roster was committed now (coverage at a date sees what was committed by then).
    const [mBefore, bBefore] = [await mukomuko(), await banten()];
    expect(mBefore).toBeGreaterThan(0);

    const res = await put(bantenAdmin, { set: "PMK75_2014", standar: table(fifty()) });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as StandardsResponse;
    expect(body.aktif).toBe("PMK75_2014");
    expect(body.sets.find((s) => s.aktif)?.provinsi).toBe("36");
    expect(body.standar.every((r) => r.minimum === 50)).toBe(true);

    expect(await mukomuko()).toBe(mBefore);
    const bAfter = await banten();
    expect(bAfter).toBeGreaterThan(bBefore as number);
    // The country sums each province under its own set.
    const all = await coverage(national, "level=province");
    expect(all.figures["kekurangan"]).toBe((await coverage(analyst, "region=17")).figures["kekurangan"]! + bAfter!);
  });

  it("shows each province its effective set, and a national token the default", async () => {
    const bengkulu = (await (await call("GET", "/v1/standards", { token: analyst })).json()) as StandardsResponse;
    expect(bengkulu.standar.some((r) => r.minimum === 50)).toBe(false);
    const banten = (await (await call("GET", "/v1/standards", { token: await tokenFor("uploader", "P3601010101") })).json()) as StandardsResponse;
    expect(banten.standar.every((r) => r.minimum === 50)).toBe(true);
    const national = (await (await call("GET", "/v1/standards", { token: await tokenFor("analyst", "ID") })).json()) as StandardsResponse;
    expect(national.aktif).toBe("PMK75_2014");
    expect(national.sets.every((s) => s.provinsi === "ID")).toBe(true);
    expect(national.standar).toHaveLength(PMK75_2014.rules.length);
    expect(national.standar.filter((r) => r.minimum === 50)).toEqual([]);
  });

  it("lets a national admin change the default, which a province with its own set does not follow", async () => {
    const nationalAdmin = await tokenFor("admin", "ID");
    const created = await put(nationalAdmin, { set: "NASIONAL_UJI", standar: table(pmk75Rows().map(([k, ri, j, m]) => [k!, ri!, j!, Number(m) + 1])), aktif: true });
    expect(created.status, await created.clone().text()).toBe(200);
    expect(((await created.json()) as StandardsResponse).aktif).toBe("NASIONAL_UJI");
    const banten = (await (await call("GET", "/v1/standards", { token: await tokenFor("analyst", "36") })).json()) as StandardsResponse;
    expect(banten.standar.every((r) => r.minimum === 50)).toBe(true);
    // Bengkulu revised PMK75_2014 above and so uses its own; switching back to the national default is not needed here.
    expect((await put(nationalAdmin, { set: "PMK75_2014", aktif: true })).status).toBe(200);
  });
});
