import { describe, expect, it } from "vitest";
import { baseTag, ifMatchTags } from "../../../worker/rosters/base";
import { diffRosters } from "../../../worker/rosters/diff";
import { fingerprint, trainingByNik } from "../../../worker/rosters/fingerprint";
import { identifiersOf } from "../../../worker/rosters/identifiers";
import { roster } from "../support";

const p = (kode_fasyankes: string, nik: string, fp: string) => ({ kode_fasyankes, nik, fp });

describe("diffRosters", () => {
  it("counts persons added, removed, changed and unchanged per facility", () => {
    const stored = [p("A", "1", "x"), p("A", "2", "y"), p("A", "3", "z"), p("B", "9", "q"), p("C", "7", "c")];
    const incoming = [p("A", "1", "x"), p("A", "2", "Y"), p("A", "4", "w"), p("B", "9", "q"), p("B", "8", "r")];
    expect(diffRosters(["B", "A"], incoming, stored)).toEqual([
      { kode_fasyankes: "A", added: 1, removed: 1, changed: 1, unchanged: 1 },
      { kode_fasyankes: "B", added: 1, removed: 0, changed: 0, unchanged: 1 },
    ]);
  });

  it("counts a person once even if listed twice", () => {
    expect(diffRosters(["A"], [p("A", "1", "x"), p("A", "1", "x")], [])).toEqual([{ kode_fasyankes: "A", added: 1, removed: 0, changed: 0, unchanged: 0 }]);
  });
});

describe("base and If-Match", () => {
  it("gives the same tag for the same stored versions in any order, another for any change", async () => {
    const a = await baseTag(new Map([["A", "u1"], ["B", null]]));
    expect(await baseTag(new Map([["B", null], ["A", "u1"]]))).toBe(a);
    expect(await baseTag(new Map([["A", "u2"], ["B", null]]))).not.toBe(a);
    expect(await baseTag(new Map([["A", "u1"]]))).not.toBe(a);
  });

  it("reads bare, quoted, weak and listed tags; * and absence mean no precondition", () => {
    expect(ifMatchTags(undefined)).toBeNull();
    expect(ifMatchTags("*")).toBeNull();
    expect(ifMatchTags("b1.abc")).toEqual(["b1.abc"]);
    expect(ifMatchTags('"b1.abc", W/"b1.def"')).toEqual(["b1.abc", "b1.def"]);
  });
});

describe("fingerprint", () => {
  it("changes with any field of the row or the person's training, not with the row's position", () => {
    const r = roster(3, { seed: 101 });
    const base = { row: 0, nik: "1706010101900001", nip: null, nama: "Siti", jenis_kelamin: "P" as const, tanggal_lahir: "1990-01-01", jenis_tenaga: "BIDAN" as const, pendidikan: null, status_kepegawaian: "PNS" as const, kode_fasyankes: "P1706010101", no_str: null, str_berlaku_sampai: null, no_sip: null, sip_berlaku_sampai: null, tmt_penugasan: null, keterangan: null };
    const fp = fingerprint(base, undefined);
    expect(fingerprint({ ...base, row: 9 }, undefined)).toBe(fp);
    expect(fingerprint({ ...base, keterangan: "cuti" }, undefined)).not.toBe(fp);
    const t = trainingByNik([{ row: 0, nik: base.nik, kode_pelatihan: "PONED", tahun: 2024, penyelenggara: null }]);
    expect(fingerprint(base, t.get(base.nik))).not.toBe(fp);
    expect(r.nakes.rows).toHaveLength(3);
  });
});

describe("identifiersOf", () => {
  it("reads facility codes, NIKs, NIPs and STRs as the validator does, whatever the headers", () => {
    const ids = identifiersOf({
      nakes: {
        columns: ["No. KTP", "NIP/NI PPPK", "Kode Puskesmas", "Nomor STR"],
        rows: [
          ["1706 0101 0190 0001", "199001012015032001", "p1706010101", "KT 01 02"],
          [3.60101e15, "", " P1706010102 ", null],
        ],
      },
      pelatihan: { columns: ["NIK", "Pelatihan", "Tahun"], rows: [["1706010101900001", "PONED", 2024], ["1706010101900009", "PPI", 2023]] },
    });
    expect([...ids.kodes]).toEqual(["P1706010101", "P1706010102"]);
    expect([...ids.niks]).toEqual(["1706010101900001"]);
    expect([...ids.nips]).toEqual(["199001012015032001"]);
    expect([...ids.strs]).toEqual(["KT 01 02", "KT0102"]);
    expect([...ids.pelatihanOnlyNiks]).toEqual(["1706010101900009"]);
  });
});
