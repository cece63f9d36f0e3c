import { beforeAll, describe, expect, it } from "vitest";
import { demoFacilitiesTable, demoPopulationTable, mukomukoFacilities } from "../../../shared/demo";
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

  it("refuses figures outside the admin's region with 422", async () => {
    const res = await call("PUT", "/v1/population", { token: admin, json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["3601", 2025, 1]] } } });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await json(res))).toContain("penduduk.out_of_scope");
  });
});
