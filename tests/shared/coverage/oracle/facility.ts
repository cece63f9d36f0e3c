import type { JenisStandar, JenisTenaga } from "../../../../shared/reference/codes";
import { PONED_TEAM, type CoverageFacility } from "../../../../shared/coverage/facility";
import { addTo, key, type Sums } from "../../../../shared/coverage/keys";
import { NINE_JENIS } from "../../../../shared/coverage/professions";
import { membersOf, rulesFor, type StandardRule } from "../../../../shared/coverage/standard";
import type { Windows } from "../../../../shared/coverage/windows";
import type { FacilityAggregate } from "./aggregate";

/**
 * One facility's additive contribution to every coverage figure, as of `w.asOf`: SPEC §6 per
 * facility, written out by hand as the tests' oracle; regions add these up. The Worker computes the
 * same sums from the declarations (shared/coverage/indicators.ts) in SQL; its tests compare the two.
 */
export function evaluateFacility(
  f: CoverageFacility,
  agg: FacilityAggregate,
  rules: readonly StandardRule[],
  w: Windows,
): Sums {
  const s: Sums = {};
  addTo(s, key.fasyankes, 1);
  addTo(s, key.fasyankesJenis(f.jenis), 1);

  const count = new Map<JenisTenaga, number>();
  for (const { jenis, n } of agg.staff) {
    count.set(jenis, (count.get(jenis) ?? 0) + n);
    addTo(s, key.perJenis("tenaga", jenis), n);
  }
  for (const { jenis, n } of agg.strMissing) addTo(s, key.perJenis("str_tidak_ada", jenis), n);
  for (const { jenis, date, n } of agg.sipUntil) {
    if (date < w.asOf) addTo(s, key.perJenis("sip_kedaluwarsa", jenis), n);
    else if (date <= w.sipExpiringUntil) addTo(s, key.perJenis("sip_segera_habis", jenis), n);
  }
  for (const { jenis, date, n } of agg.penugasanEnds) {
    if (date < w.asOf) {
      addTo(s, key.perJenis("penugasan_berakhir", jenis), n);
      continue;
    }
    addTo(s, key.perJenis("penugasan_aktif", jenis), n);
    if (date <= w.penugasanEndingUntil) addTo(s, key.perJenis("penugasan_segera_berakhir", jenis), n);
  }
  const ponedTrained = new Set<JenisTenaga>();
  for (const { jenis, kode, n } of agg.training) {
    addTo(s, key.pelatihan(jenis, kode), n);
    if (kode === "PONED" && n > 0) ponedTrained.add(jenis);
  }

  if (f.jenis !== "PUSKESMAS") return s;

  const have = (sj: JenisStandar) => membersOf(sj).reduce((sum, j) => sum + (count.get(j) ?? 0), 0);
  addTo(s, key.puskesmas, 1);

  let complete = true;
  for (const sj of NINE_JENIS) {
    if (have(sj) > 0) addTo(s, key.puskesmasAda(sj), 1);
    else complete = false;
  }
  addTo(s, key.sembilanLengkap, complete ? 1 : 0);
  addTo(s, key.tanpaDokter, (count.get("DOKTER") ?? 0) === 0 ? 1 : 0);

  const applicable = rulesFor(rules, f.kategori, f.rawat_inap);
  if (applicable.length > 0) {
    addTo(s, key.dinilai, 1);
    let fullyMet = true;
    for (const r of applicable) {
      const c = have(r.jenis);
      addTo(s, key.standarDinilai(r.jenis), 1);
      addTo(s, key.standarMinimum(r.jenis), r.minimum);
      addTo(s, key.standarTenaga(r.jenis), c);
      addTo(s, key.standarTerpenuhiJenis(r.jenis), c >= r.minimum ? 1 : 0);
      addTo(s, key.kekurangan(r.jenis), Math.max(0, r.minimum - c));
      if (c < r.minimum) fullyMet = false;
    }
    addTo(s, key.standarTerpenuhi, fullyMet ? 1 : 0);
  }

  if (f.poned) {
    addTo(s, key.poned, 1);
    addTo(s, key.ponedSiap, PONED_TEAM.every((j) => ponedTrained.has(j)) ? 1 : 0);
  }
  return s;
}
