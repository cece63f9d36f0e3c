import type { JenisTenaga, KodePelatihan } from "../../../../shared/reference/codes";
import type { NakesRecord, PelatihanRecord } from "../../../../shared/schema/records";
import { addYearsIso } from "../../../../shared/normalize/calendar";
import { needsStr } from "../../../../shared/coverage/professions";
import { PENUGASAN_KHUSUS_TERM_YEARS as PENUGASAN_TERM_YEARS } from "../../../../shared/reference/statuses";

export interface JenisCount {
  jenis: JenisTenaga;
  n: number;
}
export interface JenisDateCount {
  jenis: JenisTenaga;
  date: string;
  n: number;
}
export interface JenisTrainingCount {
  jenis: JenisTenaga;
  kode: KodePelatihan;
  n: number;
}

/**
 * What coverage needs of one facility's roster version: persons counted once per jenis, and the dated
 * facts kept as counts per (jenis, date) rather than booleans, because "expired" or "ended" depends on
 * the as_of of the question, not of the upload. The Worker keeps these counts per facility version
 * in D1 (worker/coverage/refresh.ts); this test oracle computes them from the rows, independently.
 */
export interface FacilityAggregate {
  staff: JenisCount[];
  /** Persons of a profession that needs an STR and have none. */
  strMissing: JenisCount[];
  /** Persons per SIP valid-until date. */
  sipUntil: JenisDateCount[];
  /** PENUGASAN_KHUSUS persons per term end (TMT + 5 years). */
  penugasanEnds: JenisDateCount[];
  /** Persons per (jenis, training code) with at least one course of that code. */
  training: JenisTrainingCount[];
}

export function emptyAggregate(): FacilityAggregate {
  return { staff: [], strMissing: [], sipUntil: [], penugasanEnds: [], training: [] };
}

function bump<T>(m: Map<string, T & { n: number }>, k: string, make: () => T): void {
  const hit = m.get(k);
  if (hit) hit.n += 1;
  else m.set(k, { ...make(), n: 1 });
}

/** Per-facility aggregates of normalised rows; a person (NIK) counts once per facility and jenis. */
export function aggregateRoster(
  nakes: readonly NakesRecord[],
  pelatihan: readonly PelatihanRecord[],
): Map<string, FacilityAggregate> {
  const trainingsOf = new Map<string, Set<KodePelatihan>>();
  for (const p of pelatihan) {
    let set = trainingsOf.get(p.nik);
    if (!set) trainingsOf.set(p.nik, (set = new Set()));
    set.add(p.kode_pelatihan);
  }

  type Acc = {
    staff: Map<string, JenisCount>;
    strMissing: Map<string, JenisCount>;
    sipUntil: Map<string, JenisDateCount>;
    penugasanEnds: Map<string, JenisDateCount>;
    training: Map<string, JenisTrainingCount>;
    seen: Set<string>;
  };
  const byFacility = new Map<string, Acc>();
  for (const r of nakes) {
    let acc = byFacility.get(r.kode_fasyankes);
    if (!acc) {
      acc = {
        staff: new Map(),
        strMissing: new Map(),
        sipUntil: new Map(),
        penugasanEnds: new Map(),
        training: new Map(),
        seen: new Set(),
      };
      byFacility.set(r.kode_fasyankes, acc);
    }
    const person = `${r.jenis_tenaga}|${r.nik}`;
    if (acc.seen.has(person)) continue;
    acc.seen.add(person);
    const jenis = r.jenis_tenaga;
    bump(acc.staff, jenis, () => ({ jenis }));
    if (r.no_str === null && needsStr(jenis)) bump(acc.strMissing, jenis, () => ({ jenis }));
    const sip = r.sip_berlaku_sampai;
    if (sip !== null) bump(acc.sipUntil, `${jenis}|${sip}`, () => ({ jenis, date: sip }));
    if (r.status_kepegawaian === "PENUGASAN_KHUSUS" && r.tmt_penugasan !== null) {
      const date = addYearsIso(r.tmt_penugasan, PENUGASAN_TERM_YEARS);
      bump(acc.penugasanEnds, `${jenis}|${date}`, () => ({ jenis, date }));
    }
    for (const kode of trainingsOf.get(r.nik) ?? []) bump(acc.training, `${jenis}|${kode}`, () => ({ jenis, kode }));
  }

  const out = new Map<string, FacilityAggregate>();
  for (const [kode, acc] of byFacility) {
    out.set(kode, {
      staff: [...acc.staff.values()],
      strMissing: [...acc.strMissing.values()],
      sipUntil: [...acc.sipUntil.values()],
      penugasanEnds: [...acc.penugasanEnds.values()],
      training: [...acc.training.values()],
    });
  }
  return out;
}
