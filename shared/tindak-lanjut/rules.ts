import { PONED_TEAM } from "../coverage/facility";
import type { JenisFasyankes, JenisTenaga, KodePelatihan } from "../reference/codes";
import { professionByCode } from "../reference/professions";
import { statuses } from "../reference/statuses";

/**
 * The rules of the tindak-lanjut lists and the placement plan (SPEC §9) that are not windows of
 * validation: which trainings whom, which statuses carry a term, and the plan's horizon. Windows and
 * terms themselves come from shared/reference (SIP_EXPIRING_DAYS, statuses[].term_years).
 */

/** The PONED team (dokter, bidan, perawat), as coverage counts it (shared/coverage/facility). */
export { PONED_TEAM };

/** Statuses whose reference data sets a term (SPEC §4.2: PENUGASAN_KHUSUS, five years), with it. */
export const TERM_STATUSES: ReadonlyMap<string, number> = new Map(
  statuses.flatMap((s) => (s.term_years === null ? [] : [[s.code, s.term_years] as const])),
);

/** Placement (SPEC §9): staff whose term ends within this many months of as_of count as already gone. */
export const PLACEMENT_HORIZON_MONTHS = 12;

/**
 * A training the staff need (SPEC §9 `pelatihan`). `person`: every person it applies to needs it
 * (PENGELOLAAN_LIMBAH for sanitarians, who handle medical waste, §4.4; PPI for clinical staff — the
 * medical, nursing and midwifery groups, who touch patients). `facility`: each facility of the kinds
 * given needs at least one trained person (K3_FASYANKES "for each puskesmas": its K3 officer), so the
 * list names the facility, not every untrained person in it.
 */
export type TrainingNeed =
  | { per: "person"; kode: KodePelatihan; needs(jenis: JenisTenaga, facility: JenisFasyankes): boolean }
  | { per: "facility"; kode: KodePelatihan; facilities: readonly JenisFasyankes[] };

const CLINICAL_GROUPS = new Set(["medis", "keperawatan", "kebidanan"]);

export const TRAINING_NEEDS: readonly TrainingNeed[] = [
  { per: "person", kode: "PENGELOLAAN_LIMBAH", needs: (j) => j === "SANITARIAN" },
  { per: "facility", kode: "K3_FASYANKES", facilities: ["PUSKESMAS"] },
  { per: "person", kode: "PPI", needs: (j) => CLINICAL_GROUPS.has(professionByCode.get(j)?.group ?? "") },
];

export const PERSON_TRAINING_NEEDS = TRAINING_NEEDS.filter((n): n is Extract<TrainingNeed, { per: "person" }> => n.per === "person");
export const FACILITY_TRAINING_NEEDS = TRAINING_NEEDS.filter((n): n is Extract<TrainingNeed, { per: "facility" }> => n.per === "facility");
