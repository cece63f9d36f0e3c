import { describe, expect, it } from "vitest";
import { deriveFigures, professionsFor } from "../../../shared/coverage/figures";
import { facilitySumColumns, INDICATORS, keysOf, memberKey, standardSumColumns, type VersionColumns } from "../../../shared/coverage/indicators";
import { profesiTable, standarTable, wilayahTable } from "../../../shared/coverage/tables";
import { standardJenisOf } from "../../../shared/coverage/standard";
import { jenisTenagaSchema, kodePelatihanSchema } from "../../../shared/reference/codes";

/** Every standard jenis (APOTEKER and TTK as KEFARMASIAN). */
const STANDARD = [...new Set(jenisTenagaSchema.options.map(standardJenisOf))];
const ALL = professionsFor(null, STANDARD);
const COLUMNS: VersionColumns = { count: (j) => `t_${j}`, standardCount: (s) => `n_${s}`, ponedComplete: 7 };

describe("the indicator declarations", () => {
  it("give every figure key once", () => {
    const keys = INDICATORS.flatMap((i) => keysOf(i));
    expect(keys.filter((k, n) => keys.indexOf(k) !== n)).toEqual([]);
  });

  it("are each a figure of GET /v1/coverage, whatever the profession filter shows", () => {
    const figures = deriveFigures({}, 1000, ALL, STANDARD);
    const missing = INDICATORS.flatMap((i) => keysOf(i)).filter((k) => !(k in figures));
    expect(missing).toEqual([]);
  });

  it("lay out the wilayah table's figure columns in declaration order, labelled in both languages", () => {
    const { columns } = wilayahTable("regency", []);
    const declared = INDICATORS.filter((i) => i.wilayah);
    expect(columns.slice(-declared.length)).toEqual(declared.map((i) => ({ key: i.key, label: i.label, type: i.type })));
    for (const c of columns) expect(c.label.id.length * c.label.en.length, c.key).toBeGreaterThan(0);
  });

  it("total a per-profession family over professions from its declaration alone", () => {
    INDICATORS.push({ key: "uji_total", label: { id: "Uji", en: "Test" }, type: "integer", appliesTo: "all", value: { total: true } });
    try {
      const only = professionsFor("BIDAN", STANDARD);
      const figures = deriveFigures({ "uji_total.DOKTER": 2, "uji_total.BIDAN": 3 }, 1000, only, STANDARD);
      expect([figures["uji_total"], figures["uji_total.BIDAN"], "uji_total.DOKTER" in figures]).toEqual([5, 3, false]);
    } finally {
      INDICATORS.pop();
    }
  });

  it("sum in SQL exactly the declared per-facility sums, each column named by its figure key", () => {
    const sql = facilitySumColumns(COLUMNS);
    const summed = INDICATORS.filter((i) => "sum" in i.value).flatMap((i) => keysOf(i));
    expect(sql.map((c) => /AS "([^"]+)"$/.exec(c)?.[1])).toEqual(summed);
    expect(sql).toContain('SUM(jenis = \'PUSKESMAS\' AND t_DOKTER = 0) AS "puskesmas_tanpa_dokter"');
  });

  it("sum in SQL per standard jenis exactly the declared per-standard families, named by figure key", () => {
    const sql = standardSumColumns("m", "h", "KEFARMASIAN");
    const summed = INDICATORS.filter((i) => "standard" in i.value).map((i) => memberKey(i, "KEFARMASIAN"));
    expect(sql.map((c) => /AS "([^"]+)"$/.exec(c)?.[1])).toEqual(summed);
    expect(sql).toContain('SUM(MAX(0, m - h)) AS "kekurangan.KEFARMASIAN"');
  });

  it("give the profesi table a column per per-profession family with a total, and a count and a share per training code", () => {
    const keys = profesiTable("regency", [], []).columns.map((c) => c.key);
    const totalled = INDICATORS.filter((i) => "total" in i.value && i.wilayah).map((i) => i.key);
    expect(totalled.filter((k) => !keys.includes(k))).toEqual([]);
    for (const k of kodePelatihanSchema.options) expect([keys.includes(`pelatihan.${k}`), keys.includes(`pelatihan_pct.${k}`)], k).toEqual([true, true]);
  });

  it("give the standar table its per-standard columns under their own names, labelled in both languages", () => {
    const { columns } = standarTable("regency", [], []);
    expect(columns.slice(3).map((c) => c.key)).toEqual(["puskesmas_dinilai", "puskesmas_ada", "minimum", "tersedia", "terpenuhi", "terpenuhi_pct", "kekurangan"]);
    for (const c of columns) expect(c.label.id.length * c.label.en.length, c.key).toBeGreaterThan(0);
  });
});
