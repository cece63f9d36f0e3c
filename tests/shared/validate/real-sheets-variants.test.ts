import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../shared/schema/cell";
import { provinsiByKode } from "../../../shared/reference/wilayah";
import { validateRoster } from "../../../shared/validate/roster";
import type { FacilityFact } from "../../../shared/validate/types";
import { AS_OF, check, codesOf, issuesOf, KEYS, midwife, nakesTable } from "./support";

/**
 * Other instances of issue 11's kinds, found by a reviewer on real office sheets (notes: variant
 * findings 1–7): each kind fixed where every instance passes through.
 */

const fact = (kode: string): FacilityFact => ({ kode, jenis: /^\d/.test(kode) ? "RUMAH_SAKIT" : "PUSKESMAS", kode_wilayah: kode.replace(/^\D/, "").slice(0, 4), kecamatan: null, aktif: true });

describe("the time zone of a row comes from its own facility code, whatever the cell holds", () => {
  it("reads instants in WITA for a hospital code held as a number (6501015), with the master and scope of the server", () => {
    const r = check(
      [{ kode_fasyankes: 6501015, sip_berlaku_sampai: "2029-04-30T16:00:00Z", tmt_penugasan: "2022-06-30T16:00:00Z", tanggal_lahir: "1985-03-11T16:00:00Z" }],
      { facilities: new Map([["6501015", fact("6501015")]]), scope: "65" },
    );
    expect(r.issues).toEqual([]);
    expect(r.nakes.map((n) => [n.kode_fasyankes, n.sip_berlaku_sampai, n.tmt_penugasan, n.tanggal_lahir])).toEqual([["6501015", "2029-05-01", "2022-07-01", "1985-03-12"]]);
  });

  it("reads a SIP ending at 00:30 WIT on 1 November as expiring, not expired, for a WIT code held as a number", () => {
    const r = check([{ kode_fasyankes: 9101015, sip_berlaku_sampai: "2026-10-31T15:30:00Z" }]);
    expect(codesOf(r)).toEqual(["sip.expiring"]);
    expect(r.nakes[0]!.sip_berlaku_sampai).toBe("2026-11-01");
  });

  it("never reuses the zone of the row before: a WIB code held as a number after a WIT row is read in WIB", () => {
    const r = check([
      { kode_fasyankes: "P9101010101" },
      { nik: "1706015203850002", no_str: "3121100321057124", kode_fasyankes: 1706015, sip_berlaku_sampai: "2026-10-31T15:30:00Z" },
    ]);
    // 22:30 WIB on 31 October: expired on 1 November (in WIT it would be 00:30 on 1 November, expiring).
    expect(issuesOf(r, "sip.expired").map((i) => i.row)).toEqual([1]);
    expect(codesOf(r)).not.toContain("sip.expiring");
  });

  it("any instant is stored as its local date for a code of any province, as text or as a number (property)", () => {
    const provinces = [...provinsiByKode.values()];
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces),
        fc.constantFrom("hospital-number", "hospital-text", "puskesmas"),
        fc.integer({ min: Date.UTC(2027, 0, 1) / 86_400_000, max: Date.UTC(2090, 11, 31) / 86_400_000 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (p, dress, day, minutes) => {
          const hospital = `${p.kode}01015`;
          const kode: Cell = dress === "hospital-number" ? Number(hospital) : dress === "hospital-text" ? hospital : `P${p.kode}01010101`;
          // An instant `minutes` after local midnight of `day` where the facility is: its local date is that day.
          const ms = day * 86_400_000 - p.utc_offset * 3_600_000 + minutes * 60_000;
          const local = new Date(day * 86_400_000).toISOString().slice(0, 10);
          const r = check([{ kode_fasyankes: kode, sip_berlaku_sampai: new Date(ms).toISOString() }]);
          return r.nakes[0]?.sip_berlaku_sampai === local;
        },
      ),
    );
  });
});

describe("facility codes mistyped, offline as on the server", () => {
  it("strips Excel's leading apostrophe from a code, as from a NIK, and reads the code's zone", () => {
    const r = check([{ kode_fasyankes: "'P9101010101", tanggal_lahir: "1985-03-11T15:30:00Z" }]);
    expect(r.issues).toEqual([]);
    expect(r.nakes[0]!.kode_fasyankes).toBe("P9101010101");
    expect(r.nakes[0]!.tanggal_lahir).toBe("1985-03-12");
  });

  it("calls a code of no facility shape kode_fasyankes.unknown without the master, and names the shapes", () => {
    for (const kode of ["P 9101010101", "P-9101010101", "P.9101.010101", "Ｐ9101010101", "ABC"]) {
      const r = check([{ kode_fasyankes: kode }]);
      const unknown = issuesOf(r, "kode_fasyankes.unknown");
      expect(unknown, kode).toHaveLength(1);
      expect(unknown[0]!.message).toMatch(/tidak berbentuk kode fasyankes mana pun.*P diikuti 10 digit/);
      expect(r.nakes).toEqual([]);
    }
  });

  it("names the character that spoils a code's shape instead of showing a code that looks valid", () => {
    const fullWidth = issuesOf(check([{ kode_fasyankes: "Ｐ9101010101" }]), "kode_fasyankes.unknown")[0]!;
    expect(fullWidth.message).toMatch(/Karakter ke-1 adalah huruf atau angka lebar penuh \(“Ｐ”, U\+FF30\)/);
    const spaced = issuesOf(check([{ kode_fasyankes: "P 9101010101" }]), "kode_fasyankes.unknown")[0]!;
    expect(spaced.message).toMatch(/Karakter ke-2 \(“ ”, U\+0020\) bukan huruf atau angka biasa/);
  });

  it("still accepts every facility shape without the master", () => {
    for (const kode of ["P1706010101", "1706015", "K1706001", "L1706001", 1706015]) expect(check([{ kode_fasyankes: kode }]).issues, String(kode)).toEqual([]);
  });
});

describe("rows of placeholders only", () => {
  const rowOf = (v: Cell) => KEYS.map(() => v);
  const twoPeople = () => nakesTable([midwife, { ...midwife, nik: "1706015203850002", no_str: "3121100321057124" }]);

  it("skip a row of 0 (text or formula results), or of '-', with one row.skipped info", () => {
    for (const filler of ["0", 0, "-", "N/A"] as Cell[]) {
      const t = twoPeople();
      t.rows.splice(1, 0, rowOf(filler));
      const r = validateRoster({ as_of: AS_OF, nakes: t }, { asOf: AS_OF });
      expect(r.issues.map((i) => [i.code, i.row]), String(filler)).toEqual([["row.skipped", 1]]);
      expect(r.nakes).toHaveLength(2);
    }
  });

  it("keep truly blank rows silent", () => {
    for (const blank of [null, ""] as Cell[]) {
      const t = twoPeople();
      t.rows.push(rowOf(blank));
      expect(validateRoster({ as_of: AS_OF, nakes: t }, { asOf: AS_OF }).issues).toEqual([]);
    }
  });
});

describe("signature blocks opened by 'Ditetapkan di'", () => {
  it("skip the block from 'Ditetapkan di …' / 'pada tanggal …' to the signer's NIP line", () => {
    const rowWith = (key: (typeof KEYS)[number], v: string) => KEYS.map((k) => (k === key ? v : null));
    for (const first of ["Ditetapkan di Mukomuko", "pada tanggal 30 November 2026", "Dikeluarkan di Mukomuko"]) {
      const t = nakesTable([midwife]);
      t.rows.push(rowWith("str_berlaku_sampai", first), rowWith("str_berlaku_sampai", "Kepala Puskesmas"), rowWith("str_berlaku_sampai", "Ns. Andi"), rowWith("nama", "NIP. 198503042010011001"));
      const r = validateRoster({ as_of: AS_OF, nakes: t }, { asOf: AS_OF });
      expect(r.issues.map((i) => [i.code, i.row]), first).toEqual([["row.skipped", 1]]);
    }
  });
});
