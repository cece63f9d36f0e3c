import { describe, expect, it } from "vitest";
import { aggregateRoster } from "./oracle/aggregate";
import type { ResolvedQuery } from "../../../shared/coverage/build";
import { coverageFromAggregates } from "./oracle/coverage";
import { coverageResponseSchema } from "../../../shared/api/coverage";
import { AS_OF, FACILITIES, POPULATION, pmk75, rosterRows } from "./fixture";
import { records, rowOf } from "./table-reader";

const { nakes, pelatihan } = rosterRows(undefined, { strMissing: true });
const data = {
  facilities: FACILITIES,
  aggregates: aggregateRoster(nakes, pelatihan),
  rules: pmk75(),
  standardSet: "PMK75_2014",
  population: POPULATION,
  regionName: (code: string) => ({ "17": "Bengkulu", "1701": "Bengkulu Selatan", "1706": "Mukomuko" })[code] ?? null,
};
const coverage = (q: Partial<ResolvedQuery>) =>
  coverageFromAggregates(data, { level: "regency", region: null, as_of: AS_OF, jenis_tenaga: null, ...q });

describe("coverage of a regency, counted by hand", () => {
  const c = coverage({ level: "kecamatan", region: "1706" });
  const f = c.figures;

  it("answers in the shape of the API contract", () => {
    expect(() => coverageResponseSchema.parse(c)).not.toThrow();
  });

  it("counts facilities and staff", () => {
    expect(f["fasyankes"]).toBe(5);
    expect(f["puskesmas"]).toBe(4);
    expect(f["fasyankes.RUMAH_SAKIT"]).toBe(1);
    expect(f["tenaga"]).toBe(95);
    expect(f["nakes"]).toBe(85);
    expect(f["non_nakes"]).toBe(10);
    expect(f["tenaga.DOKTER"]).toBe(4);
    expect(f["tenaga.PERAWAT"]).toBe(34);
    expect(f["tenaga.BIDAN"]).toBe(22);
  });

  it("gives 9 jenis lengkap, tanpa dokter and standard fully met over the puskesmas", () => {
    expect(f["puskesmas_9_jenis_lengkap"]).toBe(2);
    expect(f["puskesmas_9_jenis_lengkap_pct"]).toBe(0.5);
    expect(f["puskesmas_tanpa_dokter"]).toBe(1);
    expect(f["puskesmas_tanpa_dokter_pct"]).toBe(0.25);
    expect(f["puskesmas_dinilai"]).toBe(4);
    expect(f["puskesmas_standar_terpenuhi"]).toBe(1);
    expect(f["puskesmas_standar_terpenuhi_pct"]).toBe(0.25);
  });

  it("sums the gap per profession over the puskesmas", () => {
    expect(f["kekurangan"]).toBe(20);
    expect(f["kekurangan.DOKTER"]).toBe(2);
    expect(f["kekurangan.PERAWAT"]).toBe(2);
    expect(f["kekurangan.BIDAN"]).toBe(2);
    expect(f["kekurangan.ADMINISTRASI"]).toBe(4);
    expect(f["kekurangan.PEKARYA"]).toBe(3);
    expect(f["kekurangan.KEFARMASIAN"]).toBe(1);
    expect(f["kekurangan.PROMKES"]).toBe(2);
  });

  it("gives the standard table per jenis: assessed, present, required, available, met, short", () => {
    const t = records(coverage({ level: "regency", region: "1706" }).tables.standar);
    expect(t.find((r) => r["jenis"] === "DOKTER")).toMatchObject({
      kode: "1706",
      puskesmas_dinilai: 4,
      puskesmas_ada: 3,
      minimum: 6,
      tersedia: 4,
      terpenuhi: 3,
      terpenuhi_pct: 0.75,
      kekurangan: 2,
    });
    expect(t.find((r) => r["jenis"] === "KEFARMASIAN")).toMatchObject({ minimum: 5, tersedia: 4, terpenuhi: 3, kekurangan: 1 });
    expect(t.find((r) => r["jenis"] === "ADMINISTRASI")).toMatchObject({ puskesmas_ada: null, kekurangan: 4 });
    expect(t).toHaveLength(11);
  });

  it("counts PONED readiness: two PONED puskesmas, one with the whole team trained", () => {
    expect(f["puskesmas_poned"]).toBe(2);
    expect(f["puskesmas_poned_siap"]).toBe(1);
    expect(f["puskesmas_poned_siap_pct"]).toBe(0.5);
  });

  it("counts licence health and special assignments at as_of", () => {
    expect(f["sip_kedaluwarsa"]).toBe(2);
    expect(f["sip_kedaluwarsa.PERAWAT"]).toBe(1);
    expect(f["sip_segera_habis"]).toBe(2);
    expect(f["str_tidak_ada"]).toBe(1);
    expect(f["penugasan_berakhir"]).toBe(1);
    expect(f["penugasan_aktif"]).toBe(2);
    expect(f["penugasan_segera_berakhir"]).toBe(1);
  });

  it("gives training coverage as persons trained and their share of the profession", () => {
    expect(f["pelatihan.DOKTER.PONED"]).toBe(2);
    expect(f["pelatihan_pct.DOKTER.PONED"]).toBe(0.5);
    expect(f["pelatihan.PERAWAT.PONED"]).toBe(3);
    expect(f["pelatihan_pct.PERAWAT.PONED"]).toBe(0.0882);
    expect(f["pelatihan.PONED"]).toBe(6);
    expect(f["pelatihan_pct.PONED"]).toBe(0.0632);
    expect(f["pelatihan_pct.BIDAN.MTBS"]).toBe(0.0455);
  });

  it("leaves density absent, not zero, where the population is unknown", () => {
    expect(f["penduduk"]).toBeNull();
    expect(f["kepadatan_10k"]).toBeNull();
    expect(f["rasio_100k.DOKTER"]).toBeNull();
    expect(f["target_100k.DOKTER"]).toBe(45);
    const known = rowOf(c.tables.wilayah, { kode: "170601" });
    expect(known["penduduk"]).toBe(20_000);
    expect(known["kepadatan_10k"]).toBe(11);
    expect(rowOf(c.tables.wilayah, { kode: "170602" })["kepadatan_10k"]).toBeNull();
  });

  it("keeps a hospital without a kecamatan in a row of its own, without the regency's population", () => {
    const h = rowOf(c.tables.wilayah, { kode: "1706" });
    expect(h["nama"]).toBe("Mukomuko: fasyankes tanpa kode kecamatan");
    expect(h["tenaga"]).toBe(16);
    expect(h["penduduk"]).toBeNull();
    expect(c.tables.wilayah.rows.map((r) => r[0])).toEqual(["1706", "170601", "170602"]);
  });
});

describe("coverage of a province", () => {
  const c = coverage({ level: "regency", region: "17" });

  it("uses the province's own population for its density and the regency's where known", () => {
    expect(c.figures["penduduk"]).toBe(1_900_000);
    expect(c.figures["kepadatan_10k"]).toBe(0.5);
    const known = rowOf(c.tables.wilayah, { kode: "1701" });
    expect(known).toMatchObject({ nama: "Bengkulu Selatan", penduduk: 100_000, nakes: 10, kepadatan_10k: 1 });
    expect(rowOf(c.tables.wilayah, { kode: "1706" })).toMatchObject({ penduduk: null, kepadatan_10k: null, nakes: 85 });
  });

  it("picks the latest population at or before the year of as_of", () => {
    const p = rowOf(coverage({ level: "regency", region: "17", as_of: "2022-06-01" }).tables.wilayah, { kode: "1701" });
    expect(p["penduduk"]).toBe(90_000);
  });

  it("compares doctors per 100,000 with the 2019 target", () => {
    const r = rowOf(c.tables.profesi, { kode: "1701", jenis_tenaga: "DOKTER" });
    expect(r).toMatchObject({ tenaga: 1, rasio_100k: 1, target_100k: 45, kepadatan_10k: 0.1 });
  });

  it("sums a province from its sub-regions when it has no population of its own, only if all are known", () => {
    const withRegency = { ...data, population: [...POPULATION.filter((p) => p.kode_wilayah !== "17"), { kode_wilayah: "1706", tahun: 2025, jumlah: 150_000 }] };
    const summed = coverageFromAggregates(withRegency, { level: "province", region: null, as_of: AS_OF, jenis_tenaga: null });
    expect(summed.figures["penduduk"]).toBe(250_000);
    const partial = { ...data, population: POPULATION.filter((p) => p.kode_wilayah !== "17") };
    expect(coverageFromAggregates(partial, { level: "province", region: null, as_of: AS_OF, jenis_tenaga: null }).figures["penduduk"]).toBeNull();
  });
});

describe("facilities without a roster", () => {
  const silent = { ...FACILITIES[0]!, kode: "P1706020103", nama: "Puskesmas Baru", kecamatan: "170602" };
  const c = coverageFromAggregates({ ...data, facilities: [...FACILITIES, silent] }, {
    level: "facility",
    region: "1706",
    as_of: AS_OF,
    jenis_tenaga: null,
  });

  it("are counted apart and not as puskesmas without a doctor", () => {
    expect(c.figures["fasyankes_tanpa_roster"]).toBe(1);
    expect(c.figures["fasyankes"]).toBe(5);
    expect(c.figures["puskesmas"]).toBe(4);
    expect(c.figures["puskesmas_tanpa_dokter"]).toBe(1);
  });

  it("show as a facility row with nothing but that fact", () => {
    const row = rowOf(c.tables.wilayah, { kode: "P1706020103" });
    expect(row).toMatchObject({ fasyankes_tanpa_roster: 1, fasyankes: null, puskesmas_tanpa_dokter: null, tenaga: null });
  });
});

describe("coverage rows for a sheet", () => {
  it("labels every column in Indonesian and English", () => {
    const c = coverage({ level: "facility", region: "1706" });
    for (const t of Object.values(c.tables)) {
      for (const col of t.columns) {
        expect(col.label.id.length).toBeGreaterThan(0);
        expect(col.label.en.length).toBeGreaterThan(0);
      }
      for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    }
  });

  it("gives one row per facility with null, not 0, for what does not apply to it", () => {
    const c = coverage({ level: "facility", region: "1706" });
    const rs = rowOf(c.tables.wilayah, { kode: "1706012" });
    expect(rs).toMatchObject({ jenis_fasyankes: "RUMAH_SAKIT", puskesmas_tanpa_dokter: null, kekurangan: null, tenaga: 16 });
    const noPoned = rowOf(c.tables.wilayah, { kode: "P1706010101" });
    expect(noPoned).toMatchObject({ puskesmas_poned_siap: null, kekurangan: 6, puskesmas_9_jenis_lengkap: 1, poned: "N" });
    expect(rowOf(c.tables.wilayah, { kode: "P1706020102" })).toMatchObject({ puskesmas_poned_siap: 0, puskesmas_standar_terpenuhi: 1 });
  });

  it("lists a profession for a unit only where the unit has any of it", () => {
    const c = coverage({ level: "facility", region: "P1706010102" });
    expect(records(c.tables.profesi).map((r) => r["jenis_tenaga"])).toEqual(["DOKTER", "PERAWAT", "BIDAN"]);
    expect(rowOf(c.tables.profesi, { jenis_tenaga: "PERAWAT" })).toMatchObject({ "pelatihan.PONED": 2, "pelatihan_pct.PONED": 0.4 });
  });

  it("limits per-profession rows and figures to the jenis asked for, keeping facility indicators", () => {
    const c = coverage({ level: "regency", region: "1706", jenis_tenaga: "KEFARMASIAN" });
    expect(records(c.tables.profesi).map((r) => r["jenis_tenaga"])).toEqual(["APOTEKER", "TTK"]);
    expect(records(c.tables.standar).map((r) => r["jenis"])).toEqual(["KEFARMASIAN"]);
    expect(c.figures["tenaga.APOTEKER"]).toBe(2);
    expect(c.figures["tenaga.DOKTER"]).toBeUndefined();
    expect(c.figures["kekurangan.KEFARMASIAN"]).toBe(1);
    expect(c.figures["kekurangan.DOKTER"]).toBeUndefined();
    expect(c.figures["puskesmas_tanpa_dokter"]).toBe(1);
    expect(c.figures["kekurangan"]).toBe(20);

    const bidan = coverage({ level: "regency", region: "1706", jenis_tenaga: "BIDAN" });
    expect(records(bidan.tables.standar).map((r) => r["jenis"])).toEqual(["BIDAN"]);
    expect(bidan.figures["puskesmas_ada.BIDAN"]).toBe(4);
  });

  it("gives the whole country one row and the same figures as its provinces added up", () => {
    const national = coverage({ level: "national" });
    expect(national.tables.wilayah.rows).toHaveLength(1);
    expect(rowOf(national.tables.wilayah, { kode: "ID" })).toMatchObject({ nama: "Indonesia", tenaga: 105, puskesmas: 5 });
    expect(coverage({ level: "province" }).figures).toEqual(national.figures);
  });
});
