import { beforeAll, describe, expect, it } from "vitest";
import type { StandardsResponse } from "../../../shared/api/coverage";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import { FACILITIES, POPULATION, rosterRows } from "../../shared/coverage/fixture";
import { call, tokenFor } from "../support";
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

const penarik = async () => coverage(analyst, "region=P1706020102&as_of=2026-11-01");
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
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain("row 2, kategori");
    expect(error.message).toContain("row 3, jenis");
    expect(error.message).toContain("row 3, minimum");
    const now = (await (await call("GET", "/v1/standards", { token: analyst })).json()) as StandardsResponse;
    expect(now.standar).toHaveLength(66);
  });

  it("answers 404 for switching to a set that does not exist, 400 for a body without table or switch", async () => {
    expect((await put(admin, { set: "TIDAK_ADA", aktif: true })).status).toBe(404);
    expect((await put(admin, { set: "PMK75_2014" })).status).toBe(400);
    expect((await put(admin, { set: "pmk 75", aktif: true })).status).toBe(400);
  });
});
