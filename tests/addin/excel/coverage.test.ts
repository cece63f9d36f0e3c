import { describe, expect, it } from "vitest";
import { sheetNameFor, writeCoverage } from "../../../addin/excel/coverage";
import type { SheetOutputTable } from "../../../addin/excel/types";
import { formulasOn, useFakeExcel } from "./fake";

const standar: SheetOutputTable = {
  title: "Standar ketenagaan puskesmas",
  columns: [
    { key: "kode", label: "Kode fasyankes", type: "text" },
    { key: "nama", label: "Nama", type: "text" },
    { key: "jenis", label: "Jenis (standar)", type: "text" },
    { key: "memenuhi", label: "Memenuhi standar", type: "integer" },
    { key: "terpenuhi_pct", label: "% memenuhi", type: "share" },
    { key: "kekurangan", label: "Kekurangan (orang)", type: "integer" },
  ],
  rows: [
    ["P1706010101", "Puskesmas Mukomuko", "DOKTER", true, 1, 0],
    ["P1706010101", "Puskesmas Mukomuko", "BIDAN", false, 0.5, 2],
    ["P1706020101", "=HYPERLINK(\"http://evil.example\")", "BIDAN", false, 0, 3],
    ["P1706020101", "Puskesmas Ipuh", "DOKTER", false, 0, 1],
  ],
};

const wilayah: SheetOutputTable = {
  title: "Cakupan per wilayah",
  columns: [
    { key: "kode", label: "Kode kabupaten/kota", type: "text" },
    { key: "nama", label: "Nama", type: "text" },
    { key: "penduduk", label: "Jumlah penduduk", type: "integer" },
  ],
  rows: [
    ["1706", "Mukomuko", 190_000],
    ["1701", "-", null],
  ],
};

describe("writeCoverage", () => {
  it("stacks the tables under their titles, numbers as numbers and codes as text", async () => {
    const fake = useFakeExcel();
    const { sheetName } = await writeCoverage([wilayah, standar], undefined, { met: ["memenuhi"] });
    expect(sheetName).toBe("Cakupan");
    const wb = fake.workbook;
    expect(wb.valuesAt("Cakupan", "A1:C4")).toEqual([
      ["Cakupan per wilayah", "", ""],
      ["Kode kabupaten/kota", "Nama", "Jumlah penduduk"],
      ["1706", "Mukomuko", 190_000],
      ["1701", "-", ""],
    ]);
    expect(wb.cellAt("Cakupan", "A3").numberFormat).toBe("@");
    expect(wb.valuesAt("Cakupan", "A6:F8")).toEqual([
      ["Standar ketenagaan puskesmas", "", "", "", "", ""],
      ["Kode fasyankes", "Nama", "Jenis (standar)", "Memenuhi standar", "% memenuhi", "Kekurangan (orang)"],
      ["P1706010101", "Puskesmas Mukomuko", "DOKTER", true, 1, 0],
    ]);
    expect(wb.cellAt("Cakupan", "E9").text).toBe("50.0%");
    expect(wb.cellAt("Cakupan", "B10").value).toBe('=HYPERLINK("http://evil.example")');
    expect(formulasOn(fake, "Cakupan").size).toBe(0);
  });

  it("limits conditional formats to the written rows: met green and not met red, gaps red above zero", async () => {
    const fake = useFakeExcel();
    await writeCoverage([wilayah, standar], undefined, { met: ["memenuhi"] });
    const cfs = fake.workbook.conditionalFormatsOn("Cakupan");
    expect(cfs.map((cf) => [cf.address, cf.type, cf.rule, cf.format.fill])).toEqual([
      ["D8:D11", "Custom", { formula: '=OR(D8=TRUE,D8="Y")' }, "#C6EFCE"],
      ["D8:D11", "Custom", { formula: '=OR(D8=FALSE,D8="N")' }, "#FFC7CE"],
      ["F8:F11", "CellValue", { formula1: "0", operator: "GreaterThan" }, "#FFC7CE"],
      ["F8:F11", "CellValue", { formula1: "0", operator: "EqualTo" }, "#C6EFCE"],
    ]);
  });

  it("charts the gap summed per profession from a summary beside the tables", async () => {
    const fake = useFakeExcel();
    await writeCoverage([wilayah, standar]);
    const [chart, ...others] = fake.workbook.chartsOn("Cakupan");
    expect(others).toEqual([]);
    expect(chart).toMatchObject({ type: "ColumnClustered", sourceAddress: "Cakupan!H1:I3", title: "Kekurangan (orang) per Jenis (standar)" });
    expect(fake.workbook.valuesAt("Cakupan", "H1:I3")).toEqual([
      ["Jenis (standar)", "Kekurangan (orang)"],
      ["BIDAN", 5],
      ["DOKTER", 1],
    ]);
  });

  it("replaces the previous pull in place: same sheet, nothing left of the old rows, formats or charts", async () => {
    const fake = useFakeExcel();
    await writeCoverage([wilayah, standar], undefined, { met: ["memenuhi"] });
    const id = fake.workbook.requireSheet("Cakupan").id;
    await writeCoverage([{ ...standar, rows: standar.rows.slice(0, 1) }]);
    const wb = fake.workbook;
    expect(wb.requireSheet("Cakupan").id).toBe(id);
    expect(wb.usedAddress("Cakupan")).toBe("Cakupan!A1:I3");
    expect(wb.conditionalFormatsOn("Cakupan").map((cf) => cf.address)).toEqual(["F3", "F3"]);
    expect(wb.chartsOn("Cakupan").map((c) => c.sourceAddress)).toEqual(["Cakupan!H1:I2"]);
  });

  it("writes a single table to a sheet named after its title, kept apart from the other tables", async () => {
    const fake = useFakeExcel();
    const a = await writeCoverage(wilayah);
    const b = await writeCoverage(standar);
    expect([a.sheetName, b.sheetName]).toEqual(["Cakupan per wilayah", "Standar ketenagaan puskesmas"]);
    expect(fake.workbook.cellAt("Cakupan per wilayah", "A3").value).toBe("1706");
    expect(sheetNameFor("Coverage: by area / profession [2026] and more text")).toBe("Coverage by area profession 202");
  });

  it("writes 20,000 rows in at most 5 round trips", async () => {
    const fake = useFakeExcel();
    const rows = Array.from({ length: 20_000 }, (_, i) => [`P17060${String(i).padStart(5, "0")}`, `Puskesmas ${i}`, "BIDAN", i % 2 === 0, 0.5, i % 3]);
    fake.stats.reset();
    await writeCoverage([{ ...standar, rows }], undefined, { met: ["memenuhi"] });
    expect(fake.workbook.cellAt("Cakupan", "A20002").value).toBe("P1706019999");
    expect(fake.stats.syncs).toBeLessThanOrEqual(5);
  });

  it("formats each column by the type the API gives it, not by what its values look like", async () => {
    const fake = useFakeExcel();
    const table: SheetOutputTable = {
      title: "Kepadatan",
      columns: [
        { key: "kode", label: "Kode", type: "text" },
        { key: "nakes", label: "Nakes", type: "integer" },
        { key: "kepadatan_10k", label: "Per 10.000", type: "number" },
        { key: "str_aktif_pct", label: "% STR aktif", type: "share" },
      ],
      // A region code sent as a number is still a code; a count the API left empty is still a count column.
      rows: [
        [1706, 120, 6.3158, 0.875],
        ["1701", null, null, null],
      ],
    };
    await writeCoverage(table);
    const wb = fake.workbook;
    expect(wb.cellAt("Kepadatan", "A3")).toMatchObject({ value: "1706", numberFormat: "@" });
    expect(wb.cellAt("Kepadatan", "B4").numberFormat).toBe("#,##0");
    expect(wb.cellAt("Kepadatan", "C3")).toMatchObject({ value: 6.3158, numberFormat: "#,##0.00" });
    expect(wb.cellAt("Kepadatan", "D3")).toMatchObject({ value: 0.875, numberFormat: "0.0%", text: "87.5%" });
  });
});
