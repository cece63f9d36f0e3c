import type { ListKind, ListResponse, ListRow, PelatihanRow, PenugasanRow, PonedRow, SipRow, StrRow } from "../api/tindak-lanjut";
import { rulesFor, standardJenisOf, type StandardRule } from "../coverage/standard";
import { PENUGASAN_ENDING_MONTHS } from "../reference/statuses";
import { addDays, addMonthsIso, addYears, dayNumber, fromIso, toIso, yearOf } from "../normalize/calendar";
import type { JenisFasyankes, JenisStandar, JenisTenaga, KategoriPuskesmas, KodePelatihan } from "../reference/codes";
import { SIP_EXPIRING_DAYS } from "../reference/licences";
import { professionByCode } from "../reference/professions";
import type { Lang } from "../schema/issue";
import type { NakesRecord } from "../schema/records";
import { PERSON_TRAINING_NEEDS, PONED_TEAM, TERM_STATUSES } from "./rules";
import { listText } from "./texts";

/**
 * The action lists of SPEC §9 from the facts of the rosters as of a date (each facility's roster of
 * that date, SPEC §6): pure, so the Worker, the tests
 * and any future reader build them the same way. Dates go through shared/normalize/calendar, the
 * calendar of validation, so a person flagged `sip.expiring` or `penugasan.ended` on upload is on the
 * list for the same as_of.
 */

/** The facility-master attributes the lists read (SPEC §3.3). */
export interface ListFacility {
  kode: string;
  nama: string;
  jenis: JenisFasyankes;
  kategori: KategoriPuskesmas | null;
  rawat_inap: boolean;
  poned: boolean;
}

/** The columns of a stored person the lists read. */
export type ListPerson = Pick<
  NakesRecord,
  "kode_fasyankes" | "nik" | "nama" | "jenis_tenaga" | "status_kepegawaian" | "no_str" | "str_berlaku_sampai" | "no_sip" | "sip_berlaku_sampai" | "tmt_penugasan"
>;

/**
 * What a list is built from. The Worker may hand over only the persons a list can hold (its SQL
 * pre-filters); the rules here decide exactly.
 * - `facilities`: by code, every facility a person is at;
 * - `trainings`: the training codes each person holds at a facility, keyed by `trainingKey`;
 * - `staff`: persons per facility and standard jenis (key `staffKey`) — the `penugasan` gap;
 * - `rules`: the active staffing standard (SPEC §4.3): one set, or the set of each facility by its
 *   code (each is held to its own province's, SPEC §7) — the same array for facilities that share one.
 */
export interface ListFacts {
  facilities: ReadonlyMap<string, ListFacility>;
  persons: readonly ListPerson[];
  trainings?: ReadonlyMap<string, ReadonlySet<KodePelatihan>>;
  staff?: ReadonlyMap<string, number>;
  rules?: StandardsOf;
  /** Facilities where nobody holds a training each of them needs (rules.ts FACILITY_TRAINING_NEEDS). */
  facilitiesWithout?: readonly { kode_fasyankes: string; kode_pelatihan: KodePelatihan }[];
}

/** One staffing standard for every facility, or each facility's own by its code. */
export type StandardsOf = readonly StandardRule[] | ((kodeFasyankes: string) => readonly StandardRule[]);

export const trainingKey = (kode: string, nik: string): string => `${kode}|${nik}`;
export const staffKey = (kode: string, jenis: string): string => `${kode}|${jenis}`;

/** The date thresholds of the lists for one as_of (ISO dates). */
export interface ListWindows {
  asOf: string;
  /** as_of + SIP_EXPIRING_DAYS: a SIP ending on or before it is on the `sip` list (SPEC §5 sip.expiring). */
  sipUntil: string;
  /** as_of + 6 months: a term ending on or before it is on the `penugasan` list (SPEC §6, §9). */
  termUntil: string;
  /** End of as_of's year: the training lists are a year's plan. */
  yearEnd: string;
}

export function listWindows(asOf: string): ListWindows {
  const p = fromIso(asOf);
  if (p === 0) throw new RangeError(`not an ISO date: ${asOf}`);
  return {
    asOf,
    sipUntil: toIso(addDays(p, SIP_EXPIRING_DAYS)),
    termUntil: addMonthsIso(asOf, PENUGASAN_ENDING_MONTHS),
    yearEnd: `${yearOf(p)}-12-31`,
  };
}

/** The end of a person's term (TMT + the status's term years; 29 February → 28 February), or null. */
export function termEnd(p: Pick<ListPerson, "status_kepegawaian" | "tmt_penugasan">): string | null {
  const years = TERM_STATUSES.get(p.status_kepegawaian);
  if (years === undefined || p.tmt_penugasan === null) return null;
  const tmt = fromIso(p.tmt_penugasan);
  return tmt === 0 ? null : toIso(addYears(tmt, years));
}

const daysBetween = (from: string, to: string) => dayNumber(fromIso(to)) - dayNumber(fromIso(from));

function base(f: ListFacility | undefined, p: ListPerson, tindakan: string, batas: string) {
  return {
    kode_fasyankes: p.kode_fasyankes,
    nama_fasyankes: f?.nama ?? p.kode_fasyankes,
    nik: p.nik,
    nama: p.nama,
    jenis_tenaga: p.jenis_tenaga,
    tindakan,
    batas,
  };
}

/** `sip`: SIP ended (before as_of) or ending within 90 days (SPEC §5 sip.expired / sip.expiring). */
export function sipList(facts: ListFacts, w: ListWindows, lang: Lang): SipRow[] {
  const rows: SipRow[] = [];
  for (const p of facts.persons) {
    const end = p.sip_berlaku_sampai;
    if (end === null || end > w.sipUntil) continue;
    const days = daysBetween(w.asOf, end);
    const ended = end < w.asOf;
    const tindakan = ended ? listText.sipEnded(end, lang) : listText.sipExpiring(end, days, lang);
    rows.push({
      ...base(facts.facilities.get(p.kode_fasyankes), p, tindakan, end),
      no_sip: p.no_sip,
      sip_berlaku_sampai: end,
      sisa_hari: days,
      keadaan: ended ? "berakhir" : "segera_berakhir",
    });
  }
  return rows;
}

/** `str`: a profession that needs an STR has none, or the STR is dated (to be updated to lifetime). */
export function strList(facts: ListFacts, w: ListWindows, lang: Lang): StrRow[] {
  const rows: StrRow[] = [];
  for (const p of facts.persons) {
    const missing = p.no_str === null && professionByCode.get(p.jenis_tenaga)?.needs_str === true;
    const dated = p.str_berlaku_sampai;
    if (!missing && dated === null) continue;
    // A missing STR is due now; a dated one by its date, and now once that has passed.
    const batas = missing || dated === null || dated < w.asOf ? w.asOf : dated;
    rows.push({
      ...base(facts.facilities.get(p.kode_fasyankes), p, missing ? listText.strMissing(lang) : listText.strDated(dated!, lang), batas),
      no_str: p.no_str,
      str_berlaku_sampai: dated,
      keadaan: missing ? "tidak_ada" : "bertanggal",
    });
  }
  return rows;
}

/**
 * `penugasan`: persons of a status with a term whose term has ended or ends within 6 months, with the
 * gap their facility will have in their profession once they, and those of it leaving no later, are
 * gone (the standard applies to puskesmas: SPEC §4.3).
 */
export function penugasanList(facts: ListFacts, w: ListWindows, lang: Lang): PenugasanRow[] {
  const leaving = facts.persons.flatMap((p) => {
    const end = termEnd(p);
    return end !== null && end <= w.termUntil ? [{ p, end }] : [];
  });
  // What depends only on the facility and profession, once per pair: the standard's minimum (none
  // outside puskesmas), the persons held, and the sorted end dates of those leaving.
  const standards = facts.rules ?? [];
  const standardOf = typeof standards === "function" ? standards : () => standards;
  const minimums = new Map<readonly StandardRule[], Map<string, ReadonlyMap<JenisStandar, number>>>();
  const minimumsOf = (f: ListFacility): ReadonlyMap<JenisStandar, number> => {
    const rules = standardOf(f.kode);
    let byKind = minimums.get(rules);
    if (!byKind) minimums.set(rules, (byKind = new Map()));
    const k = `${f.kategori}|${f.rawat_inap}`;
    let m = byKind.get(k);
    if (!m) byKind.set(k, (m = new Map(rulesFor(rules, f.kategori, f.rawat_inap).map((r) => [r.jenis, r.minimum]))));
    return m;
  };
  const groups = new Map<string, { minimum: number | undefined; have: number; ends: string[] }>();
  const groupOf = (p: ListPerson, f: ListFacility | undefined) => {
    const sj = standardJenisOf(p.jenis_tenaga);
    const k = staffKey(p.kode_fasyankes, sj);
    let g = groups.get(k);
    if (!g) {
      const minimum = f?.jenis === "PUSKESMAS" ? minimumsOf(f).get(sj) : undefined;
      groups.set(k, (g = { minimum, have: facts.staff?.get(k) ?? 0, ends: [] }));
    }
    return g;
  };
  const rows = leaving.map(({ p, end }) => ({ p, end, f: facts.facilities.get(p.kode_fasyankes) }));
  for (const r of rows) groupOf(r.p, r.f).ends.push(r.end);
  for (const g of groups.values()) g.ends.sort();
  return rows.map(({ p, end: e, f }) => {
    const ended = e < w.asOf;
    const g = groupOf(p, f);
    // Those of the pair leaving no later than this person: the end dates up to e.
    const gap = g.minimum === undefined ? null : Math.max(0, g.minimum - (g.have - countUpTo(g.ends, e)));
    return {
      ...base(f, p, ended ? listText.termEnded(p.status_kepegawaian, e, lang) : listText.termEnding(p.status_kepegawaian, e, lang), e),
      status_kepegawaian: p.status_kepegawaian,
      tmt_penugasan: p.tmt_penugasan!,
      akhir_masa: e,
      sisa_hari: daysBetween(w.asOf, e),
      keadaan: ended ? ("berakhir" as const) : ("segera_berakhir" as const),
      kekurangan_setelah_pergi: gap,
    };
  });
}

/** How many of the sorted `xs` are ≤ `x` (binary search). */
function countUpTo(xs: readonly string[], x: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `poned`: PONED puskesmas whose team lacks a PONED-trained dokter, bidan or perawat (SPEC §6 PONED
 * readiness): one row per untrained person of a missing profession (who could be trained), or one
 * row without a person where the puskesmas has nobody of it.
 */
export function ponedList(facts: ListFacts, w: ListWindows, lang: Lang): PonedRow[] {
  const byFacility = new Map<string, ListPerson[]>();
  for (const p of facts.persons) {
    const list = byFacility.get(p.kode_fasyankes);
    if (list) list.push(p);
    else byFacility.set(p.kode_fasyankes, [p]);
  }
  const trained = (p: ListPerson) => facts.trainings?.get(trainingKey(p.kode_fasyankes, p.nik))?.has("PONED") === true;
  const rows: PonedRow[] = [];
  for (const f of facts.facilities.values()) {
    if (f.jenis !== "PUSKESMAS" || !f.poned) continue;
    const staff = byFacility.get(f.kode) ?? [];
    const missing = PONED_TEAM.filter((j) => !staff.some((p) => p.jenis_tenaga === j && trained(p)));
    for (const j of missing) {
      const candidates = staff.filter((p) => p.jenis_tenaga === j);
      if (candidates.length === 0) {
        rows.push({
          kode_fasyankes: f.kode,
          nama_fasyankes: f.nama,
          nik: null,
          nama: null,
          jenis_tenaga: j,
          tindakan: listText.ponedNobody(j, lang),
          batas: w.asOf,
          tim_kurang: missing,
        });
      }
      for (const p of candidates) rows.push({ ...base(f, p, listText.ponedTrain(j, lang), w.asOf), tim_kurang: missing });
    }
  }
  return rows;
}

/**
 * `pelatihan`: for each training a person needs (rules.ts), who has not had it; for each training a
 * facility needs someone to hold, the facilities where nobody does (one row without a person). Due by
 * the end of as_of's year: the training plan is yearly.
 */
export function pelatihanList(facts: ListFacts, w: ListWindows, lang: Lang): PelatihanRow[] {
  const rows: PelatihanRow[] = [];
  for (const p of facts.persons) {
    const f = facts.facilities.get(p.kode_fasyankes);
    if (!f) continue;
    const held = facts.trainings?.get(trainingKey(p.kode_fasyankes, p.nik));
    for (const need of PERSON_TRAINING_NEEDS) {
      if (!need.needs(p.jenis_tenaga, f.jenis) || held?.has(need.kode)) continue;
      rows.push({ ...base(f, p, listText.training(need.kode, lang), w.yearEnd), kode_pelatihan: need.kode });
    }
  }
  for (const x of facts.facilitiesWithout ?? []) {
    const f = facts.facilities.get(x.kode_fasyankes);
    if (!f) continue;
    rows.push({
      kode_fasyankes: f.kode,
      nama_fasyankes: f.nama,
      nik: null,
      nama: null,
      jenis_tenaga: null,
      tindakan: listText.facilityTraining(x.kode_pelatihan, lang),
      batas: w.yearEnd,
      kode_pelatihan: x.kode_pelatihan,
    });
  }
  return rows;
}

/**
 * Sorted by urgency: the earliest `batas` first (an ended SIP before one still running), then by
 * facility, a row without a person after that facility's people, name and NIK; the order is total,
 * so the same facts give the same list.
 */
export function byUrgency<R extends ListRow>(rows: R[]): R[] {
  return rows.sort(
    (a, b) =>
      cmp(a.batas, b.batas) ||
      cmp(a.kode_fasyankes, b.kode_fasyankes) ||
      (a.nik === null ? 1 : 0) - (b.nik === null ? 1 : 0) ||
      cmp(a.nama ?? "", b.nama ?? "") ||
      cmp(a.nik ?? "", b.nik ?? "") ||
      cmp(a.jenis_tenaga ?? "", b.jenis_tenaga ?? "") ||
      cmp(trainingOf(a), trainingOf(b)),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const trainingOf = (r: ListRow): string => ("kode_pelatihan" in r ? r.kode_pelatihan : "");

/** One list (SPEC §9) as the API answers it. `asOf` ISO; throws RangeError on a date that is not one. */
export function buildList<K extends ListKind>(list: K, facts: ListFacts, asOf: string, lang: Lang): ListOf<K> {
  return build(list, facts, asOf, lang) as ListOf<K>;
}

/** The answer of one list kind: `ListOf<"sip">` has rows of SipRow. */
export type ListOf<K extends ListKind> = Extract<ListResponse, { list: K }>;

function build(list: ListKind, facts: ListFacts, asOf: string, lang: Lang): ListResponse {
  const w = listWindows(asOf);
  switch (list) {
    case "sip":
      return { list, as_of: asOf, rows: byUrgency(sipList(facts, w, lang)) };
    case "str":
      return { list, as_of: asOf, rows: byUrgency(strList(facts, w, lang)) };
    case "penugasan":
      return { list, as_of: asOf, rows: byUrgency(penugasanList(facts, w, lang)) };
    case "poned":
      return { list, as_of: asOf, rows: byUrgency(ponedList(facts, w, lang)) };
    case "pelatihan":
      return { list, as_of: asOf, rows: byUrgency(pelatihanList(facts, w, lang)) };
  }
}

/** Rows as storage reads them, before they are keyed (the shape of worker/store/tindak-lanjut.ts). */
export interface ListRows {
  facilities: readonly ListFacility[];
  persons: readonly ListPerson[];
  trainings: readonly { kode_fasyankes: string; nik: string; kode_pelatihan: KodePelatihan }[];
  staff: readonly { kode_fasyankes: string; jenis_tenaga: JenisTenaga; n: number }[];
  facilitiesWithout?: readonly { kode_fasyankes: string; kode_pelatihan: KodePelatihan }[];
}

/** Keys the rows of storage for the list builders; staff are summed per standard jenis (KEFARMASIAN = APOTEKER + TTK). */
export function factsOf(rows: ListRows, rules: StandardsOf): ListFacts {
  const trainings = new Map<string, Set<KodePelatihan>>();
  for (const t of rows.trainings) {
    const k = trainingKey(t.kode_fasyankes, t.nik);
    const set = trainings.get(k);
    if (set) set.add(t.kode_pelatihan);
    else trainings.set(k, new Set([t.kode_pelatihan]));
  }
  const staff = new Map<string, number>();
  for (const s of rows.staff) {
    const k = staffKey(s.kode_fasyankes, standardJenisOf(s.jenis_tenaga));
    staff.set(k, (staff.get(k) ?? 0) + s.n);
  }
  return { facilities: new Map(rows.facilities.map((f) => [f.kode, f])), persons: rows.persons, trainings, staff, rules, facilitiesWithout: rows.facilitiesWithout ?? [] };
}
