import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../shared/schema/cell";
import { validateRoster } from "../../../shared/validate/roster";
import { skippedRows } from "../../../shared/validate/skipped";
import { AS_OF, check, codesOf, issuesOf, KEYS, midwife, nakesTable, pnsNurse, type RowSpec } from "./support";

/** The validator on sheets as offices keep them (SPEC §3.1 "Values as real office sheets hold them"). */

const PLACEHOLDERS = ["-", "–", "—", ".", "0", "tidak ada", "belum ada", "belum", "N/A", "NA", "nihil", "kosong"];
const placeholder = fc
  .tuple(fc.constantFrom(...PLACEHOLDERS), fc.boolean(), fc.constantFrom("", " ", "\u00a0"))
  .map(([p, upper, pad]) => pad + (upper ? p.toUpperCase() : p) + pad);

/** What a finding says, without the value quoted (a placeholder's text and null differ there only). */
const shape = (r: ReturnType<typeof check>) => r.issues.map((i) => [i.code, i.row, i.column, i.severity]);

describe("placeholders are empty (property)", () => {
  it("any placeholder in any column gives exactly the findings of an empty cell", () => {
    const people: RowSpec[] = [midwife, pnsNurse, { ...pnsNurse, status_kepegawaian: "PENUGASAN_KHUSUS", nik: "1706014507900003", nip: null, tmt_penugasan: "2024-01-02" }];
    fc.assert(
      fc.property(fc.constantFrom(...people), fc.constantFrom(...KEYS), placeholder, (person, key, p) => {
        const withPlaceholder = check([{ ...person, [key]: p }]);
        const empty = check([{ ...person, [key]: null }]);
        expect(shape(withPlaceholder)).toEqual(shape(empty));
        expect(withPlaceholder.nakes).toEqual(empty.nakes);
      }),
      { numRuns: 300 },
    );
  });

  it("an STR of '-' is str.required, and two of them are no str.duplicate", () => {
    const r = check([{ no_str: "-" }, { nik: "1706015203850002", no_str: "-" }]);
    expect(codesOf(r)).toEqual(["str.required", "str.required"]);
  });
});

describe("digits lost", () => {
  it("an STR held as a number of 16 digits is str.precision_lost, with what to do", () => {
    const [issue] = issuesOf(check([{ no_str: 3121100321057123 }]), "str.precision_lost");
    expect(issue).toMatchObject({ severity: "error", column: "no_str", row: 0 });
    expect(issue!.message).toMatch(/Format kolom No\. STR sebagai Teks/);
  });

  it("a NIK in thousands groups is nik.precision_lost and says to format the column as Text", () => {
    const [issue] = issuesOf(check([{ nik: "1.706.015.203.850.000" }]), "nik.precision_lost");
    expect(issue!.message).toMatch(/Teks lalu ketik ulang/);
  });

  it("a full-width digit is named with its position instead of showing a NIK that looks valid", () => {
    const [issue] = issuesOf(check([{ nik: "1706\uff10152038500\uff101" }]), "nik.format");
    expect(issue!.message).toContain("Karakter ke-5 adalah angka lebar penuh");
    expect(validateRoster({ as_of: AS_OF, nakes: nakesTable([{ nik: "\uff11706015203850001" }]) }, { asOf: AS_OF, lang: "en" }).issues[0]!.message).toContain(
      "Character 1 is a full-width digit",
    );
  });
});

describe("names", () => {
  it("refuse a name that begins with =, +, - or @, and never trim leading whitespace into a formula", () => {
    for (const nama of ["=1+1", "+62812", "-Siti", "@Siti", "\t=1+1", " =HYPERLINK(\"x\")"]) {
      const r = check([{ nama }]);
      expect(issuesOf(r, "nama.format")).toMatchObject([{ severity: "error" }]);
      expect(r.nakes).toEqual([]);
    }
  });

  it("refuse a name that does not begin with a letter, and keep names with titles", () => {
    expect(codesOf(check([{ nama: "(Siti)" }]))).toEqual(["nama.format"]);
    expect(codesOf(check([{ nama: "dr. Siti, Sp.A" }]))).toEqual([]);
    expect(codesOf(check([{ nama: "Ésa Ümar" }]))).toEqual([]);
  });
});

describe("rows that are no people", () => {
  const table = (extra: Cell[][], keys: readonly string[] = KEYS) => {
    const t = nakesTable([midwife, { ...midwife, nik: "1706015203850002", no_str: "3121100321057124" }], keys);
    t.rows.push(...extra);
    return t;
  };
  const blankRow = () => KEYS.map(() => null as Cell);
  const rowWith = (cells: Partial<Record<(typeof KEYS)[number], Cell>>) => KEYS.map((k) => (k in cells ? cells[k]! : null));

  it("skip the column-number row, a totals row and the signature block, one row.skipped per run", () => {
    const columnNumbers = KEYS.map((_, i) => `(${i + 1})`);
    const t = nakesTable([], KEYS);
    t.rows = [
      columnNumbers,
      ...nakesTable([midwife, { ...midwife, nik: "1706015203850002", no_str: "3121100321057124" }]).rows,
      rowWith({ nik: "JUMLAH", nama: "2 orang" }),
      blankRow(),
      rowWith({ keterangan: "Mukomuko, 1 November 2026" }),
      rowWith({ keterangan: "Mengetahui," }),
      rowWith({ keterangan: "Kepala Puskesmas Kota Mukomuko" }),
      blankRow(),
      rowWith({ keterangan: "dr. Ahmad Fauzi" }),
      rowWith({ keterangan: "NIP. 19800101 200501 1 001" }),
    ];
    const r = validateRoster({ as_of: AS_OF, nakes: t }, { asOf: AS_OF });
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
    const skipped = issuesOf(r, "row.skipped");
    expect(skipped.map((i) => [i.row, (i.related ?? []).map((x) => x.row)])).toEqual([
      [0, []],
      [3, [4, 5, 6, 7, 8, 9, 10]],
    ]);
    expect(skipped[1]!.message).toBe("8 baris dilewati karena bukan data orang (baris jumlah/total).");
    expect(r.nakes).toHaveLength(2);
    expect([...skippedRows(r.issues)].sort((a, b) => a - b)).toEqual([0, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("still report every error of a row above the signature block that names a person without data", () => {
    const t = table([rowWith({ nama: "Rina Marlina" }), rowWith({ nama: "Mengetahui," }), rowWith({ nama: "dr. Ahmad Fauzi" }), rowWith({ nip: "NIP. 19800101 200501 1 001" })]);
    const r = validateRoster({ as_of: AS_OF, nakes: t }, { asOf: AS_OF });
    const errorsOfRow2 = r.issues.filter((i) => i.row === 2 && i.severity === "error").map((i) => i.column);
    expect(errorsOfRow2).toEqual(["nik", "jenis_kelamin", "tanggal_lahir", "jenis_tenaga", "status_kepegawaian", "kode_fasyankes"]);
    expect(issuesOf(r, "row.skipped").map((i) => i.row)).toEqual([3]);
    expect(r.issues.some((i) => (i.row ?? -1) > 3)).toBe(false);
  });

  it("pass over wholly blank rows silently, as Excel tables keep them", () => {
    const r = validateRoster({ as_of: AS_OF, nakes: table([blankRow(), blankRow()]) }, { asOf: AS_OF });
    expect(r.issues).toEqual([]);
  });

  it("skip rows of placeholders and formula errors only", () => {
    const r = validateRoster({ as_of: AS_OF, nakes: table([rowWith({ nik: "-", nama: "-" }), rowWith({ nama: "#N/A", tanggal_lahir: "#VALUE!" })]) }, { asOf: AS_OF });
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([["row.skipped", 2]]);
  });

  it("count no skipped row as data: a table of only such rows is upload.empty", () => {
    const t = nakesTable([], KEYS);
    t.rows = [rowWith({ nik: "JUMLAH" })];
    expect(codesOf(validateRoster({ as_of: AS_OF, nakes: t }, { asOf: AS_OF }))).toEqual(["row.skipped", "upload.empty"]);
  });
});

describe("blank cells under what looks like a merged cell", () => {
  it("say the cell looks merged and to fill the value down when a value is followed by blanks in one block", () => {
    const r = check([midwife, { nik: "1706015203850002", kode_fasyankes: null }, { nik: "1706015203850003", kode_fasyankes: null }]);
    const required = issuesOf(r, "required");
    expect(required.map((i) => [i.row, i.column])).toEqual([
      [1, "kode_fasyankes"],
      [2, "kode_fasyankes"],
    ]);
    for (const i of required) expect(i.message).toMatch(/tampak tergabung.*isi nilainya ke bawah/);
  });

  it("say nothing of merging for a single missing value", () => {
    const r = check([midwife, { nik: "1706015203850002", kode_fasyankes: null }, { nik: "1706015203850003" }]);
    expect(issuesOf(r, "required")[0]!.message).toBe("Kode Fasyankes wajib diisi.");
  });
});

describe("timestamps", () => {
  it("read instants in the zone of the row's facility", () => {
    // 2029-04-30T16:00Z is 1 May 2029 in WITA (Bali), still 30 April in WIB (Bengkulu).
    const bali = check([{ kode_fasyankes: "P5101010101", sip_berlaku_sampai: "2029-04-30T16:00:00Z" }]);
    const bengkulu = check([{ sip_berlaku_sampai: "2029-04-30T16:00:00Z" }]);
    expect(bali.nakes[0]!.sip_berlaku_sampai).toBe("2029-05-01");
    expect(bengkulu.nakes[0]!.sip_berlaku_sampai).toBe("2029-04-30");
  });

  it("take today in the facility's zone when no as_of is given", () => {
    const now = Date.parse("2026-11-29T18:30:00Z");
    const t = nakesTable([{ sip_berlaku_sampai: "2026-11-29" }]);
    const r = validateRoster({ nakes: t }, { asOf: "", now });
    expect(codesOf(r)).toContain("sip.expired");
  });
});

describe("pelatihan.duplicate", () => {
  it("keeps one record of the same person, course and year after normalising, with an info per repeat", () => {
    const pelatihan = {
      columns: ["nik", "kode_pelatihan", "tahun"],
      rows: [
        [midwife.nik, "PPI", 2024],
        ["1706 0152 0385 0001", "ppi", "2024"],
        [midwife.nik, "PPI", 2025],
        [midwife.nik, "PONED", 2024],
      ],
    };
    const r = check([midwife], {}, { pelatihan });
    expect(issuesOf(r, "pelatihan.duplicate")).toMatchObject([{ row: 1, severity: "info", related: [{ row: 0 }] }]);
    expect(r.pelatihan.map((p) => [p.row, p.kode_pelatihan, p.tahun])).toEqual([
      [0, "PPI", 2024],
      [2, "PPI", 2025],
      [3, "PONED", 2024],
    ]);
  });
});
