import type { Cell } from "../schema/cell";
import { dayOf, monthOf, toIso, yearOf } from "../normalize/calendar";
import { cellDisplay } from "../normalize/cell";
import { ID_EMPTY, ID_FORMAT, ID_PRECISION_LOST, oddCharacter, readId } from "../normalize/ids";
import { isProvinceNumber } from "../reference/wilayah";
import type { TableKind } from "../table/columns";
import { columnRef } from "./labels";
import type { Sink } from "./sink";

/**
 * The NIK of a row: required, 16 digits after stripping spaces and dots, not a number cell (digits
 * lost), digits 1–2 a province code. Returns the digits, or null when there are none to trust.
 */
export function readNik(v: Cell, present: boolean, table: TableKind, s: Sink): string | null {
  const id = readId(v, 16);
  if (typeof id === "string") {
    const province = (id.charCodeAt(0) - 48) * 10 + (id.charCodeAt(1) - 48);
    if (!isProvinceNumber(province)) s.add("nik.region", "nik", { prefix: id.slice(0, 2) }, v);
    return id;
  }
  if (id === ID_EMPTY) {
    if (present) s.add("required", "nik", columnRef(table, "nik"));
  } else if (id === ID_PRECISION_LOST) {
    s.add("nik.precision_lost", "nik", { value: cellDisplay(v) }, v);
  } else if (id === ID_FORMAT) {
    const odd = oddCharacter(v);
    s.add("nik.format", "nik", odd ? { value: cellDisplay(v), odd } : { value: cellDisplay(v) }, v);
  }
  return null;
}

/**
 * Digits 7–12 of a NIK are the birth date DDMMYY, with 40 added to the day for women. They are checked
 * against tanggal_lahir and jenis_kelamin when those were read (warnings: the NIK may be right and
 * the other cell wrong).
 */
export function checkNikPerson(nik: string, v: Cell, birth: number, sex: "L" | "P" | null, s: Sink): void {
  const dd = (nik.charCodeAt(6) - 48) * 10 + (nik.charCodeAt(7) - 48);
  const mm = (nik.charCodeAt(8) - 48) * 10 + (nik.charCodeAt(9) - 48);
  const yy = (nik.charCodeAt(10) - 48) * 10 + (nik.charCodeAt(11) - 48);
  const day = dd > 40 ? dd - 40 : dd;
  if (birth > 0 && (day !== dayOf(birth) || mm !== monthOf(birth) || yy !== yearOf(birth) % 100)) {
    s.add("nik.birthdate_mismatch", "nik", { digits: nik.slice(6, 12), date: toIso(birth) }, v);
  }
  if (sex !== null) {
    const nikSex = dd > 40 ? "P" : dd <= 31 ? "L" : null;
    if (nikSex !== null && nikSex !== sex) s.add("nik.sex_mismatch", "nik", { nik_sex: nikSex, sex }, v);
  }
}
