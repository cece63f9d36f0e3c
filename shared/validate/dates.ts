import type { Cell } from "../schema/cell";
import { fromIso, toIso } from "../normalize/calendar";
import { cellDisplay } from "../normalize/cell";
import { dateProblem, DATE_EMPTY, DATE_LIFETIME, readDate } from "../normalize/dates";
import { columnRef } from "./labels";
import type { Run } from "./run";
import type { Sink } from "./sink";

/**
 * A date column other than tanggal_lahir (date.invalid): STR and SIP validity, TMT; an instant is read
 * in the facility's zone (`offsetHours`, SPEC §4.5). Returns the packed
 * date, DATE_EMPTY, DATE_LIFETIME (only where `lifetime`), or a negative reason (already reported).
 */
export function readDateColumn(v: Cell, column: string, opts: { lifetime?: boolean; past?: boolean; offsetHours?: number }, run: Run, s: Sink): number {
  // The caller's options are read as they are (no copy: this runs three times a row).
  const d = readDate(v, opts);
  if (d === DATE_EMPTY || d === DATE_LIFETIME) return d;
  if (d < 0) {
    s.add("date.invalid", column, { ...columnRef("nakes", column), value: cellDisplay(v), problem: dateProblem(d) }, v);
    return d;
  }
  if (opts.past && d > run.asOf) {
    s.add("date.invalid", column, { ...columnRef("nakes", column), value: cellDisplay(v), problem: "future" }, v);
    return -1;
  }
  return d;
}

/** The ISO form of a read date, reusing the cell's own text when it already is that ISO date. */
export function isoOf(v: Cell, packed: number): string {
  if (typeof v === "string" && v.length === 10 && fromIso(v) === packed) return v;
  return toIso(packed);
}
