import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import { INDICATORS, share, type Indicator } from "../../../shared/coverage/indicators";
import { FACILITIES, rosterRows } from "../../shared/coverage/fixture";
import { records, rowOf } from "../../shared/coverage/table-reader";
import { tokenFor } from "../support";
import { coverage, putFacilities, seedRegions, uploadAt } from "./api";

/**
 * Issue 14 "Done when": an indicator over existing facts is one declaration
 * (shared/coverage/indicators.ts). Declared here, nothing else touched, and answered by GET
 * /v1/coverage: a per-facility sum (its SQL runs in the Worker's read) and a share derived from it,
 * in `figures` and as columns of the wilayah table, null on rows they do not fit; a per-profession
 * family of dated counts (fact rows folded by the read) with its total, a column of the profesi
 * table; a per-standard family (its SQL runs in the standard statement), a column of the standar table.
 */
const INPATIENT = "puskesmas_rawat_inap_uji";
const INPATIENT_PCT = "puskesmas_rawat_inap_uji_pct";
const DECLARED: Indicator[] = [
  {
    key: INPATIENT,
    label: { id: "Puskesmas rawat inap", en: "Inpatient puskesmas" },
    type: "integer",
    appliesTo: "puskesmas",
    wilayah: true,
    value: { sum: () => "SUM(jenis = 'PUSKESMAS' AND rawat_inap = 1)" },
  },
  {
    key: INPATIENT_PCT,
    label: { id: "% puskesmas rawat inap", en: "% inpatient puskesmas" },
    type: "share",
    appliesTo: "puskesmas",
    wilayah: true,
    value: { derive: (d) => share(d.get(INPATIENT), d.get("puskesmas")) },
  },
];

/** SIPs expired or expiring within 90 days, per profession: one declaration over the fact rows, one for its total. */
const SIP_DUE = "sip_perlu_tindakan_uji";
const SIP_DUE_FAMILY: Indicator = {
  key: SIP_DUE,
  label: { id: "SIP kedaluwarsa atau segera habis", en: "SIP expired or expiring" },
  type: "integer",
  appliesTo: "all",
  over: "jenis_tenaga",
  profesi: true,
  value: { fact: { kind: "sip", columns: ["before", "after"] } },
};
/** Puskesmas short of their minimum, per standard jenis: one declaration with its SQL. */
const SHORT = "puskesmas_kurang_uji";
const DECLARED_FAMILIES: Indicator[] = [
  SIP_DUE_FAMILY,
  { ...SIP_DUE_FAMILY, over: undefined, profesi: undefined, wilayah: true, value: { total: true } },
  {
    key: SHORT,
    label: { id: "Puskesmas kurang", en: "Puskesmas short of it" },
    type: "integer",
    appliesTo: "assessed",
    over: "standar",
    standar: SHORT,
    value: { standard: (minimum, held) => `SUM(${held} < ${minimum})` },
  },
];

// What the two indicators must say of the fixture's regency, counted from the facility master.
const mukomuko = FACILITIES.filter((f) => f.kode_wilayah === "1706");
const puskesmas = mukomuko.filter((f) => f.jenis === "PUSKESMAS");
const inpatient = puskesmas.filter((f) => f.rawat_inap);

let c: CoverageResponse;
let byFacility: CoverageResponse;

beforeAll(async () => {
  INDICATORS.push(...DECLARED, ...DECLARED_FAMILIES);
  await seedRegions();
  const admin = await tokenFor("admin", "17");
  const analyst = await tokenFor("analyst", "17");
  expect((await putFacilities(admin, FACILITIES)).status).toBe(200);
  await uploadAt(admin, "2026-10-20T03:00:00.000Z", rosterRows(), "2026-10-01");
  c = await coverage(analyst, "region=1706&level=kecamatan&as_of=2026-11-01");
  byFacility = await coverage(analyst, "region=1706&level=facility&as_of=2026-11-01");
});

afterAll(() => {
  for (const d of [...DECLARED, ...DECLARED_FAMILIES]) INDICATORS.splice(INDICATORS.indexOf(d), 1);
});

describe("an indicator added by one declaration", () => {
  it("is summed in SQL over the facilities with a roster: inpatient puskesmas, not the inpatient hospital", () => {
    // The fixture has an inpatient hospital and outpatient puskesmas, so a wrong filter shows.
    expect(mukomuko.some((f) => f.jenis !== "PUSKESMAS" && f.rawat_inap)).toBe(true);
    expect(inpatient.length).toBeGreaterThan(0);
    expect(inpatient.length).toBeLessThan(puskesmas.length);
    expect(c.figures[INPATIENT]).toBe(inpatient.length);
    expect(c.figures[INPATIENT_PCT]).toBe(share(inpatient.length, puskesmas.length));
  });

  it("is a column of the wilayah table, labelled in Indonesian and English, summed per row unit", () => {
    const column = c.tables.wilayah.columns.find((col) => col.key === INPATIENT);
    expect(column).toEqual({ key: INPATIENT, label: DECLARED[0]!.label, type: "integer" });
    for (const kecamatan of ["170601", "170602"]) {
      const expected = inpatient.filter((f) => f.kecamatan === kecamatan).length;
      expect(rowOf(c.tables.wilayah, { kode: kecamatan })[INPATIENT], kecamatan).toBe(expected);
    }
  });

  it("reads null on a facility row it does not apply to, 1 or 0 on a puskesmas", () => {
    for (const r of records(byFacility.tables.wilayah)) {
      const f = FACILITIES.find((x) => x.kode === r["kode"])!;
      if (f.jenis !== "PUSKESMAS") expect(r[INPATIENT], f.kode).toBeNull();
      else expect(r[INPATIENT], f.kode).toBe(f.rawat_inap ? 1 : 0);
    }
  });
});

describe("a family added by one declaration", () => {
  it("of dated counts is folded per profession from the fact rows, with its total over professions", () => {
    // Hand-counted in the fixture (tests/worker/coverage/indicators.test.ts): SIPs expired of a
    // doctor and a nurse, two midwives' expiring within 90 days.
    expect([c.figures[`${SIP_DUE}.DOKTER`], c.figures[`${SIP_DUE}.PERAWAT`], c.figures[`${SIP_DUE}.BIDAN`]]).toEqual([1, 1, 2]);
    expect(c.figures[SIP_DUE]).toBe(4);
    expect(c.tables.wilayah.columns.find((col) => col.key === SIP_DUE)?.label).toEqual(SIP_DUE_FAMILY.label);
  });

  it("of dated counts is a column of the profesi table, per unit and profession", () => {
    const column = c.tables.profesi.columns.find((col) => col.key === SIP_DUE);
    expect(column).toEqual({ key: SIP_DUE, label: SIP_DUE_FAMILY.label, type: "integer" });
    const due = records(c.tables.profesi).reduce((n, r) => n + Number(r[SIP_DUE] ?? 0), 0);
    expect(due).toBe(4);
  });

  it("per standard jenis is summed in SQL per puskesmas, a column of the standar table", () => {
    // At facility level a standar row is one puskesmas: 1 where it holds fewer than its minimum.
    const perPuskesmas = records(byFacility.tables.standar);
    for (const r of perPuskesmas) expect(r[SHORT], `${r["kode"]} ${r["jenis"]}`).toBe(Number(r["tersedia"]) < Number(r["minimum"]) ? 1 : 0);
    const short = perPuskesmas.reduce((n, r) => n + Number(r[SHORT]), 0);
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(perPuskesmas.length);
    const byJenis = (jenis: string) => perPuskesmas.filter((r) => r["jenis"] === jenis).reduce((n, r) => n + Number(r[SHORT]), 0);
    for (const jenis of ["DOKTER", "PERAWAT", "BIDAN"]) expect(c.figures[`${SHORT}.${jenis}`], jenis).toBe(byJenis(jenis));
    expect(c.tables.standar.columns.at(-1)).toEqual({ key: SHORT, label: DECLARED_FAMILIES[2]!.label, type: "integer" });
  });
});
