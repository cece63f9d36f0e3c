import { addDays, addMonths, firstStartNotEndedBy, fromIso, toIso } from "../normalize/calendar";
import { SIP_EXPIRING_DAYS } from "../reference/licences";
import { PENUGASAN_ENDING_MONTHS, PENUGASAN_KHUSUS_TERM_YEARS } from "../reference/statuses";


/**
 * The date thresholds of the as_of-relative indicators (ISO yyyy-mm-dd), all computed by the one
 * calendar (shared/normalize/calendar.ts). The pure evaluation reads them, and the Worker's SQL
 * receives them as bound parameters, so neither side does date arithmetic of its own.
 *
 * - SIP expired: valid-until < asOf; expiring: asOf ≤ valid-until ≤ sipExpiringUntil
 * - penugasan, by term end (TMT + 5 years, 28 February for a TMT of 29 February; SPEC §5
 *   penugasan.ended): ended: end < asOf; active: end ≥ asOf; ending: asOf ≤ end ≤ penugasanEndingUntil
 * - the same, by TMT (what coverage stores): ended: TMT < penugasanActiveFrom; active: TMT ≥
 *   penugasanActiveFrom; ending: penugasanActiveFrom ≤ TMT < penugasanLaterFrom
 */
export interface Windows {
  asOf: string;
  sipExpiringUntil: string;
  penugasanEndingUntil: string;
  /** The least TMT whose term has not ended by as_of. */
  penugasanActiveFrom: string;
  /** The least TMT whose term runs past penugasanEndingUntil. */
  penugasanLaterFrom: string;
}

/** The windows of `asOf` (ISO yyyy-mm-dd; RangeError for anything else). */
export function windowsFor(asOf: string): Windows {
  const day = fromIso(asOf);
  if (day === 0) throw new RangeError(`not an ISO date: ${asOf}`);
  const endingUntil = addMonths(day, PENUGASAN_ENDING_MONTHS);
  return {
    asOf,
    sipExpiringUntil: toIso(addDays(day, SIP_EXPIRING_DAYS)),
    penugasanEndingUntil: toIso(endingUntil),
    penugasanActiveFrom: toIso(firstStartNotEndedBy(day, PENUGASAN_KHUSUS_TERM_YEARS)),
    penugasanLaterFrom: toIso(firstStartNotEndedBy(addDays(endingUntil, 1), PENUGASAN_KHUSUS_TERM_YEARS)),
  };
}
