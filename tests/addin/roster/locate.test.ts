import { describe, expect, it } from "vitest";
import { locateIssues, type RosterLayout } from "../../../addin/roster/locate";
import type { Issue } from "../../../shared/schema/issue";

const layout: RosterLayout = {
  nakes: {
    sheetName: "Data Nakes",
    headerRow: 3,
    columns: ["nik", "nama", "Golongan"],
    headers: ["NIK", "Nama", "Golongan"],
    sheetColumns: [1, 2, 4],
  },
};
const issue = (over: Partial<Issue>): Issue => ({
  severity: "error",
  code: "required",
  table: "nakes",
  row: 0,
  column: "nik",
  message: "m",
  ...over,
});

describe("locating issues on the sheet", () => {
  it("names columns past Z the way Excel does", () => {
    const wide: RosterLayout = { nakes: { ...layout.nakes!, columns: ["nik"], headers: ["NIK"], sheetColumns: [27] } };
    expect(locateIssues([issue({ row: 0 })], wide).cells[0]!.address).toBe("AB5");
  });

  it("puts a row issue in its row below the header and in its column, wherever the table starts", () => {
    const { cells } = locateIssues([issue({ row: 0, column: "nik" }), issue({ row: 41, column: "nama" })], layout);
    expect(cells.map((c) => `${c.sheetName}!${c.address}`)).toEqual(["Data Nakes!B5", "Data Nakes!C46"]);
  });

  it("puts header issues on the header row: on the header they name, else on the table's first header", () => {
    const { cells } = locateIssues(
      [
        issue({ code: "header.unknown", severity: "warning", row: null, column: "Golongan" }),
        issue({ code: "header.missing", row: null, column: "tanggal_lahir" }),
      ],
      layout,
    );
    expect(cells.map((c) => c.address)).toEqual(["E4", "B4"]);
  });

  it("keeps issues of a table that is not on any sheet apart, so they are still reported", () => {
    const stray = issue({ table: "pelatihan", code: "pelatihan.nik_unknown" });
    expect(locateIssues([stray], layout)).toEqual({ cells: [], unlocated: [stray] });
  });
});
