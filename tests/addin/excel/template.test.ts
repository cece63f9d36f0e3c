import { describe, expect, it } from "vitest";
import { insertTemplate, offerFacilities } from "../../../addin/excel/template";
import { readRoster } from "../../../addin/excel/read";
import { referenceData } from "../../../shared/reference/index";
import { nakesColumns, pelatihanColumns } from "../../../shared/table/columns";
import { useFakeExcel } from "./fake";

const letter = (i: number) => String.fromCharCode(65 + i);
const col = (key: string) => letter(nakesColumns.findIndex((c) => c.key === key));

describe("insertTemplate", () => {
  it("creates the Nakes and Pelatihan tables with the template headers in at most 2 round trips", async () => {
    const fake = useFakeExcel();
    const result = await insertTemplate(referenceData);
    expect(result).toEqual({ created: ["Nakes", "Pelatihan"], kept: [] });
    const wb = fake.workbook;
    expect(wb.tableAddress(wb.table("Nakes")!)).toBe(`Nakes!A1:${letter(nakesColumns.length - 1)}2`);
    expect(wb.valuesAt("Nakes", `A1:${letter(nakesColumns.length - 1)}1`)[0]).toEqual(nakesColumns.map((c) => c.header));
    expect(wb.valuesAt("Pelatihan", "A1:D1")[0]).toEqual(pelatihanColumns.map((c) => c.header));
    expect(wb.requireSheet("Nakes").frozenRows).toBe(1);
    expect(wb.requireSheet("Pelatihan").frozenRows).toBe(1);
    expect(wb.activeSheet().name).toBe("Nakes");
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
  });

  it("formats NIK, NIP, No. STR and No. SIP as text, so a 16-digit NIK typed later keeps all its digits", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData);
    for (const key of ["nik", "nip", "no_str", "no_sip"]) {
      expect(fake.workbook.cellAt("Nakes", `${col(key)}2`).numberFormat, key).toBe("@");
      expect(fake.workbook.cellAt("Nakes", `${col(key)}2000`).numberFormat, key).toBe("@");
    }
    fake.workbook.setValues("Nakes", "A2", [["3601014101900001", "199001012015032001"]]);
    expect(fake.workbook.cellAt("Nakes", "A2").value).toBe("3601014101900001");
    expect(fake.workbook.cellAt("Nakes", "B2").value).toBe("199001012015032001");
    expect(fake.workbook.cellAt("Nakes", `${col("tanggal_lahir")}2`).numberFormat).toBe("dd/mm/yyyy");
  });

  it("gives the coded columns dropdowns fed from ranges on a hidden Referensi sheet", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData);
    const wb = fake.workbook;
    expect(wb.requireSheet("Referensi").visibility).toBe("Hidden");
    const listOf = (sheet: string, address: string) => {
      const dv = wb.dataValidationAt(sheet, address);
      const source = (dv?.rule.list as { source: string } | undefined)?.source;
      expect(source, `${sheet}!${address}`).toMatch(/^='Referensi'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
      return wb.valuesAt("Referensi", source!.split("!")[1]!.replace(/\$/g, "")).map((r) => r[0]);
    };
    expect(listOf("Nakes", `${col("jenis_kelamin")}2`)).toEqual(["L", "P"]);
    expect(listOf("Nakes", `${col("jenis_tenaga")}500`)).toEqual(referenceData.jenis_tenaga.map((p) => p.code));
    expect(listOf("Nakes", `${col("pendidikan")}2`)).toEqual(referenceData.pendidikan.map((p) => p.code));
    expect(listOf("Nakes", `${col("status_kepegawaian")}2`)).toEqual(referenceData.status_kepegawaian.map((s) => s.code));
    expect(listOf("Pelatihan", "B2")).toEqual(referenceData.pelatihan.map((p) => p.code));
    expect(wb.dataValidationAt("Nakes", `${col("kode_fasyankes")}2`)).toBeNull();
    expect(wb.dataValidationAt("Nakes", `${col("nama")}2`)).toBeNull();
  });

  it("adds a facility dropdown by name when the facility list is known, each choice carrying its code", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData, undefined, { facilities: [{ kode: "P1706010101", nama: "Puskesmas Mukomuko" }, { kode: "1706011", nama: "RSUD Mukomuko" }] });
    const dv = fake.workbook.dataValidationAt("Nakes", `${col("kode_fasyankes")}2`);
    const source = (dv!.rule.list as { source: string }).source;
    expect(fake.workbook.valuesAt("Referensi", source.split("!")[1]!.replace(/\$/g, ""))).toEqual([["Puskesmas Mukomuko (P1706010101)"], ["RSUD Mukomuko (1706011)"]]);
  });

  it("leaves the rows of an existing template alone when inserted again", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData);
    fake.workbook.setValues("Nakes", "A2", [["3601014101900001", null, "Siti Aminah", "P"]]);
    const result = await insertTemplate(referenceData);
    expect(result).toEqual({ created: [], kept: ["Nakes", "Pelatihan"] });
    expect(fake.workbook.valuesAt("Nakes", "A2:D2")).toEqual([["3601014101900001", "", "Siti Aminah", "P"]]);
    const roster = await readRoster();
    expect(roster.nakes?.rows).toHaveLength(1);
  });

  it("does not touch a sheet named Nakes that the user made without the template", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["No KTP", "Nama"], ["3601014101900001", "Budi"]] } });
    const result = await insertTemplate(referenceData);
    expect(result.kept).toContain("Nakes");
    expect(fake.workbook.table("Nakes")).toBeUndefined();
    expect(fake.workbook.valuesAt("Nakes", "A1:B2")).toEqual([["No KTP", "Nama"], [3601014101900000, "Budi"]]);
  });
});

describe("offerFacilities", () => {
  const scope = [
    { kode: "P1706010101", nama: "Puskesmas Mukomuko" },
    { kode: "P1706020101", nama: "Puskesmas Ipuh" },
    { kode: "1706011", nama: null },
  ];
  const listAt = (fake: ReturnType<typeof useFakeExcel>, address: string) => {
    const dv = fake.workbook.dataValidationAt("Nakes", address);
    const source = (dv?.rule.list as { source: string } | undefined)?.source;
    return source ? fake.workbook.valuesAt("Referensi", source.split("!")[1]!.replace(/\$/g, "")).map((r) => r[0]) : null;
  };

  it("offers the template's kode_fasyankes cells the facilities of the scope by name, in three round trips", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData);
    fake.stats.reset();
    expect(await offerFacilities(scope)).toEqual({ offered: 3 });
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(listAt(fake, `${col("kode_fasyankes")}2`)).toEqual(["Puskesmas Mukomuko (P1706010101)", "Puskesmas Ipuh (P1706020101)", "1706011"]);
    expect(listAt(fake, `${col("kode_fasyankes")}2000`)).toHaveLength(3);
    // The other lists are still where their dropdowns point.
    expect(listAt(fake, `${col("jenis_kelamin")}2`)).toEqual(["L", "P"]);
  });

  it("stores the code of the facility picked by name", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData);
    await offerFacilities(scope);
    const picked = listAt(fake, `${col("kode_fasyankes")}2`)![1];
    fake.workbook.setValues("Nakes", "A2", [["1706061509930001", null, "Budi"]]);
    fake.workbook.setValues("Nakes", `${col("kode_fasyankes")}2`, [[picked]]);
    const roster = await readRoster();
    expect(roster.nakes!.rows[0]![nakesColumns.findIndex((c) => c.key === "kode_fasyankes")]).toBe("P1706020101");
  });

  it("replaces its earlier list instead of adding another", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData);
    await offerFacilities(scope);
    await offerFacilities(scope.slice(0, 1));
    expect(listAt(fake, `${col("kode_fasyankes")}2`)).toEqual(["Puskesmas Mukomuko (P1706010101)"]);
    const titles = fake.workbook.valuesAt("Referensi", "A1:Z1")[0]!.filter((v) => v === "Fasyankes");
    expect(titles).toHaveLength(1);
  });

  it("offers nothing without a template table", async () => {
    const fake = useFakeExcel({ sheets: { Nakes: [["NIK", "Kode Fasyankes"]] } });
    expect(await offerFacilities(scope)).toEqual({ offered: 0 });
    expect(fake.workbook.dataValidationAt("Nakes", "B2")).toBeNull();
  });
});
