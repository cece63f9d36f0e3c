import type { Cell } from "../schema/cell";
import type { Profession } from "../reference/professions";
import { dayNumber, toIso } from "../normalize/calendar";
import { beginsAsFormula } from "../normalize/cell";
import { DATE_EMPTY } from "../normalize/dates";
import { columnRef } from "./labels";
import type { Run } from "./run";
import type { Sink } from "./sink";

/**
 * STR (registration): required for every health profession; lifetime since UU 17/2023, so a dated
 * STR that has passed is a record to update, not a lapsed licence (warning).
 * `strUntil`/`sipUntil` are what readDateColumn returned (packed date, DATE_EMPTY, DATE_LIFETIME or
 * a negative reason already reported); `strUntilCell`/`sipCell` the end-date cells, the value of the
 * findings on those columns (a number's finding carries its own column's text: Sink.add).
 * No STR or SIP number begins with = + - @: such text is refused (`str.format`, `sip.format`) rather
 * than stored and served as a formula (SPEC §7).
 */
export function checkStr(profession: Profession | undefined, noStr: string | null, strUntil: number, strUntilCell: Cell, run: Run, s: Sink): void {
  if (noStr !== null && beginsAsFormula(noStr)) s.add("str.format", "no_str", {}, noStr);
  if (profession?.needs_str && noStr === null) s.add("str.required", "no_str", { profession: profession.label });
  if (strUntil > 1 && strUntil < run.asOf) s.add("str.expired", "str_berlaku_sampai", { date: toIso(strUntil) }, strUntilCell);
}

/**
 * SIP (practice licence, per place, expires): expected for the professions that practise; a SIP needs
 * its end date; past it the person may not practise (error), within 90 days it is due (warning).
 */
export function checkSip(
  profession: Profession | undefined,
  noSip: string | null,
  sipUntil: number,
  sipCell: Cell,
  run: Run,
  s: Sink,
): void {
  if (profession?.needs_sip && noSip === null) s.add("sip.required", "no_sip", { profession: profession.label });
  if (noSip !== null && beginsAsFormula(noSip)) s.add("sip.format", "no_sip", {}, noSip);
  if (noSip !== null && sipUntil === DATE_EMPTY) {
    s.add("required", "sip_berlaku_sampai", columnRef("nakes", "sip_berlaku_sampai"));
    return;
  }
  if (sipUntil <= 1) return;
  if (sipUntil < run.asOf) s.add("sip.expired", "sip_berlaku_sampai", { date: toIso(sipUntil) }, sipCell);
  else if (sipUntil <= run.soon) {
    s.add("sip.expiring", "sip_berlaku_sampai", { date: toIso(sipUntil), days: dayNumber(sipUntil) - dayNumber(run.asOf) }, sipCell);
  }
}
