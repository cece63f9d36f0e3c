import type { ListKind } from "../api/tindak-lanjut";
import { addDaysIso, addYearsIso } from "../normalize/calendar";
import { facilityKinds } from "../reference/facilities";
import type { JenisFasyankes, JenisTenaga, KodePelatihan, StatusKepegawaian } from "../reference/codes";
import { professions } from "../reference/professions";
import type { ListWindows } from "./lists";
import { FACILITY_TRAINING_NEEDS, PERSON_TRAINING_NEEDS, PONED_TEAM, TERM_STATUSES } from "./rules";

/**
 * Which stored rows each list can hold, derived from the rules of rules.ts and the windows of
 * lists.ts, so storage reads few rows and the rules stay in one place. A superset is fine (the list
 * builders decide exactly); a row missed here would be a person missing from a list.
 */
export type PersonFilter =
  /** SIP ending on or before `until` (ISO). */
  | { kind: "sip"; until: string }
  /** No STR in one of `needsStr`, or any dated STR. */
  | { kind: "str"; needsStr: readonly JenisTenaga[] }
  /** A status of `statuses` with a TMT on or before `tmtUntil`. */
  | { kind: "term"; statuses: readonly StatusKepegawaian[]; tmtUntil: string }
  /** Staff of `jenis` at PONED puskesmas. */
  | { kind: "poned"; jenis: readonly JenisTenaga[] }
  /**
   * Staff who lack a training their "facility kind|profession" needs: for some need, the pair is one of
   * its `pairs` ("PUSKESMAS|BIDAN") and the person does not hold its `kode`.
   */
  | { kind: "lacking"; needs: readonly { kode: KodePelatihan; pairs: readonly string[] }[] };

export interface ListNeeds {
  persons: PersonFilter;
  /** Training codes the list reads for those persons. */
  trainings: readonly KodePelatihan[];
  /** Persons per facility and profession (the `penugasan` gap). */
  staffCounts: boolean;
  /** Trainings each facility of a kind needs someone to hold: [kode_pelatihan, jenis_fasyankes] pairs. */
  facilityTrainings: readonly (readonly [KodePelatihan, JenisFasyankes])[];
}

/** The latest TMT whose term (of any status with one) can end on or before `until`; two days of slack for 29 February. */
export function latestTmtEndingBy(until: string): string {
  const shortest = Math.min(...TERM_STATUSES.values());
  return addDaysIso(addYearsIso(until, -shortest), 2);
}

export function listNeeds(list: ListKind, w: ListWindows): ListNeeds {
  switch (list) {
    case "sip":
      return { persons: { kind: "sip", until: w.sipUntil }, trainings: [], staffCounts: false, facilityTrainings: [] };
    case "str":
      return { persons: { kind: "str", needsStr: professions.filter((p) => p.needs_str).map((p) => p.code) }, trainings: [], staffCounts: false, facilityTrainings: [] };
    case "penugasan":
      return {
        persons: { kind: "term", statuses: [...TERM_STATUSES.keys()] as StatusKepegawaian[], tmtUntil: latestTmtEndingBy(w.termUntil) },
        trainings: [],
        staffCounts: true,
        facilityTrainings: [],
      };
    case "poned":
      return { persons: { kind: "poned", jenis: PONED_TEAM }, trainings: ["PONED"], staffCounts: false, facilityTrainings: [] };
    case "pelatihan": {
      const needs = PERSON_TRAINING_NEEDS.map((n) => ({
        kode: n.kode,
        pairs: facilityKinds.flatMap((k) => professions.filter((p) => n.needs(p.code, k.code)).map((p) => `${k.code}|${p.code}`)),
      }));
      return {
        persons: { kind: "lacking", needs },
        trainings: PERSON_TRAINING_NEEDS.map((n) => n.kode),
        staffCounts: false,
        facilityTrainings: FACILITY_TRAINING_NEEDS.flatMap((n) => n.facilities.map((f) => [n.kode, f] as const)),
      };
    }
  }
}
