import { describe, expect, it } from "vitest";
import { facilityCodeMessage, facilityCodeShapes, isFacilityCode, kindOfCode, regionOfCode } from "../../../shared/reference/facilities";

/** SPEC §3.3: a facility code's shape fixes its kind and its region, and no code equals a region code. */
describe("facility codes by kind", () => {
  it("reads each kind's example as that kind, in its region", () => {
    expect(facilityCodeShapes.map((s) => [s.example, kindOfCode(s.example), regionOfCode(s.example)])).toEqual([
      ["P1706010101", "PUSKESMAS", "170601"],
      ["1706015", "RUMAH_SAKIT", "1706"],
      ["K1706001", "KLINIK", "1706"],
      ["L1706001", "LABKES", "1706"],
    ]);
  });

  it("gives clinics and laboratories 3 to 6 digits after the regency", () => {
    expect(["K1706001", "K1706123456", "L1706999999"].map(kindOfCode)).toEqual(["KLINIK", "KLINIK", "LABKES"]);
    expect(["K170601", "K17061234567", "L17060012345"].map(isFacilityCode)).toEqual([false, false, false]);
  });

  it("never takes a region code (2, 4 or 6 digits) or another shape for a facility", () => {
    for (const kode of ["17", "1706", "170601", "17060101", "P170601010", "P17060101011", "X1706001", "k1706001", "", "P17060101O1"]) {
      expect(kindOfCode(kode), kode).toBeNull();
      expect(regionOfCode(kode), kode).toBeNull();
    }
  });

  it("says in both languages which shape the kind takes, and whose shape a code has", () => {
    expect(facilityCodeMessage("P3601010101", "KLINIK", "id")).toBe(
      "Kode klinik “P3601010101” harus K diikuti kode kabupaten/kota 4 digit lalu 3–6 digit (misalnya K1706001). Bentuk kode ini milik puskesmas: jenis fasyankes ditentukan oleh bentuk kodenya.",
    );
    expect(facilityCodeMessage("17060150", "RUMAH_SAKIT", "en")).toBe("Hospital code “17060150” must be 7 digits, the first four being the regency code (e.g. 1706015).");
    expect(facilityCodeMessage("1706", "", "en")).toContain("has the shape of no facility code");
  });
});
