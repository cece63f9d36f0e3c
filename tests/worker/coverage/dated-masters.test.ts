import { beforeAll, describe, expect, it } from "vitest";
import type { Facility } from "../../../shared/api/facilities";
import { addDays, fromIso, toIso } from "../../../shared/normalize/calendar";
import { todayIn } from "../../../shared/normalize/today";
import { call, json, roster, seedDemo, tokenFor } from "../support";
import { coverage } from "./api";

/**
 * SPEC §6: facility attributes are kept with the date from which they hold (`berlaku_mulai` on
 * PUT /v1/facilities, default today), so coverage at a past date uses the values of then; before a
 * facility's first version, that first version applies.
 */
let admin: string;
let analyst: string;
let uploader: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
  analyst = await tokenFor("analyst", "17");
  uploader = await tokenFor("uploader", "17");
});

let serial = 0;
// Codes of this file only (P170602 + 5000…): each test its own facility.
const kodeNew = () => `P170602${String(5000 + serial++).padStart(4, "0")}`;

function facility(kode: string, o: { kategori: string; inap: boolean; aktif?: boolean }) {
  return [kode, `Puskesmas Tanggal ${kode.slice(-4)}`, "PUSKESMAS", "1706", "170602", o.kategori, o.inap ? "Y" : "N", "N", o.aktif === false ? "N" : "Y"];
}
const COLUMNS = ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"];

async function put(row: unknown[], berlaku_mulai?: string): Promise<Response> {
  return call("PUT", "/v1/facilities", { token: admin, json: { fasyankes: { columns: COLUMNS, rows: [row] }, ...(berlaku_mulai ? { berlaku_mulai } : {}) } });
}

async function pushRoster(kode: string, as_of: string): Promise<void> {
  const fac = { row: 0, kode, nama: "x", jenis: "PUSKESMAS" as const, kode_wilayah: "1706", kecamatan: "170602", kategori: "PEDESAAN" as const, rawat_inap: false, poned: false, aktif: true };
  const res = await call("POST", "/v1/rosters", { token: uploader, json: { ...roster(12, { facilities: [fac], seed: 191 }), as_of } });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
}

describe("facility attributes by date", () => {
  it("uses the category and inpatient flag that held at the date asked", async () => {
    const kode = kodeNew();
    expect((await put(facility(kode, { kategori: "PEDESAAN", inap: false }), "2026-01-01")).status).toBe(200);
    await pushRoster(kode, "2026-10-01");
    expect((await put(facility(kode, { kategori: "PERKOTAAN", inap: true }), "2026-11-01")).status).toBe(200);
    const before = await coverage(analyst, `region=${kode}&as_of=2026-10-15`);
    const after = await coverage(analyst, `region=${kode}&as_of=2026-11-15`);
    // Permenkes 75/2014: perawat 5 in a non-inpatient rural puskesmas, 8 in an inpatient urban one.
    expect([before.figures["standar_minimum.PERAWAT"], after.figures["standar_minimum.PERAWAT"]]).toEqual([5, 8]);
  });

  it("counts a facility retired from a date only before that date", async () => {
    const kode = kodeNew();
    await put(facility(kode, { kategori: "PEDESAAN", inap: false }), "2026-01-01");
    await pushRoster(kode, "2026-10-01");
    await put(facility(kode, { kategori: "PEDESAAN", inap: false, aktif: false }), "2026-11-01");
    expect((await coverage(analyst, `region=${kode}&as_of=2026-10-20`)).figures["fasyankes"]).toBe(1);
    expect((await coverage(analyst, `region=${kode}&as_of=2026-11-20`)).figures["fasyankes"]).toBe(0);
  });

  it("applies a facility's first version before its date", async () => {
    const kode = kodeNew();
    await put(facility(kode, { kategori: "TERPENCIL", inap: true }), "2026-10-20");
    await pushRoster(kode, "2026-10-01");
    const early = await coverage(analyst, `region=${kode}&as_of=2026-10-05`);
    expect(early.figures["fasyankes"]).toBe(1);
    expect(early.figures["standar_minimum.PERAWAT"]).toBe(8);
  });

  it("keeps the latest version current: a back-dated change is history only", async () => {
    const kode = kodeNew();
    await put(facility(kode, { kategori: "PERKOTAAN", inap: false }), "2026-09-01");
    await put(facility(kode, { kategori: "TERPENCIL", inap: false }), "2026-06-01");
    const list = await json<{ fasyankes: Facility[] }>(await call("GET", `/v1/facilities?region=${kode}`, { token: analyst }));
    expect(list.fasyankes.map((f) => f.kategori)).toEqual(["PERKOTAAN"]);
  });

  it("refuses a berlaku_mulai more than a day ahead (400) and stores nothing", async () => {
    const kode = kodeNew();
    const ahead = toIso(addDays(fromIso(todayIn("17")), 2));
    const res = await put(facility(kode, { kategori: "PEDESAAN", inap: false }), ahead);
    expect(res.status).toBe(400);
    const list = await json<{ fasyankes: Facility[] }>(await call("GET", `/v1/facilities?region=${kode}`, { token: analyst }));
    expect(list.fasyankes).toEqual([]);
  });
});

describe("staffing standards and population by date", () => {
  it("uses the standard set active at the date asked, and the national default before a province's first own set", async () => {
    const kode = kodeNew();
    await put(facility(kode, { kategori: "PEDESAAN", inap: false }), "2026-01-01");
    await pushRoster(kode, "2026-09-01");
    const rules = [["PEDESAAN", "N", "PERAWAT", 40]];
    const res = await call("PUT", "/v1/standards", {
      token: admin,
      json: { set: "UJI_TANGGAL", standar: { columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows: rules }, aktif: true, berlaku_mulai: "2026-10-01" },
    });
    expect(res.status).toBe(200);
    try {
      const before = await coverage(analyst, `region=${kode}&as_of=2026-09-15`);
      const after = await coverage(analyst, `region=${kode}&as_of=2026-10-15`);
      expect([before.standard_set, after.standard_set]).toEqual(["PMK75_2014", "UJI_TANGGAL"]);
      expect([before.figures["standar_minimum.PERAWAT"], after.figures["standar_minimum.PERAWAT"]]).toEqual([5, 40]);
    } finally {
      await call("PUT", "/v1/standards", { token: admin, json: { set: "PMK75_2014", aktif: true, berlaku_mulai: "2026-10-01" } });
    }
  });

  it("uses a population figure as revised at the date asked; its first revision before its date", async () => {
    const putPop = (jumlah: number, berlaku_mulai: string) =>
      call("PUT", "/v1/population", { token: admin, json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["170603", 2026, jumlah]] }, berlaku_mulai } });
    expect((await putPop(10_000, "2026-03-01")).status).toBe(200);
    expect((await putPop(20_000, "2026-10-01")).status).toBe(200);
    const density = async (d: string) => (await coverage(analyst, `region=170603&as_of=${d}`)).figures["penduduk"];
    expect([await density("2026-02-01"), await density("2026-09-30"), await density("2026-10-01")]).toEqual([10_000, 10_000, 20_000]);
  });
});
