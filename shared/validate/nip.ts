import type { Cell } from "../schema/cell";
import type { StatusKepegawaian } from "../reference/codes";
import { dayOf, monthOf, toIso, yearOf } from "../normalize/calendar";
import { cellDisplay } from "../normalize/cell";
import { ID_EMPTY, ID_PRECISION_LOST, oddCharacter, readId } from "../normalize/ids";
import { statusByCode } from "../reference/statuses";
import type { Sink } from "./sink";

/**
 * NIP / NI PPPK (18 digits): birth date YYYYMMDD, then TMT CPNS YYYYMM (NI PPPK: year of appointment
 * and two digits), then sex (1 = L, 2 = P) at digit 15, then a serial. Returns the digits or null.
 */
export function readNip(v: Cell, status: StatusKepegawaian | null, birth: number, sex: "L" | "P" | null, s: Sink): string | null {
  const id = readId(v, 18);
  const needsNip = status !== null && statusByCode.get(status)!.needs_nip;
  if (typeof id !== "string") {
    if (id === ID_EMPTY) {
      if (needsNip) s.add("nip.required", "nip", { status: status! });
    } else if (id === ID_PRECISION_LOST) {
      // A number cell shows 18 digits while the last ones are gone: say so, not "must be 18 digits".
      s.add("nip.precision_lost", "nip", { value: cellDisplay(v) }, v);
    } else {
      const odd = oddCharacter(v);
      s.add("nip.format", "nip", odd ? { value: cellDisplay(v), odd } : { value: cellDisplay(v) }, v);
    }
    return null;
  }
  if (needsNip) {
    if (birth > 0) {
      const y = num(id, 0, 4);
      const m = num(id, 4, 2);
      const d = num(id, 6, 2);
      if (y !== yearOf(birth) || m !== monthOf(birth) || d !== dayOf(birth)) {
        s.add("nip.birthdate_mismatch", "nip", { digits: id.slice(0, 8), date: toIso(birth) }, v);
      }
    }
    if (sex !== null) {
      const digit = id[14]!;
      if (digit !== (sex === "L" ? "1" : "2")) s.add("nip.sex_mismatch", "nip", { digit, sex }, v);
    }
  }
  return id;
}

function num(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}
