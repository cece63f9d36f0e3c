import type { Cell } from "../schema/cell";
import { yearsBetween } from "../normalize/calendar";
import { cellDisplay, cellText } from "../normalize/cell";
import { dateProblem, DATE_EMPTY, readDate, type DateOptions } from "../normalize/dates";
import { readSex } from "../normalize/sex";
import { columnRef } from "./labels";
import type { Run } from "./run";
import type { Sink } from "./sink";

/**
 * nama (SPEC §5 nama.format): 2–100 characters, begins with a letter (so never `=`, `+`, `-`, `@`: a
 * formula when the name is written back to a sheet), no digits, no control characters; titles and
 * punctuation are fine ("dr. Siti, Sp.A"). The cell was cleaned (invisible characters stripped) and
 * trimmed before: "\t=1+1" is refused as the formula it would become, never stored as "=1+1".
 */
export function readNama(v: Cell, present: boolean, s: Sink): string | null {
  const t = cellText(v);
  if (t === null) {
    if (present) s.add("required", "nama", columnRef("nakes", "nama"));
    return null;
  }
  let problem: "digits" | "control" | "formula" | "not_letter" | null = null;
  const c0 = t.charCodeAt(0);
  if (c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64) problem = "formula";
  else if (!isLetter(t, c0)) problem = "not_letter";
  for (let i = 0; problem === null && i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      problem = "digits";
      break;
    }
    if (c < 32 || (c >= 127 && c < 160)) {
      problem = "control";
      break;
    }
  }
  if (problem !== null) s.add("nama.format", "nama", { problem }, v);
  else if (t.length > 100) s.add("nama.format", "nama", { problem: "too_long" }, v);
  else if (t.length < 2) s.add("nama.format", "nama", { problem: "too_short" }, v);
  else return t;
  return null;
}

function isLetter(t: string, c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c > 127 && /^\p{L}/u.test(t);
}

export function readJenisKelamin(v: Cell, present: boolean, s: Sink): "L" | "P" | null {
  const sex = readSex(v);
  if (sex !== null) return sex;
  const t = cellText(v);
  if (t === null) {
    if (present) s.add("required", "jenis_kelamin", columnRef("nakes", "jenis_kelamin"));
  } else {
    s.add("jenis_kelamin.invalid", "jenis_kelamin", { value: t }, v);
  }
  return null;
}

/**
 * tanggal_lahir: readable, not after as_of, age 17–80 at as_of. Returns the packed date or 0.
 * `offsetHours`: the facility's zone (SPEC §4.5), for a date written as an instant.
 */
export function readTanggalLahir(v: Cell, present: boolean, run: Run, s: Sink, offsetHours = 7): number {
  const d = readDate(v, birthOptions(offsetHours));
  if (d === DATE_EMPTY) {
    if (present) s.add("required", "tanggal_lahir", columnRef("nakes", "tanggal_lahir"));
    return 0;
  }
  // The cell's text is made only for a finding: this runs for every row (SPEC §8 validation target).
  if (d < 0) {
    s.add("tanggal_lahir.invalid", "tanggal_lahir", { value: cellDisplay(v), problem: dateProblem(d), as_of: run.asOfIso }, v);
    return 0;
  }
  if (d > run.asOf) {
    s.add("tanggal_lahir.invalid", "tanggal_lahir", { value: cellDisplay(v), problem: "future", as_of: run.asOfIso }, v);
    return 0;
  }
  const age = yearsBetween(d, run.asOf);
  if (age < 17 || age > 80) {
    s.add("tanggal_lahir.invalid", "tanggal_lahir", { value: cellDisplay(v), problem: age < 17 ? "too_young" : "too_old", age, as_of: run.asOfIso }, v);
    return 0;
  }
  return d;
}

/** The reading options of a birth date per zone offset, made once (this runs for every row). */
const birthOptionsByOffset = new Map<number, DateOptions>();
let lastBirthOptions: DateOptions = { place: true, offsetHours: 7 };
function birthOptions(offsetHours: number): DateOptions {
  // Rows of one zone follow each other: the last options are kept beside the map.
  if (lastBirthOptions.offsetHours === offsetHours) return lastBirthOptions;
  let o = birthOptionsByOffset.get(offsetHours);
  if (o === undefined) {
    o = { place: true, offsetHours };
    if (birthOptionsByOffset.size < 64) birthOptionsByOffset.set(offsetHours, o);
  }
  lastBirthOptions = o;
  return o;
}
