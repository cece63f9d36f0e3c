import { describe, expect, it } from "vitest";
import { parseStandardTable } from "../../../shared/coverage/standard-table";
import { rulesFor, standardJenisList } from "../../../shared/coverage/standard";
import { pmk75 } from "./fixture";

describe("a staffing standard sent as a table", () => {
  it("reads headers in any case and spacing, and Y/N, numbers or numeric text", () => {
    const r = parseStandardTable({
      columns: ["Kategori", " Rawat Inap ", "JENIS", "minimum"],
      rows: [
        ["perkotaan", "Y", "dokter", 3],
        ["PERKOTAAN", false, "KEFARMASIAN", "1"],
      ],
    });
    expect(r).toEqual({
      ok: true,
      rules: [
        { kategori: "PERKOTAAN", rawat_inap: true, jenis: "DOKTER", minimum: 3 },
        { kategori: "PERKOTAAN", rawat_inap: false, jenis: "KEFARMASIAN", minimum: 1 },
      ],
    });
  });

  it("reads rawat_inap the way a roster's Y/N columns are read (Ya, tdk, Yes, 1)", () => {
    const r = parseStandardTable({
      columns: ["kategori", "rawat_inap", "jenis", "minimum"],
      rows: [
        ["PERKOTAAN", "Ya", "DOKTER", 1],
        ["PERKOTAAN", "tdk", "DOKTER", 1],
        ["PEDESAAN", "Yes", "DOKTER", 1],
        ["PEDESAAN", 0, "DOKTER", 1],
      ],
    });
    expect(r.ok && r.rules.map((x) => x.rawat_inap)).toEqual([true, false, true, false]);
  });

  it("names every bad value with its row and column, in Indonesian and English", () => {
    const r = parseStandardTable({
      columns: ["kategori", "rawat_inap", "jenis", "minimum"],
      rows: [
        ["KOTA", "Y", "DOKTER", 1],
        ["PEDESAAN", "kadang", "TUKANG", -1],
        ["PEDESAAN", "N", "BIDAN", 4],
        ["PEDESAAN", "N", "BIDAN", 5],
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [0, "kategori"],
      [1, "rawat_inap"],
      [1, "jenis"],
      [1, "minimum"],
      [3, "jenis"],
    ]);
    expect(r.problems[4]!.message.en).toBe("BIDAN for PEDESAAN/N is already on row 3");
  });

  it("refuses a table without its columns or without rows", () => {
    const missing = parseStandardTable({ columns: ["kategori", "jenis", "minimum"], rows: [] });
    expect(missing.ok === false && missing.problems.map((p) => p.column)).toEqual(["rawat_inap"]);
    const empty = parseStandardTable({ columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows: [] });
    expect(empty.ok === false && empty.problems[0]!.message.en).toBe("the standard table is empty");
  });
});

describe("the rules of a standard set", () => {
  it("judge a very remote puskesmas by the remote rows when the set has none of its own", () => {
    const rules = rulesFor(pmk75(), "SANGAT_TERPENCIL", true);
    expect(rules).toHaveLength(11);
    expect(rules.every((r) => r.kategori === "TERPENCIL" && r.rawat_inap)).toBe(true);
    const own = [...pmk75(), { kategori: "SANGAT_TERPENCIL" as const, rawat_inap: true, jenis: "DOKTER" as const, minimum: 1 }];
    expect(rulesFor(own, "SANGAT_TERPENCIL", true)).toEqual([{ kategori: "SANGAT_TERPENCIL", rawat_inap: true, jenis: "DOKTER", minimum: 1 }]);
  });

  it("list their jenis in the order of the profession list, whatever the row order", () => {
    expect(standardJenisList([...pmk75()].reverse())).toEqual([
      "DOKTER", "DOKTER_GIGI", "PERAWAT", "BIDAN", "KEFARMASIAN", "PROMKES", "SANITARIAN", "NUTRISIONIS", "ATLM", "ADMINISTRASI", "PEKARYA",
    ]);
  });
});
