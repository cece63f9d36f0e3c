import type { Cell } from "../schema/cell";
import { yearsBetween } from "../normalize/calendar";
import { cellDisplay, cellText } from "../normalize/cell";
import { dateProblem, DATE_EMPTY, readDate } from "../normalize/dates";
import { readSex } from "../normalize/sex";
import { columnRef } from "./labels";
import type { Run } from "./run";
import type { Sink } from "./sink";

/** nama: 2–100 characters, no digits, no control characters; titles and punctuation are fine ("dr. Siti, Sp.A"). */
export function readNama(v: Cell, present: boolean, s: Sink): string | null {
  const t = cellText(v);
  if (t === null) {
    if (present) s.add("required", "nama", columnRef("nakes", "nama"));
    return null;
  }
  let problem: "digits" | "control" | null = null;
  for (let i = 0; i < t.length; i++) {
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

/** tanggal_lahir: readable, not after as_of, age 17–80 at as_of. Returns the packed date or 0. */
export function readTanggalLahir(v: Cell, present: boolean, run: Run, s: Sink): number {
  const d = readDate(v, { place: true });
  if (d === DATE_EMPTY) {
    if (present) s.add("required", "tanggal_lahir", columnRef("nakes", "tanggal_lahir"));
    return 0;
  }
  const value = cellDisplay(v);
  if (d < 0) {
    s.add("tanggal_lahir.invalid", "tanggal_lahir", { value, problem: dateProblem(d), as_of: run.asOfIso }, v);
    return 0;
  }
  if (d > run.asOf) {
    s.add("tanggal_lahir.invalid", "tanggal_lahir", { value, problem: "future", as_of: run.asOfIso }, v);
    return 0;
  }
  const age = yearsBetween(d, run.asOf);
  if (age < 17 || age > 80) {
    s.add("tanggal_lahir.invalid", "tanggal_lahir", { value, problem: age < 17 ? "too_young" : "too_old", age, as_of: run.asOfIso }, v);
    return 0;
  }
  return d;
}
