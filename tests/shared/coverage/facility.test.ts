import { describe, expect, it } from "vitest";
import { aggregateRoster, emptyAggregate } from "./oracle/aggregate";
import { evaluateFacility } from "./oracle/facility";
import type { StandardRule } from "../../../shared/coverage/standard";
import { windowsFor } from "../../../shared/coverage/windows";
import { AS_OF, FACILITIES, pmk75, rosterRows } from "./fixture";

const { nakes, pelatihan } = rosterRows(undefined, { strMissing: true });
const aggregates = aggregateRoster(nakes, pelatihan);
const facility = (kode: string) => FACILITIES.find((f) => f.kode === kode)!;
const evaluate = (kode: string, rules: StandardRule[] = pmk75(), asOf = AS_OF) =>
  evaluateFacility(facility(kode), aggregates.get(kode) ?? emptyAggregate(), rules, windowsFor(asOf));

describe("one facility's contribution to coverage", () => {
  it("finds all nine professions at a puskesmas that is still short of the standard's counts", () => {
    const s = evaluate("P1706010101");
    expect(s["puskesmas_9_jenis_lengkap"]).toBe(1);
    expect(s["puskesmas_standar_terpenuhi"]).toBe(0);
    expect(s["kekurangan.PERAWAT"]).toBe(2);
    expect(s["kekurangan.BIDAN"]).toBe(2);
    expect(s["kekurangan.ADMINISTRASI"]).toBe(1);
    expect(s["kekurangan.PEKARYA"]).toBe(1);
    expect(s["kekurangan.DOKTER"]).toBe(0);
    expect(s["standar_terpenuhi.KEFARMASIAN"]).toBe(1);
    expect(s["standar_minimum.PERAWAT"]).toBe(5);
    expect(s["standar_tenaga.PERAWAT"]).toBe(3);
  });

  it("marks a puskesmas without a doctor, and counts its doctor gap against the TERPENCIL rows", () => {
    const s = evaluate("P1706020101");
    expect(s["puskesmas_tanpa_dokter"]).toBe(1);
    expect(s["puskesmas_9_jenis_lengkap"]).toBe(0);
    expect(s["puskesmas_ada.DOKTER"]).toBeUndefined();
    expect(s["kekurangan.DOKTER"]).toBe(2);
    expect(s["standar_minimum.NUTRISIONIS"]).toBe(2);
    expect(s["puskesmas_dinilai"]).toBe(1);
  });

  it("counts apoteker and TTK together as kefarmasian", () => {
    const s = evaluate("P1706020102");
    expect(s["standar_tenaga.KEFARMASIAN"]).toBe(2);
    expect(s["standar_terpenuhi.KEFARMASIAN"]).toBe(1);
    expect(s["puskesmas_standar_terpenuhi"]).toBe(1);
  });

  it("does not call a PONED puskesmas ready without a PONED-trained midwife", () => {
    expect(evaluate("P1706020102")["puskesmas_poned_siap"]).toBe(0);
    expect(evaluate("P1706010102")["puskesmas_poned_siap"]).toBe(1);
    expect(evaluate("P1706010101")["puskesmas_poned"]).toBeUndefined();
  });

  it("reads SIP and penugasan dates against the as_of of the question", () => {
    const now = evaluate("P1706010101");
    expect(now["sip_kedaluwarsa.DOKTER"]).toBe(1);
    expect(now["sip_segera_habis.BIDAN"]).toBe(2);
    expect(now["sip_segera_habis.DOKTER_GIGI"]).toBeUndefined();
    expect(now["penugasan_berakhir.PERAWAT"]).toBe(1);
    expect(now["penugasan_aktif.PERAWAT"]).toBeUndefined();

    const earlier = evaluate("P1706010101", pmk75(), "2026-10-15");
    expect(earlier["sip_kedaluwarsa.DOKTER"]).toBeUndefined();
    expect(earlier["sip_segera_habis.DOKTER"]).toBe(1);
    expect(earlier["penugasan_berakhir.PERAWAT"]).toBeUndefined();
    expect(earlier["penugasan_aktif.PERAWAT"]).toBe(1);
    expect(earlier["penugasan_segera_berakhir.PERAWAT"]).toBe(1);
  });

  it("counts a term ending within six months as active and ending, a later one as active only", () => {
    const s = evaluate("P1706020101");
    expect(s["penugasan_aktif.BIDAN"]).toBe(2);
    expect(s["penugasan_segera_berakhir.BIDAN"]).toBe(1);
    expect(s["penugasan_berakhir.BIDAN"]).toBeUndefined();
  });

  it("leaves hospitals out of every puskesmas indicator", () => {
    const s = evaluate("1706012");
    expect(s["fasyankes.RUMAH_SAKIT"]).toBe(1);
    expect(s["tenaga.PERAWAT"]).toBe(10);
    expect(s["puskesmas"]).toBeUndefined();
    expect(s["puskesmas_tanpa_dokter"]).toBeUndefined();
    expect(s["kekurangan.DOKTER"]).toBeUndefined();
  });

  it("follows a revised standard: three doctors for an urban inpatient puskesmas (RPJMN 2025–2029)", () => {
    const rpjmn = pmk75().map((r) =>
      r.kategori === "PERKOTAAN" && r.rawat_inap && r.jenis === "DOKTER" ? { ...r, minimum: 3 } : r,
    );
    const s = evaluate("P1706020102", rpjmn);
    expect(s["puskesmas_standar_terpenuhi"]).toBe(0);
    expect(s["kekurangan.DOKTER"]).toBe(1);
  });

  it("does not assess a puskesmas whose category the standard set has no rows for", () => {
    const urbanOnly = pmk75().filter((r) => r.kategori === "PERKOTAAN");
    const s = evaluate("P1706010101", urbanOnly);
    expect(s["puskesmas_dinilai"]).toBeUndefined();
    expect(s["puskesmas_standar_terpenuhi"]).toBeUndefined();
    expect(s["puskesmas_9_jenis_lengkap"]).toBe(1);
  });
});
