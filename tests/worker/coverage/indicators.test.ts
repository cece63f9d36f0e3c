import { beforeAll, describe, expect, it } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import { FACILITIES, nikFor, POPULATION, rosterRows } from "../../shared/coverage/fixture";
import { records, rowOf } from "../../shared/coverage/table-reader";
import { tokenFor } from "../support";
import { coverage, putFacilities, putPopulation, seedRegions, uploadAt } from "./api";

/**
 * Every indicator of SPEC §6 through the real API (masters, an upload, GET /v1/coverage), on the
 * hand-counted fixture of tests/shared/coverage/fixture.ts. The roster is dated 1 October 2026 and
 * becomes current on 20 October; the questions are asked as of 1 November 2026.
 */
let analyst: string;
let c: CoverageResponse;
let f: CoverageResponse["figures"];

beforeAll(async () => {
  await seedRegions();
  const admin = await tokenFor("admin", "17");
  analyst = await tokenFor("analyst", "17");
  expect((await putFacilities(admin, FACILITIES)).status).toBe(200);
  expect((await putPopulation(admin, POPULATION)).status).toBe(200);
  await uploadAt(admin, "2026-10-20T03:00:00.000Z", rosterRows(), "2026-10-01");
  c = await coverage(analyst, "region=1706&level=kecamatan&as_of=2026-11-01");
  f = c.figures;
});

describe("GET /v1/coverage on a hand-counted regency", () => {
  it("counts staff per profession, a person once per facility", () => {
    expect(f["tenaga"]).toBe(95);
    expect(f["nakes"]).toBe(85);
    expect(f["tenaga.DOKTER"]).toBe(4);
    expect(f["tenaga.PERAWAT"]).toBe(34);
    expect(f["tenaga.BIDAN"]).toBe(22);
    expect(f["tenaga.APOTEKER"]).toBe(2);
    expect(f["tenaga.TTK"]).toBe(2);
    expect(f["fasyankes"]).toBe(5);
    expect(f["puskesmas"]).toBe(4);
  });

  it("finds all nine professions in two puskesmas, one of them still short of the standard's counts", async () => {
    expect(f["puskesmas_9_jenis_lengkap"]).toBe(2);
    expect(f["puskesmas_9_jenis_lengkap_pct"]).toBe(0.5);
    const byFacility = await coverage(analyst, "region=1706&level=facility&as_of=2026-11-01");
    expect(rowOf(byFacility.tables.wilayah, { kode: "P1706010101" })).toMatchObject({
      puskesmas_9_jenis_lengkap: 1,
      puskesmas_standar_terpenuhi: 0,
      kekurangan: 6,
    });
  });

  it("names the puskesmas without a doctor", async () => {
    expect(f["puskesmas_tanpa_dokter"]).toBe(1);
    const byFacility = await coverage(analyst, "region=1706&level=facility&as_of=2026-11-01");
    const without = records(byFacility.tables.wilayah).filter((r) => r["puskesmas_tanpa_dokter"] === 1);
    expect(without.map((r) => r["kode"])).toEqual(["P1706020101"]);
  });

  it("tells standard met per profession and fully met, with the gap summed up the hierarchy", () => {
    expect(f["puskesmas_standar_terpenuhi"]).toBe(1);
    expect(f["standar_terpenuhi.DOKTER"]).toBe(3);
    expect(f["standar_terpenuhi.KEFARMASIAN"]).toBe(3);
    expect(f["kekurangan"]).toBe(20);
    expect(f["kekurangan.DOKTER"]).toBe(2);
    expect(f["kekurangan.ADMINISTRASI"]).toBe(4);
    const standar = rowOf(c.tables.standar, { kode: "170601", jenis: "PERAWAT" });
    expect(standar).toMatchObject({ puskesmas_dinilai: 2, minimum: 10, tersedia: 8, terpenuhi: 1, kekurangan: 2 });
  });

  it("gives density per 10,000 where the population is known and leaves it absent where not", async () => {
    expect(rowOf(c.tables.wilayah, { kode: "170601" })).toMatchObject({ penduduk: 20_000, nakes: 22, kepadatan_10k: 11 });
    expect(rowOf(c.tables.wilayah, { kode: "170602" })).toMatchObject({ penduduk: null, kepadatan_10k: null });
    expect(f["kepadatan_10k"]).toBeNull();
    const province = await coverage(analyst, "region=17&as_of=2026-11-01");
    expect(province.figures["kepadatan_10k"]).toBe(0.5);
    expect(rowOf(province.tables.wilayah, { kode: "1701" })).toMatchObject({ nama: "Kabupaten Bengkulu Selatan", kepadatan_10k: 1 });
    expect(rowOf(province.tables.wilayah, { kode: "1706" })).toMatchObject({ nama: "Kabupaten Mukomuko", kepadatan_10k: null });
    expect(rowOf(province.tables.profesi, { kode: "1701", jenis_tenaga: "DOKTER" })).toMatchObject({ rasio_100k: 1, target_100k: 45 });
  });

  it("counts licence health at as_of: SIP expired, expiring within 90 days, STR missing", () => {
    expect(f["sip_kedaluwarsa"]).toBe(2);
    expect(f["sip_kedaluwarsa.DOKTER"]).toBe(1);
    expect(f["sip_kedaluwarsa.PERAWAT"]).toBe(1);
    expect(f["sip_segera_habis"]).toBe(2);
    expect(f["sip_segera_habis.BIDAN"]).toBe(2);
    // The API refuses a row without STR (str.required), so none is stored here; refresh.test.ts stores one.
    expect(f["str_tidak_ada"]).toBe(0);
  });

  it("counts special assignments active, ended (last month) and ending within 6 months", () => {
    expect(f["penugasan_berakhir"]).toBe(1);
    expect(f["penugasan_berakhir.PERAWAT"]).toBe(1);
    expect(f["penugasan_aktif"]).toBe(2);
    expect(f["penugasan_segera_berakhir"]).toBe(1);
  });

  it("calls a PONED puskesmas ready only with a PONED-trained doctor, midwife and nurse", async () => {
    expect(f["puskesmas_poned"]).toBe(2);
    expect(f["puskesmas_poned_siap"]).toBe(1);
    const byFacility = await coverage(analyst, "region=1706&level=facility&as_of=2026-11-01");
    expect(rowOf(byFacility.tables.wilayah, { kode: "P1706020102" })).toMatchObject({ poned: "Y", puskesmas_poned_siap: 0 });
    expect(rowOf(byFacility.tables.wilayah, { kode: "P1706010102" })).toMatchObject({ poned: "Y", puskesmas_poned_siap: 1 });
  });

  it("gives training coverage per profession", () => {
    expect(f["pelatihan.PERAWAT.PONED"]).toBe(3);
    expect(f["pelatihan_pct.PERAWAT.PONED"]).toBe(0.0882);
    expect(f["pelatihan_pct.DOKTER.PONED"]).toBe(0.5);
    expect(f["pelatihan.PPI"]).toBe(1);
  });

  it("keeps a hospital without a kecamatan in a row of its own", () => {
    expect(rowOf(c.tables.wilayah, { kode: "1706" })).toMatchObject({ nama: "Kabupaten Mukomuko: fasyankes tanpa kode kecamatan", tenaga: 16 });
  });

  it("limits per-profession rows and figures to jenis_tenaga", async () => {
    const bidan = await coverage(analyst, "region=1706&level=regency&as_of=2026-11-01&jenis_tenaga=BIDAN");
    expect(records(bidan.tables.profesi).map((r) => r["jenis_tenaga"])).toEqual(["BIDAN"]);
    expect(bidan.figures["tenaga.BIDAN"]).toBe(22);
    expect(bidan.figures["tenaga.DOKTER"]).toBeUndefined();
    expect(bidan.figures["puskesmas_tanpa_dokter"]).toBe(1);
  });
});

describe("coverage as of a date", () => {
  it("reads no roster before the roster's own date, and every facility as not yet reporting", async () => {
    const before = await coverage(analyst, "region=1706&as_of=2026-09-30");
    expect(before.figures["fasyankes"]).toBe(0);
    expect(before.figures["fasyankes_tanpa_roster"]).toBe(5);
    expect(before.figures["tenaga"]).toBe(0);
  });

  it("reads a roster from its own date on, also at dates before it was uploaded", async () => {
    // Dated 1 October, uploaded 20 October (SPEC §6).
    const between = await coverage(analyst, "region=1706&as_of=2026-10-19");
    expect(between.figures["fasyankes_tanpa_roster"]).toBe(0);
    expect(between.figures["tenaga"]).toBe(95);
  });

  it("gives the old answer before a later roster's own date and the new one from that date, even before it was uploaded", async () => {
    const admin = await tokenFor("admin", "1706");
    // Air Dikit gets a second doctor and loses the nurse whose assignment ended.
    const roster = rosterRows(["P1706010101"]);
    const nurse = roster.nakes.find((r) => r.status_kepegawaian === "PENUGASAN_KHUSUS")!;
    const first = roster.nakes.find((r) => r.jenis_tenaga === "DOKTER")!;
    const doctor = { ...first, nik: nikFor("1706", first.tanggal_lahir, first.jenis_kelamin, 9999), nama: "Nakes Baru", no_str: "STR99999999", sip_berlaku_sampai: "2030-01-01" };
    const next = { nakes: [...roster.nakes.filter((r) => r !== nurse), doctor].map((r, row) => ({ ...r, row })), pelatihan: roster.pelatihan };
    // The roster is dated 25 October (before its SIPs lapse) and uploaded on 10 November: dates are
    // the roster's own (SPEC §6), so it holds from 25 October.
    await uploadAt(admin, "2026-11-10T05:00:00.000Z", next, "2026-10-25");

    const old = await coverage(analyst, "region=P1706010101&as_of=2026-10-24");
    const now = await coverage(analyst, "region=P1706010101&as_of=2026-10-25");
    const uploadedLater = await coverage(analyst, "region=P1706010101&as_of=2026-11-09");
    expect([old.figures["tenaga.DOKTER"], now.figures["tenaga.DOKTER"], uploadedLater.figures["tenaga.DOKTER"]]).toEqual([1, 2, 2]);
    expect([old.figures["kekurangan.PERAWAT"], now.figures["kekurangan.PERAWAT"]]).toEqual([2, 3]);
    expect(uploadedLater.figures["penugasan_berakhir"]).toBe(0);
    // the other facilities keep their version
    const regency = await coverage(analyst, "region=1706&as_of=2026-11-10");
    expect(regency.figures["tenaga"]).toBe(95);
  });
});
