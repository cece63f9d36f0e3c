import { describe, expect, it } from "vitest";
import { deriveFigures, professionsFor } from "../../../shared/coverage/figures";
import { facilitySumColumns, INDICATORS, keysOf, type VersionColumns } from "../../../shared/coverage/indicators";
import { wilayahTable } from "../../../shared/coverage/tables";
import { standardJenisOf } from "../../../shared/coverage/standard";
import { jenisTenagaSchema } from "../../../shared/reference/codes";

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

  it("sum in SQL exactly the declared per-facility sums, each column named by its figure key", () => {
    const sql = facilitySumColumns(COLUMNS);
    const summed = INDICATORS.filter((i) => "sum" in i.value).flatMap((i) => keysOf(i));
    expect(sql.map((c) => /AS "([^"]+)"$/.exec(c)?.[1])).toEqual(summed);
    expect(sql).toContain('SUM(jenis = \'PUSKESMAS\' AND t_DOKTER = 0) AS "puskesmas_tanpa_dokter"');
  });
});
