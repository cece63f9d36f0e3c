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
 * A training a person needs (SPEC §9 `pelatihan`): PENGELOLAAN_LIMBAH for sanitarians (medical waste,
 * §4.4), K3_FASYANKES for everyone working in a puskesmas (occupational safety in facilities; read as
 * every staff member, so each puskesmas's whole team is safe at work), PPI for clinical staff (the
 * medical, nursing and midwifery groups, who touch patients).
 */
export interface TrainingNeed {
  kode: KodePelatihan;
  needs(jenis: JenisTenaga, facility: JenisFasyankes): boolean;
}

const CLINICAL_GROUPS = new Set(["medis", "keperawatan", "kebidanan"]);

export const TRAINING_NEEDS: readonly TrainingNeed[] = [
  { kode: "PENGELOLAAN_LIMBAH", needs: (j) => j === "SANITARIAN" },
  { kode: "K3_FASYANKES", needs: (_j, f) => f === "PUSKESMAS" },
  { kode: "PPI", needs: (j) => CLINICAL_GROUPS.has(professionByCode.get(j)?.group ?? "") },
];
