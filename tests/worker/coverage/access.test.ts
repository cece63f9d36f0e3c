import { beforeAll, describe, expect, it } from "vitest";
import { FACILITIES, POPULATION, rosterRows } from "../../shared/coverage/fixture";
import { call, tokenFor } from "../support";
import { coverage, putFacilities, putPopulation, seedRegions, uploadAt } from "./api";

/** Who may read coverage, of which region, and what they never see. */
const roster = rosterRows();

beforeAll(async () => {
  await seedRegions();
  const admin = await tokenFor("admin", "17");
  await putFacilities(admin, FACILITIES);
  await putPopulation(admin, POPULATION);
  await uploadAt(admin, "2026-10-20T03:00:00.000Z", roster, "2026-10-01");
});

const get = async (path: string, token?: string, lang = "id") =>
  call("GET", path, token === undefined ? { headers: { "Accept-Language": lang } } : { token, headers: { "Accept-Language": lang } });

describe("GET /v1/coverage access", () => {
  it("asks for a token (401) and lets analysts, uploaders and admins read", async () => {
    expect((await get("/v1/coverage?region=1706")).status).toBe(401);
    for (const role of ["analyst", "uploader", "admin"] as const) {
      expect((await get("/v1/coverage?region=1706", await tokenFor(role, "17"))).status).toBe(200);
    }
  });

  it("refuses a region outside the token's scope with 403, in the client's language", async () => {
    const analyst = await tokenFor("analyst", "1706");
    const wider = await get("/v1/coverage?region=17", analyst, "en");
    expect(wider.status).toBe(403);
    expect(await wider.json()).toMatchObject({ error: { code: "forbidden", message: "Region 17 lies outside your token's scope (1706)." } });
    expect((await get("/v1/coverage?region=1701", analyst)).status).toBe(403);
    expect((await get("/v1/coverage?region=P1701010101", analyst)).status).toBe(403);
    expect((await get("/v1/coverage?region=P1706020101", analyst)).status).toBe(200);
  });

  it("reads the token's own scope when no region is asked, one level below it", async () => {
    const regency = await coverage(await tokenFor("analyst", "1706"), "as_of=2026-11-01");
    expect(regency.query).toMatchObject({ region: "1706", level: "kecamatan" });
    expect(regency.figures["tenaga"]).toBe(95);
    const facility = await coverage(await tokenFor("analyst", "P1706020101"), "as_of=2026-11-01");
    expect(facility.query).toMatchObject({ region: "P1706020101", level: "facility" });
    expect(facility.figures["puskesmas_tanpa_dokter"]).toBe(1);
    expect((await get("/v1/coverage?region=1706", await tokenFor("analyst", "P1706020101"))).status).toBe(403);
  });

  it("lets a national token read the whole country, one row per province", async () => {
    const national = await coverage(await tokenFor("analyst", "ID"), "as_of=2026-11-01");
    expect(national.query).toMatchObject({ region: null, level: "province" });
    expect(national.tables.wilayah.rows.map((r) => r[0])).toEqual(["17"]);
    expect(national.figures["tenaga"]).toBe(105);
  });

  it("never shows a NIK, NIP or person's name at any level", async () => {
    const analyst = await tokenFor("analyst", "17");
    const secrets = roster.nakes.flatMap((r) => [r.nik, r.nama, ...(r.nip ? [r.nip] : [])]);
    for (const level of ["facility", "kecamatan", "regency", "province"]) {
      const body = await (await get(`/v1/coverage?region=17&level=${level}&as_of=2026-11-01`, analyst)).text();
      expect(body.length).toBeGreaterThan(1000);
      expect(secrets.filter((s) => body.includes(s))).toEqual([]);
    }
  });
});

describe("GET /v1/coverage refuses bad questions with 400, never 500", () => {
  it("refuses one row per facility for the whole country", async () => {
    const res = await get("/v1/coverage?level=facility", await tokenFor("analyst", "ID"), "en");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("a province or finer");
  });

  it.each([
    ["level=province&region=1706", "coarser than region"],
    ["region=3x", "region"],
    ["as_of=01/11/2026", "as_of"],
    ["as_of=2026-02-30", "as_of"],
    ["as_of=9999-12-31", "more than one day after today"],
    ["as_of=1800-01-01", "outside the years"],
    ["level=desa", "level"],
    ["jenis_tenaga=TUKANG", "jenis_tenaga"],
  ])("%s", async (query, mentions) => {
    const res = await get(`/v1/coverage?${query}`, await tokenFor("analyst", "17"), "en");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(mentions);
  });
});

describe("the OpenAPI document", () => {
  it("describes GET /v1/coverage with its query, and GET and PUT /v1/standards", async () => {
    const doc = (await (await call("GET", "/openapi.json")).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const params = doc.paths["/v1/coverage"]?.["get"]?.parameters?.map((p) => `${p.in}:${p.name}`);
    expect(params?.sort()).toEqual(["query:as_of", "query:jenis_tenaga", "query:level", "query:region", "query:table"]);
    expect(Object.keys(doc.paths["/v1/standards"] ?? {}).sort()).toEqual(["get", "put"]);
  });
});
