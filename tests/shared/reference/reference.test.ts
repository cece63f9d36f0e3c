import { describe, expect, it } from "vitest";
import { jenisTenagaSchema } from "../../../shared/reference/codes";
import { referenceData, referenceSchema } from "../../../shared/reference";
import { professionAliases } from "../../../shared/reference/aliases";
import { professions } from "../../../shared/reference/professions";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import { kabupatenList, provinsiList } from "../../../shared/reference/wilayah";

describe("the reference data", () => {
  it("is what its schema describes (what GET /v1/reference serves)", () => {
    expect(referenceSchema.parse(referenceData)).toEqual(referenceData);
    expect(JSON.parse(JSON.stringify(referenceData))).toEqual(referenceData);
  });

  it("lists every profession code once, in SPEC order", () => {
    expect(professions.map((p) => p.code)).toEqual(jenisTenagaSchema.options);
  });

  it("asks an STR of every health profession and of no support staff", () => {
    expect(professions.filter((p) => !p.needs_str).map((p) => p.code)).toEqual(["ADMINISTRASI", "PEKARYA"]);
    expect(professions.filter((p) => p.needs_sip).map((p) => p.code)).toEqual([
      "DOKTER", "DOKTER_SPESIALIS", "DOKTER_GIGI", "DOKTER_GIGI_SPESIALIS", "PERAWAT", "BIDAN", "APOTEKER", "TTK", "ATLM", "RADIOGRAFER", "FISIOTERAPIS", "PSIKOLOG_KLINIS",
    ]);
  });

  it("counts the nine puskesmas professions, with APOTEKER and TTK both as KEFARMASIAN", () => {
    const nine = new Set(professions.flatMap((p) => (p.sembilan_jenis ? [p.sembilan_jenis] : [])));
    expect([...nine]).toEqual(referenceData.sembilan_jenis.map((s) => s.jenis));
    expect(nine.size).toBe(9);
    expect(professions.filter((p) => p.sembilan_jenis === "KEFARMASIAN").map((p) => p.code)).toEqual(["APOTEKER", "TTK"]);
  });

  it("keeps every alias of SPEC §4.1", () => {
    expect(professionAliases).toMatchObject({
      "Dokter Umum": "DOKTER", dr: "DOKTER", "Perawat Gigi": "NAKES_LAIN", "Terapis Gigi dan Mulut": "NAKES_LAIN", "Analis Kesehatan": "ATLM",
      "Analis Lab": "ATLM", "Pranata Laboratorium Kesehatan": "ATLM", Kesling: "SANITARIAN", Gizi: "NUTRISIONIS", "Ahli Gizi": "NUTRISIONIS",
      "Asisten Apoteker": "TTK", "Tenaga Teknis Kefarmasian": "TTK", "Promosi Kesehatan": "PROMKES", "Penyuluh Kesehatan": "PROMKES",
      Administrasi: "ADMINISTRASI", "Tata Usaha": "ADMINISTRASI", TU: "ADMINISTRASI", Keuangan: "ADMINISTRASI", "Operator SIK": "ADMINISTRASI",
      Pekarya: "PEKARYA", Sopir: "PEKARYA", Pengemudi: "PEKARYA", "Cleaning Service": "PEKARYA", Satpam: "PEKARYA",
    });
  });

  it("holds the 38 provinces and the regencies of Banten, Bengkulu and Kalimantan Utara", () => {
    expect(provinsiList).toHaveLength(38);
    expect(kabupatenList).toHaveLength(23);
    const provinces = new Set(provinsiList.map((p) => p.kode));
    for (const k of kabupatenList) {
      expect(provinces.has(k.provinsi)).toBe(true);
      expect(k.kode.startsWith(k.provinsi)).toBe(true);
    }
    expect(kabupatenList.find((k) => k.kode === "1706")?.nama).toBe("Kabupaten Mukomuko");
  });

  it("carries the PMK75_2014 staffing standard with the column totals of its Lampiran", () => {
    expect(PMK75_2014.set).toBe("PMK75_2014");
    expect(PMK75_2014.rules).toHaveLength(66);
    const total = (k: string, ri: boolean) => PMK75_2014.rules.filter((r) => r.kategori === k && r.rawat_inap === ri).reduce((s, r) => s + r.minimum, 0);
    expect([total("PERKOTAAN", false), total("PERKOTAAN", true), total("PEDESAAN", false), total("PEDESAAN", true), total("TERPENCIL", false), total("TERPENCIL", true)]).toEqual([22, 31, 19, 27, 19, 27]);
    expect(PMK75_2014.notes.join(" ")).toContain("43/2019");
  });
});
