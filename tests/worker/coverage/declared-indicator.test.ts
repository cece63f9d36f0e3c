import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import { INDICATORS, share, type Indicator } from "../../../shared/coverage/indicators";
import { FACILITIES, rosterRows } from "../../shared/coverage/fixture";
import { records, rowOf } from "../../shared/coverage/table-reader";
import { tokenFor } from "../support";
import { coverage, putFacilities, seedRegions, uploadAt } from "./api";

/**
 * Issue 14 "Done when": an indicator over existing facts is one declaration
 * (shared/coverage/indicators.ts). Two are declared here, nothing else is touched, and GET
 * /v1/coverage answers them: a per-facility sum (its SQL runs in the Worker's read) and a share
 * derived from it, in `figures` and as columns of the wilayah table, null on rows they do not fit.
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

// What the two indicators must say of the fixture's regency, counted from the facility master.
const mukomuko = FACILITIES.filter((f) => f.kode_wilayah === "1706");
const puskesmas = mukomuko.filter((f) => f.jenis === "PUSKESMAS");
const inpatient = puskesmas.filter((f) => f.rawat_inap);

let c: CoverageResponse;
let byFacility: CoverageResponse;

beforeAll(async () => {
  INDICATORS.push(...DECLARED);
  await seedRegions();
  const admin = await tokenFor("admin", "17");
  const analyst = await tokenFor("analyst", "17");
  expect((await putFacilities(admin, FACILITIES)).status).toBe(200);
  await uploadAt(admin, "2026-10-20T03:00:00.000Z", rosterRows(), "2026-10-01");
  c = await coverage(analyst, "region=1706&level=kecamatan&as_of=2026-11-01");
  byFacility = await coverage(analyst, "region=1706&level=facility&as_of=2026-11-01");
});

afterAll(() => {
  for (const d of DECLARED) INDICATORS.splice(INDICATORS.indexOf(d), 1);
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
