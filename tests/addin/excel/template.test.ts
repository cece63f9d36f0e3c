import { describe, expect, it } from "vitest";
import { insertTemplate } from "../../../addin/excel/template";
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

  it("adds a facility dropdown when the facility list is known, with codes kept as text", async () => {
    const fake = useFakeExcel();
    await insertTemplate(referenceData, undefined, { facilities: [{ kode: "P1706010101", nama: "Puskesmas Mukomuko" }, { kode: "1706011", nama: "RSUD Mukomuko" }] });
    const dv = fake.workbook.dataValidationAt("Nakes", `${col("kode_fasyankes")}2`);
    const source = (dv!.rule.list as { source: string }).source;
    expect(fake.workbook.valuesAt("Referensi", source.split("!")[1]!.replace(/\$/g, ""))).toEqual([["P1706010101"], ["1706011"]]);
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
