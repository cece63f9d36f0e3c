import { describe, expect, it } from "vitest";
import { cleanCell } from "../../../shared/normalize/cell";
import type { Cell } from "../../../shared/schema/cell";
import { validateRoster } from "../../../shared/validate/roster";
import { AS_OF, check, issuesOf, KEYS, roster, type RowSpec } from "./support";

/**
 * An issue's `value` is the cell of its own `column` on its own row (SPEC §7: the finding names the
 * cell): the newcomer of issue 16 saw `str.format` on no_str report the STR end date's "SEUMUR HIDUP".
 */
describe("the value an issue reports", () => {
  it("is the STR number for str.format, not the STR end date beside it", () => {
    const [issue] = issuesOf(check([{ no_str: "+1706000000000011", str_berlaku_sampai: "SEUMUR HIDUP" }]), "str.format");
    expect(issue).toMatchObject({ column: "no_str", value: "+1706000000000011" });
  });

  it("is the SIP number for sip.format, not the SIP end date", () => {
    const [issue] = issuesOf(check([{ no_sip: "=HYPERLINK(1)", sip_berlaku_sampai: "2029-06-30" }]), "sip.format");
    expect(issue).toMatchObject({ column: "no_sip", value: "=HYPERLINK(1)" });
  });

  it("is, for every finding of a row with faults in many columns, the cleaned cell of the column it names", () => {
    // Each row puts wrong text in several columns at once, so a value taken from a neighbour shows.
    const rows: RowSpec[] = [
      { no_str: "+1706000000000011", str_berlaku_sampai: "2020-01-01", no_sip: "@SIP", sip_berlaku_sampai: "2026-10-01" },
      { nik: "17060152038500", nip: "19850312X", jenis_kelamin: "Q", tanggal_lahir: "31/02/1985", jenis_tenaga: "DUKUN" },
      { status_kepegawaian: "PK", tmt_penugasan: "2019-01-01", no_str: "-1", str_berlaku_sampai: "selamanya" },
      { kode_fasyankes: "P9999999999", pendidikan: "SMA?", sip_berlaku_sampai: "2026-11-20", nama: "=1+1" },
      { nik: "1706015203850001", nip: "198503122010012001", status_kepegawaian: "PNS", jenis_kelamin: "L" },
    ];
    const request = roster(rows);
    const { issues } = validateRoster(request, { asOf: AS_OF });
    const withValue = issues.filter((i) => i.table === "nakes" && i.row !== null && i.column !== null && i.value !== undefined);
    expect(new Set(withValue.map((i) => i.code)).size).toBeGreaterThan(10);
    for (const i of withValue) {
      const cell: Cell = request.nakes.rows[i.row!]![KEYS.indexOf(i.column as (typeof KEYS)[number])]!;
      expect(i.value, `${i.code} on row ${i.row}, ${i.column}`).toEqual(cleanCell(cell));
    }
  });
});
