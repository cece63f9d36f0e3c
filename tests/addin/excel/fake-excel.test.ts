import { describe, expect, it } from "vitest";
import { createFakeExcel, type FakeExcel } from "../../support/fake-excel";

/** The fake, seen through office.js's own types: the same code must compile against both. */
function excelOf(fake: FakeExcel): typeof Excel {
  return fake.Excel as unknown as typeof Excel;
}

async function rejection(p: Promise<unknown>): Promise<{ code?: string; name?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; name?: string; message: string };
  }
  throw new Error("expected a rejection");
}

describe("fake Excel host", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync, like office.js", async () => {
    const fake = createFakeExcel({ sheets: { Data: [["a", 1]] } });
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
        range.load("values");
        void range.values; // not synced yet
      }),
    );
    expect(error.name).toBe("RichApi.Error");
    expect(error.code).toBe("PropertyNotLoaded");
    expect(error.message).toContain("call the load method");
  });

  it("throws PropertyNotLoaded for a property that was not part of the load", async () => {
    const fake = createFakeExcel({ sheets: { Data: [["a", 1]] } });
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
        range.load("values");
        await context.sync();
        expect(range.values).toEqual([["a", 1]]);
        void range.address;
      }),
    );
    expect(error.code).toBe("PropertyNotLoaded");
  });

  it("applies queued writes only at sync", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
      expect(fake.workbook.cellAt("Data", "A1").value).toBe("");
      await context.sync();
      expect(fake.workbook.cellAt("Data", "A1").value).toBe("x");
    });
  });

  it("counts every context.sync call and the round trips that carried commands", async () => {
    const fake = createFakeExcel({ sheets: { Data: [["a"]] } });
    await excelOf(fake).run(async (context) => {
      await context.sync(); // nothing queued: no round trip
      const r = context.workbook.worksheets.getItem("Data").getRange("A1").load("values");
      await context.sync();
      r.values = [["b"]];
      await context.sync();
      context.workbook.worksheets.getItem("Data").getRange("A2").values = [["c"]]; // flushed by Excel.run
    });
    expect(fake.stats.runs).toBe(1);
    expect(fake.stats.syncCalls).toBe(4);
    expect(fake.stats.syncs).toBe(3);
    expect(fake.workbook.cellAt("Data", "A2").value).toBe("c");
  });

  it("fails a request over 5 MB with RequestPayloadSizeLimitExceeded and writes nothing of it", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} `.padEnd(100, "x")]);
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:A60000").values = big;
        await context.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.workbook.cellAt("Data", "A1").value).toBe("");
    expect(fake.stats.records.at(-1)!.requestBytes).toBeGreaterThan(5_000_000);
  });

  it("accepts the same data written in blocks under the limit", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} `.padEnd(100, "x")]);
    await excelOf(fake).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      for (let start = 0; start < big.length; start += 20_000) {
        sheet.getRangeByIndexes(start, 0, 20_000, 1).values = big.slice(start, start + 20_000);
        await context.sync();
      }
    });
    expect(fake.stats.maxRequestBytes).toBeLessThan(5_000_000);
    expect(fake.workbook.cellAt("Data", "A60000").value).toBe(big[59_999]![0]);
  });

  it("fails a load whose answer is over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const fake = createFakeExcel();
    fake.workbook.setValues("Data", "A1", Array.from({ length: 60_000 }, () => ["y".repeat(100)]));
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:A60000").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("turns strings starting with =, +, - or @ into formulas in a General cell, as Excel does", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    const inputs = ['=HYPERLINK("http://evil.example","klik")', "+62 812-3456", "-", "@x", "=1+1"];
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:A5").values = inputs.map((s) => [s]);
    });
    const formulas = inputs.map((_, i) => fake.workbook.cellAt("Data", `A${i + 1}`).formula);
    expect(formulas).toEqual(['=HYPERLINK("http://evil.example","klik")', "=+62 812-3456", "=-", "=@x", "=1+1"]);
  });

  it("keeps the same strings as text in a cell formatted as text before the values", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    const inputs = ['=HYPERLINK("http://evil.example","klik")', "+62 812-3456", "-", "@x", "0812345678"];
    await excelOf(fake).run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:A5");
      range.numberFormat = [["@"]];
      range.values = inputs.map((s) => [s]);
    });
    for (const [i, s] of inputs.entries()) {
      const cell = fake.workbook.cellAt("Data", `A${i + 1}`);
      expect(cell.formula).toBeNull();
      expect(cell.value).toBe(s);
    }
  });

  it("formats too late when the text format comes after the values", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    await excelOf(fake).run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1");
      range.values = [["=SUM(1)"]];
      range.numberFormat = [["@"]];
    });
    expect(fake.workbook.cellAt("Data", "A1").formula).toBe("=SUM(1)");
  });

  it("keeps a value entered with a leading apostrophe as text", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:A2").values = [["'=1+1"], ["'0812"]];
    });
    expect(fake.workbook.cellAt("Data", "A1")).toMatchObject({ value: "=1+1", formula: null, apostrophe: true });
    expect(fake.workbook.cellAt("Data", "A2").value).toBe("0812");
  });

  it("keeps only 15 significant digits of a number, so a 16-digit NIK loses its last digit", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    await excelOf(fake).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [[3601010101900001]];
      sheet.getRange("A2").values = [["3601010101900001"]];
      const asText = sheet.getRange("A3");
      asText.numberFormat = [["@"]];
      asText.values = [["3601010101900001"]];
    });
    expect(fake.workbook.cellAt("Data", "A1").value).toBe(3601010101900000);
    expect(fake.workbook.cellAt("Data", "A1").text).toBe("3.60101E+15");
    expect(fake.workbook.cellAt("Data", "A2").value).toBe(3601010101900000);
    expect(fake.workbook.cellAt("Data", "A3").value).toBe("3601010101900001");
  });

  it("turns a numeric-looking string into a number in a General cell (a leading zero is lost)", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["0812345678"]];
    });
    expect(fake.workbook.cellAt("Data", "A1").value).toBe(812345678);
  });

  it("copies a single value or format to every cell of a larger range", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B2:C4").numberFormat = [["@"]];
    });
    expect(fake.workbook.cellAt("Data", "C4").numberFormat).toBe("@");
    expect(fake.workbook.cellAt("Data", "A1").numberFormat).toBe("General");
  });

  it("takes one number format for whole columns, but no values there", async () => {
    const fake = createFakeExcel({ sheets: { Data: [["x"]] } });
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B:B").numberFormat = [["@"]];
    });
    fake.workbook.setValues("Data", "B500", [["0812345678"]]);
    expect(fake.workbook.cellAt("Data", "B500").value).toBe("0812345678");
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("C:C").values = [["x"]];
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("rejects a values array whose shape does not match the range", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [["a", "b"]];
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("fills every area of a RangeAreas and refuses an address list over the host's length limit", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRanges("A1, C3:C4; E5").format.fill.color = "#FFC7CE";
    });
    expect([...fake.workbook.filledCells("Data").keys()]).toEqual(["A1", "C3", "C4", "E5"]);

    const long = Array.from({ length: 2_000 }, (_, i) => `A${i + 1}`).join(",");
    expect(long.length).toBeGreaterThan(8_192);
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRanges(long).format.fill.color = "#FFC7CE";
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("answers isSetSupported from its maximum ExcelApi version and fails newer calls with ApiNotFound", async () => {
    const fake = createFakeExcel({ maxApiVersion: "1.8", sheets: { Data: [] } });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRanges("A1").format.fill.color = "#FFC7CE";
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });

  it("reports a missing sheet through isNullObject, and a missing getItem as ItemNotFound", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    await excelOf(fake).run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("data");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });

  it("lets a null object be loaded (the documented pattern) but not used", async () => {
    const fake = createFakeExcel({ sheets: { Empty: [] } });
    await excelOf(fake).run(async (context) => {
      const used = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Nope").getRange("A1").values = [["x"]];
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });

  it("asks for dataValidation.clear() before a different rule is set on the same cells", async () => {
    const fake = createFakeExcel({ sheets: { Data: [], Lists: [["L"], ["P"]] } });
    const rule = { list: { inCellDropDown: true, source: "=Lists!$A$1:$A$2" } };
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2:A10").dataValidation.rule = rule;
    });
    expect(fake.workbook.dataValidationAt("Data", "A5")?.rule).toEqual(rule);
    const error = await rejection(
      excelOf(fake).run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A2:A10").dataValidation.rule = { list: { inCellDropDown: true, source: "X,Y" } };
      }),
    );
    expect(error.code).toBe("InvalidOperation");
  });

  it("delivers selection changes to handlers once their registration has been synced", async () => {
    const fake = createFakeExcel({ sheets: { Data: [] } });
    const seen: string[] = [];
    await excelOf(fake).run(async (context) => {
      context.workbook.worksheets.onSelectionChanged.add(async (args) => {
        seen.push(args.address);
      });
      await fake.select("Data", "B2"); // not yet registered
      await context.sync();
    });
    await fake.select("Data", "C3:D4");
    expect(seen).toEqual(["C3:D4"]);
  });

  it("creates a table with a blank body row under its header row, as Excel does", async () => {
    const fake = createFakeExcel({ sheets: { Data: [["NIK", "Nama"]] } });
    await excelOf(fake).run(async (context) => {
      const table = context.workbook.worksheets.getItem("Data").tables.add("A1:B1", true);
      table.name = "Nakes";
      const body = table.getDataBodyRange().load("address");
      await context.sync();
      expect(body.address).toBe("Data!A2:B2");
    });
    expect(fake.workbook.tableAddress(fake.workbook.table("nakes")!)).toBe("Data!A1:B2");
  });

  it("evaluates DATE as the workbook counts: 1462 for 1 Jan 1904 in the 1900 system, 0 in the 1904 system", async () => {
    for (const [dateSystem, expected] of [[1900, 1462], [1904, 0]] as const) {
      const fake = createFakeExcel({ dateSystem });
      await excelOf(fake).run(async (context) => {
        const probe = context.workbook.functions.date(1904, 1, 1).load("value");
        const later = context.workbook.functions.date(2026, 11, 1).load("value");
        await context.sync();
        expect(probe.value).toBe(expected);
        expect(later.value).toBe(46327 - (dateSystem === 1904 ? 1462 : 0));
      });
    }
  });

  it("stores a date typed into a 1904 workbook as that system's serial, and shows it as the same day", async () => {
    const fake = createFakeExcel({ dateSystem: 1904, sheets: { Data: [["2026-11-01"]] } });
    expect(fake.workbook.valuesAt("Data", "A1")).toEqual([[46327 - 1462]]);
    expect(fake.workbook.cellAt("Data", "A1").text).toBe("2026-11-01");
  });

  it("keeps only the top-left value of a merged area and lists merged areas from ExcelApi 1.13, a null object when none", async () => {
    const fake = createFakeExcel({ sheets: { Data: [["a", "b"], ["c", "d"], ["e", "f"]] } });
    fake.workbook.merge("Data", "A1:A2");
    expect(fake.workbook.valuesAt("Data", "A1:A2")).toEqual([["a"], [""]]);
    await excelOf(fake).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const merged = sheet.getRange("A1:B3").getMergedAreasOrNullObject().load("address");
      const none = sheet.getRange("B1:B3").getMergedAreasOrNullObject().load("address");
      await context.sync();
      expect(merged.isNullObject).toBe(false);
      expect(merged.address).toBe("Data!A1:A2");
      expect(none.isNullObject).toBe(true);
    });
    const old = createFakeExcel({ maxApiVersion: "1.12", sheets: { Data: [["a"]] } });
    const error = await rejection(
      excelOf(old).run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").getMergedAreasOrNullObject().load("address");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });
});
