import type { Cell } from "../schema/cell";
import type { StatusKepegawaian } from "../reference/codes";
import { addYears, toIso } from "../normalize/calendar";
import { DATE_EMPTY } from "../normalize/dates";
import { statusByCode } from "../reference/statuses";
import type { Run } from "./run";
import type { Sink } from "./sink";

/**
 * Special assignments (PENUGASAN_KHUSUS, NUSANTARA_SEHAT) start on a TMT; a Penugasan Khusus lasts
 * five years from it (Pergub Banten 5/2020), after which the person should have left or changed status.
 * The term ends on the fifth anniversary, 28 February for a TMT of 29 February (SPEC §5
 * penugasan.ended): the calendar's addYears, which coverage's thresholds use too (shared/coverage/windows.ts).
 */
export function checkPenugasan(status: StatusKepegawaian | null, tmt: number, tmtCell: Cell, run: Run, s: Sink): void {
  if (status === null) return;
  const st = statusByCode.get(status)!;
  if (st.needs_tmt && tmt === DATE_EMPTY) {
    s.add("penugasan.tmt_required", "tmt_penugasan", { status: st.label[s.lang] });
    return;
  }
  if (st.term_years !== null && tmt > 1) {
    const end = addYears(tmt, st.term_years);
    if (end < run.asOf) s.add("penugasan.ended", "tmt_penugasan", { tmt: toIso(tmt), end: toIso(end) }, tmtCell);
  }
}
