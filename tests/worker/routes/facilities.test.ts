import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { demoFacilitiesTable, demoPopulationTable, mukomukoFacilities } from "../../../fixtures/demo";
import { call, count, json, seedDemo, tokenFor } from "../support";

let admin: string;
let analyst: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
  analyst = await tokenFor("analyst", "17");
});

describe("GET /v1/facilities", () => {
  it("lists Mukomuko's 17 puskesmas and 2 hospitals by region", async () => {
    const body = await json(await call("GET", "/v1/facilities?region=1706", { token: analyst }));
    expect(body.fasyankes.map((f: { kode: string }) => f.kode)).toEqual(mukomukoFacilities.map((f) => f.kode).sort());
    expect(body.fasyankes.filter((f: { jenis: string }) => f.jenis === "PUSKESMAS")).toHaveLength(17);
    const pkm = await json(await call("GET", "/v1/facilities?region=170609&jenis=RUMAH_SAKIT", { token: analyst }));
    expect(pkm.fasyankes.map((f: { kode: string }) => f.kode)).toEqual(["1706021"]);
  });
});

describe("PUT /v1/facilities", () => {
  it("adds and replaces facilities, leaving the others", async () => {
    const table = demoFacilitiesTable(mukomukoFacilities.slice(0, 2));
    table.rows.push(["P1706010103", "Puskesmas Pasar Mukomuko", "PUSKESMAS", "1706", "170601", "PERKOTAAN", "N", "N", "Y"]);
    table.rows[0]![1] = "Puskesmas Kota Mukomuko (baru)";
    const res = await call("PUT", "/v1/facilities", { token: admin, json: { fasyankes: table } });
    expect(res.status).toBe(200);
    expect((await json(res)).stored).toBe(3);
    const list = await json(await call("GET", "/v1/facilities?region=170601", { token: admin }));
    const byKode = new Map(list.fasyankes.map((f: { kode: string; nama: string }) => [f.kode, f.nama]));
    expect(byKode.get("P1706010101")).toBe("Puskesmas Kota Mukomuko (baru)");
    expect(byKode.get("P1706010103")).toBe("Puskesmas Pasar Mukomuko");
    expect(byKode.has("1706015")).toBe(true);
  });

  it("refuses a table with errors with 422 and stores none of it", async () => {
    const table = demoFacilitiesTable(mukomukoFacilities.slice(0, 1));
    table.rows.push(["P1706019999", "Puskesmas Baru", "PUSKESMAS", "1706", "170601", "PEDESAAN", "N", "N", "Y"]);
    table.rows.push(["P17", "Kode Salah", "PUSKESMAS", "1706", "170601", "PEDESAAN", "N", "N", "Y"]);
    const res = await call("PUT", "/v1/facilities", { token: admin, json: { fasyankes: table } });
    expect(res.status).toBe(422);
    expect((await json(res)).error.issues.some((i: { row: number; severity: string }) => i.row === 2 && i.severity === "error")).toBe(true);
    expect(await count("SELECT COUNT(*) AS n FROM fasyankes WHERE kode = 'P1706019999'")).toBe(0);
  });
});

describe("PUT /v1/population", () => {
  it("stores figures per region and year, replacing the same region and year", async () => {
    const table = demoPopulationTable();
    const mine = { columns: table.columns, rows: table.rows.filter((r) => String(r[0]).startsWith("17")) };
    mine.rows.push(["1706", 2026, 199_000]);
    const res = await call("PUT", "/v1/population", { token: admin, json: { penduduk: mine } });
    expect(res.status).toBe(200);
    expect(await count("SELECT jumlah AS n FROM penduduk WHERE kode_wilayah = '1706' AND tahun = 2026")).toBe(199_000);
    await call("PUT", "/v1/population", { token: admin, json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["1706", 2026, 200_500]] } } });
    expect(await count("SELECT jumlah AS n FROM penduduk WHERE kode_wilayah = '1706' AND tahun = 2026")).toBe(200_500);
  });

  it("stores nothing of a table that touches one region outside the admin's, nor lets a facility-scoped admin write any region", async () => {
    const columns = ["kode_wilayah", "tahun", "jumlah"];
    const banten = await tokenFor("admin", "36");
    const res = await call("PUT", "/v1/population", { token: banten, json: { penduduk: { columns, rows: [["3601", 2024, 1_300_000], ["1706", 2024, 1]] } } });
    expect(res.status).toBe(422);
    expect((await json(res)).error.issues).toMatchObject([{ code: "penduduk.out_of_scope", row: 1 }]);
    expect(await count("SELECT COUNT(*) AS n FROM penduduk WHERE tahun = 2024 AND kode_wilayah IN ('3601', '1706')")).toBe(0);
    const puskesmas = await tokenFor("admin", "P1706010101");
    expect((await call("PUT", "/v1/population", { token: puskesmas, json: { penduduk: { columns, rows: [["170601", 2024, 1]] } } })).status).toBe(403);
  });

  it("refuses figures outside the admin's region with 422", async () => {
    const res = await call("PUT", "/v1/population", { token: admin, json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["3601", 2025, 1]] } } });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await json(res))).toContain("penduduk.out_of_scope");
  });
});

/** Issue 10, item 1: a master change is checked on the rows it touches, and a code's shape fixes its kind. */
describe("PUT /v1/facilities across scopes (issue 10)", () => {
  const columns = ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"];
  const stored = (kode: string) => env.DB.prepare("SELECT kode, jenis, kode_wilayah, kecamatan, nama FROM fasyankes WHERE kode = ?1").bind(kode).first();

  it("refuses a Mukomuko admin turning a Banten puskesmas into a Mukomuko clinic, lab or hospital, and stores nothing", async () => {
    const mukomuko = await tokenFor("admin", "1706");
    const before = await stored("P3601010101");
    const beforeRs = await stored("3601012");
    for (const row of [
      ["P3601010101", "Puskesmas Sumur", "KLINIK", "1706", "170601", null, "N", "N", "Y"],
      ["P3601010101", "Puskesmas Sumur", "LABKES", "1706", "170601", null, "N", "N", "Y"],
      ["P3601010101", "Puskesmas Sumur", "PUSKESMAS", "1706", "170601", "PEDESAAN", "N", "N", "Y"],
      ["3601012", "RSUD Berkah Pandeglang", "RUMAH_SAKIT", "1706", "170601", null, "Y", "N", "Y"],
      ["3601012", "RSUD Berkah Pandeglang", "KLINIK", "1706", "170601", null, "Y", "N", "Y"],
    ]) {
      const res = await call("PUT", "/v1/facilities", { token: mukomuko, json: { fasyankes: { columns, rows: [row] } } });
      expect([403, 422], JSON.stringify(row)).toContain(res.status);
      expect((await json(res)).error.issues.map((i: { code: string }) => i.code)).toContain("kode_fasyankes.out_of_scope");
    }
    expect(await stored("P3601010101")).toEqual(before);
    expect(await stored("3601012")).toEqual(beforeRs);
    // And so Mukomuko's uploader still cannot read the Banten roster, nor issue a token for it.
    expect((await call("GET", "/v1/rosters/P3601010101", { token: await tokenFor("uploader", "1706") })).status).toBe(403);
    expect((await call("POST", "/v1/tokens", { token: mukomuko, json: { role: "uploader", scope: "P3601010101", name: "x" } })).status).toBe(403);
  });

  it("refuses a Banten admin creating a clinic whose code is a Mukomuko region code", async () => {
    const banten = await tokenFor("admin", "36");
    const res = await call("PUT", "/v1/facilities", { token: banten, json: { fasyankes: { columns, rows: [["1706", "Klinik Sumur", "KLINIK", "3601", "360101", null, "N", "N", "Y"]] } } });
    expect(res.status).toBe(422);
    const issue = (await json(res)).error.issues.find((i: { code: string }) => i.code === "fasyankes.kode_format");
    expect(issue.message).toContain("K diikuti kode kabupaten/kota 4 digit");
    expect(await stored("1706")).toBeNull();
  });

  it("accepts a clinic and a lab in the admin's own regency under codes of their kind", async () => {
    const banten = await tokenFor("admin", "36");
    const rows = [
      ["K3601001", "Klinik Pratama Sumur", "KLINIK", "3601", "360101", null, "N", "N", "Y"],
      ["L3601001", "Labkesda Pandeglang", "LABKES", "3601", null, null, "N", "N", "Y"],
    ];
    const res = await call("PUT", "/v1/facilities", { token: banten, json: { fasyankes: { columns, rows } } });
    expect(res.status, await res.clone().text()).toBe(200);
    const list = await json(await call("GET", "/v1/facilities?region=3601", { token: analyst }));
    expect(list.fasyankes.map((f: { kode: string }) => f.kode)).toEqual(expect.arrayContaining(["K3601001", "L3601001"]));
  });

  it("keeps a facility stored under a region-shaped code (before codes were checked) out of that region's lists, rosters and tokens", async () => {
    // As the hole left it: a Banten clinic stored under code 1706.
    await env.DB.prepare("INSERT INTO fasyankes (kode, nama, jenis, kode_wilayah, kecamatan, kategori, diubah_pada) VALUES ('1706', 'Klinik Sumur', 'KLINIK', '3601', '360101', NULL, 'x') ON CONFLICT DO NOTHING").run();
    const list = await json(await call("GET", "/v1/facilities?region=1706", { token: analyst }));
    expect(list.fasyankes.map((f: { kode: string }) => f.kode)).not.toContain("1706");
    expect((await call("GET", "/v1/rosters/1706", { token: await tokenFor("uploader", "1706") })).status).toBe(403);
    const banten = await json(await call("GET", "/v1/facilities?region=36", { token: analyst }));
    expect(banten.fasyankes.map((f: { kode: string }) => f.kode)).toContain("1706");
  });

  it("treats a facility whose stored row disagrees with its code as in no region scope", async () => {
    // As the takeover left it: the Banten puskesmas stored as a Mukomuko clinic.
    await env.DB.prepare("INSERT INTO fasyankes (kode, nama, jenis, kode_wilayah, kecamatan, kategori, diubah_pada) VALUES ('P3603010101', 'Puskesmas Diambil', 'KLINIK', '1706', '170601', NULL, 'x')").run();
    const mukomuko = await tokenFor("admin", "1706");
    expect((await call("GET", "/v1/rosters/P3603010101", { token: await tokenFor("uploader", "1706") })).status).toBe(403);
    expect((await call("POST", "/v1/tokens", { token: mukomuko, json: { role: "uploader", scope: "P3603010101", name: "x" } })).status).toBe(403);
    const list = await json(await call("GET", "/v1/facilities?region=1706", { token: analyst }));
    expect(list.fasyankes.map((f: { kode: string }) => f.kode)).not.toContain("P3603010101");
    const coverage = await call("GET", "/v1/coverage?region=1706&level=facility", { token: analyst });
    expect(coverage.status).toBe(200);
    expect(await coverage.text()).not.toContain("P3603010101");
    // Mending it takes an admin whose scope holds both what is stored and what it becomes.
    const fix = { fasyankes: { columns, rows: [["P3603010101", "Puskesmas Diambil", "PUSKESMAS", "3603", "360301", "PEDESAAN", "N", "N", "Y"]] } };
    expect((await call("PUT", "/v1/facilities", { token: await tokenFor("admin", "36"), json: fix })).status).toBe(422);
    expect((await call("PUT", "/v1/facilities", { token: await tokenFor("admin", "ID"), json: fix })).status).toBe(200);
  });

  it("refuses a facility name that is a formula", async () => {
    const res = await call("PUT", "/v1/facilities", {
      token: admin,
      json: { fasyankes: { columns, rows: [["P1706010102", '=HYPERLINK("http://x.example","Puskesmas")', "PUSKESMAS", "1706", "170601", "PERKOTAAN", "N", "N", "Y"], ["P1706010101", "\t=1+1", "PUSKESMAS", "1706", "170601", "PERKOTAAN", "Y", "Y", "Y"]] } },
    });
    expect(res.status).toBe(422);
    expect((await json(res)).error.issues.map((i: { code: string; column: string }) => `${i.code}:${i.column}`)).toEqual(["fasyankes.invalid:nama", "fasyankes.invalid:nama"]);
    expect(await count("SELECT COUNT(*) AS n FROM fasyankes WHERE nama LIKE '=%'")).toBe(0);
  });
});

/** Attack finding 7 (issue 10): the masters are kept by the province and regency offices (SPEC §3.3, §3.4). */
describe("master writes by scope", () => {
  const columns = ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"];
  const own = ["P1706010101", "Puskesmas Kota Mukomuko", "PUSKESMAS", "1706", "170601", "SANGAT_TERPENCIL", "Y", "Y", "Y"];
  const stored = () => env.DB.prepare("SELECT * FROM fasyankes WHERE kode = 'P1706010101'").first();

  it("refuses a facility-scoped or kecamatan-scoped admin changing its own master row with 403, in Indonesian first", async () => {
    const before = await stored();
    for (const scope of ["P1706010101", "170601"]) {
      const token = await tokenFor("admin", scope);
      const res = await call("PUT", "/v1/facilities", { token, json: { fasyankes: { columns, rows: [own] } } });
      expect(res.status).toBe(403);
      expect((await json(res)).error.message).toMatch(/dinas kesehatan provinsi atau kabupaten\/kota.*170601/);
      const en = await call("PUT", "/v1/facilities", { token, json: { fasyankes: { columns, rows: [own] } }, headers: { "Accept-Language": "en" } });
      expect((await json(en)).error.message).toMatch(/province's or regency's health office/);
      const pop = await call("PUT", "/v1/population", { token, json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["170601", 2023, 1]] } } });
      expect(pop.status).toBe(403);
    }
    expect(await stored()).toEqual(before);
    expect(await count("SELECT COUNT(*) AS n FROM penduduk WHERE kode_wilayah = '170601' AND tahun = 2023")).toBe(0);
  });

  it("lets a regency's and a province's admin change it", async () => {
    const row = [...own.slice(0, 5), "PERKOTAAN", "N", "N", "Y"];
    for (const scope of ["1706", "17"]) {
      expect((await call("PUT", "/v1/facilities", { token: await tokenFor("admin", scope), json: { fasyankes: { columns, rows: [row] } } })).status).toBe(200);
    }
  });
});

/** Attack finding 9c (issue 10): a population figure for a region no list knows is refused. */
describe("PUT /v1/population region codes", () => {
  const columns = ["kode_wilayah", "tahun", "jumlah"];

  it("refuses a kecamatan that is neither in the region list nor in the facility master, and stores nothing", async () => {
    const res = await call("PUT", "/v1/population", { token: admin, json: { penduduk: { columns, rows: [["170601", 2022, 30_000], ["170699", 2022, 1_000]] } } });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error.issues).toMatchObject([{ code: "penduduk.invalid", row: 1, column: "kode_wilayah", value: "170699", severity: "error" }]);
    expect(body.error.issues[0].message).toMatch(/Kode wilayah|kode wilayah/);
    expect(body.error.issues[0].message).toMatch(/tidak ada di daftar wilayah/);
    expect(await count("SELECT COUNT(*) AS n FROM penduduk WHERE tahun = 2022 AND kode_wilayah IN ('170601', '170699')")).toBe(0);
    const en = await call("PUT", "/v1/population", { token: admin, json: { penduduk: { columns, rows: [["170699", 2022, 1_000]] } }, headers: { "Accept-Language": "en" } });
    expect((await json(en)).error.issues[0].message).toMatch(/neither in the region list nor in the facility master/);
  });

  it("accepts a kecamatan listed or holding a facility", async () => {
    const res = await call("PUT", "/v1/population", { token: admin, json: { penduduk: { columns, rows: [["170601", 2022, 30_000]] } } });
    expect(res.status).toBe(200);
  });
});
