import { SIP_EXPIRING_DAYS } from "../reference/licences";
import { addDays, addMonths } from "./dates";

/** SPEC §5/§6: a SIP is "expiring" within 90 days after as_of (the value lives in shared/reference). */
export { SIP_EXPIRING_DAYS };
/** Penugasan Khusus lasts five years from TMT (Pergub Banten 5/2020). */
export const PENUGASAN_TERM_YEARS = 5;
/** SPEC §6: a special assignment is "ending" within 6 months after as_of. */
export const PENUGASAN_ENDING_MONTHS = 6;

/**
 * The date thresholds of the as_of-relative indicators. Both the pure evaluation and the Worker's SQL
 * use these values (SQL receives them as bound parameters), so the windows are defined once.
 *
 * - SIP expired: valid-until  < asOf; expiring: asOf ≤ valid-until ≤ sipExpiringUntil
 * - penugasan ended: term end < asOf (SPEC §5 penugasan.ended); active: term end ≥ asOf;
 *   ending: asOf ≤ term end ≤ penugasanEndingUntil
 */
export interface Windows {
  asOf: string;
  sipExpiringUntil: string;
  penugasanEndingUntil: string;
}

export function windowsFor(asOf: string): Windows {
  return {
    asOf,
    sipExpiringUntil: addDays(asOf, SIP_EXPIRING_DAYS),
    penugasanEndingUntil: addMonths(asOf, PENUGASAN_ENDING_MONTHS),
  };
}
