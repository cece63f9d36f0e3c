import { describe, expect, it } from "vitest";
import type { RosterOnSheet } from "../../../addin/excel/types";
import { locateIssues } from "../../../addin/roster/locate";
import { rosterToday, toRosterRequest } from "../../../addin/roster/to-request";

describe("sheet tables to the API's request", () => {
  const roster: RosterOnSheet = {
    nakes: {
      table: "nakes",
      sheetName: "Nakes",
      headerRow: 1,
      firstColumn: 2,
      headers: ["No. KTP", "Nama", "", "Warna Favorit"],
      rows: [
        ["1706015203900001", "Siti", null, "biru"],
        ["1706015203900002", "Ani", "", null],
      ],
    },
    pelatihan: {
      table: "pelatihan",
      sheetName: "Pelatihan",
      headerRow: 0,
      firstColumn: 0,
      headers: ["NIK", "Pelatihan", "Tahun"],
      rows: [["1706015203900001", "PONED", 2024]],
    },
  };

  it("maps headers to canonical keys, keeps unknown headers by their text and drops empty unnamed columns", () => {
    const mapped = toRosterRequest(roster, "2026-11-01")!;
    expect(mapped.request).toEqual({
      as_of: "2026-11-01",
      nakes: {
        columns: ["nik", "nama", "Warna Favorit"],
        rows: [
          ["1706015203900001", "Siti", "biru"],
          ["1706015203900002", "Ani", null],
        ],
      },
      pelatihan: { columns: ["nik", "kode_pelatihan", "tahun"], rows: [["1706015203900001", "PONED", 2024]] },
    });
    expect(mapped.layout.nakes!.sheetColumns).toEqual([2, 3, 5]);
  });

  it("keeps the row order, so the server's row numbers land on the right cells", () => {
    const mapped = toRosterRequest(roster, "2026-11-01")!;
    const { cells } = locateIssues(
      [{ severity: "warning", code: "header.unknown", table: "nakes", row: null, column: "Warna Favorit", message: "m" },
       { severity: "error", code: "nik.format", table: "nakes", row: 1, column: "nik", message: "m" }],
      mapped.layout,
    );
    expect(cells.map((c) => c.address)).toEqual(["F2", "C4"]);
  });

  it("has nothing to send without a Nakes table", () => {
    expect(toRosterRequest({ nakes: null, pelatihan: roster.pelatihan }, "2026-11-01")).toBeNull();
  });

  it("dates the roster today where its first facility lies, whatever the computer's zone (SPEC §4.5)", () => {
    const at = Date.parse("2026-11-29T16:30:00Z"); // 23:30 WIB, 00:30 WITA, 01:30 WIT
    const table = (kode: string | null) => ({ columns: ["nik", "kode_fasyankes"], rows: [["1", null], ["2", kode]] });
    expect(rosterToday(table("P1706010101"), at)).toBe("2026-11-29");
    expect(rosterToday(table("P5101010101"), at)).toBe("2026-11-30");
    expect(rosterToday(table(null), at)).toBe("2026-11-29");
    expect(rosterToday({ columns: ["nik"], rows: [["1"]] }, at)).toBe("2026-11-29");
  });

  it("gives the request that date when none is asked", () => {
    const mapped = toRosterRequest(roster, undefined)!;
    expect(mapped.request.as_of).toBe(rosterToday(mapped.request.nakes));
    expect(toRosterRequest(roster, "2026-11-01")!.request.as_of).toBe("2026-11-01");
  });
});
