import type { Table } from "../schema/cell";
import type { PelatihanRecord } from "../schema/records";
import { cellText } from "../normalize/cell";
import { readTraining } from "../normalize/codes";
import { readInteger } from "../normalize/flags";
import { trainings } from "../reference/trainings";
import { DigitTable } from "./id-table";
import { matchHeaders } from "../table/headers";
import { PERSON, RowClassifier } from "../table/skip-rows";
import { at, columnIndex } from "./columns";
import { columnRef } from "./labels";
import { readNik } from "./nik";
import type { Run } from "./run";
import { Sink } from "./sink";
import { SkippedRuns } from "./skipped";

const TRAINING_CODES = trainings.map((t) => t.code);
const TRAINING_INDEX = new Map(TRAINING_CODES.map((c, i) => [c, i + 1]));
type Key = "nik" | "kode_pelatihan" | "tahun" | "penyelenggara";

/**
 * The Pelatihan table (SPEC §3.2): one course a person completed per row. The person must be in this
 * upload's Nakes table or in a stored roster; without the stored NIKs (the add-in) that rule is skipped.
 * The same person, course and year twice (after reading NIK, code and year: "1706 0701 …", "ppi",
 * "2024") is one course: the later rows get a `pelatihan.duplicate` info and are left out of the
 * records, so the store writes the course once (SPEC §5).
 */
export function validatePelatihan(table: Table, nakesNiks: { has(nik: string): boolean }, run: Run): { issues: Sink["issues"]; records: PelatihanRecord[] } {
  const s = new Sink("pelatihan", run.lang);
  const columns = Array.isArray(table?.columns) ? table.columns : [];
  const rows = Array.isArray(table?.rows) ? table.rows : [];
  const headers = matchHeaders(columns.map(String), "pelatihan", run.lang);
  // Never spread a list into a call: its length is the caller's (issue 10, attack finding 4).
  for (const issue of headers.issues) s.issues.push(issue);
  const ix = columnIndex<Key>("pelatihan", headers.keys);
  const complete = ix.nik >= 0 && ix.kode_pelatihan >= 0 && ix.tahun >= 0;
  const stored = run.ctx.storedNiks;
  const records: PelatihanRecord[] = [];

  if (run.ctx.limits && rows.length > run.ctx.limits.maxRows) {
    s.addTable("upload.too_large", null, { limit: run.ctx.limits.maxRows, actual: rows.length, unit: "rows" });
  }

  const classes = new RowClassifier(rows, headers.keys, ix.nik);
  const skipped = new SkippedRuns(s);
  /**
   * The courses so far, by NIK: a typed hash of the NIKs (./id-table) gives each NIK a slot; a slot's
   * first course (course × 10000 + year) and row sit in typed arrays, and only people with more than
   * one course get a list. No key string is built and no object is made for most rows.
   */
  const people = new DigitTable(rows.length);
  const slots = 4 * rows.length + 16; // a DigitTable of n keys has at most 4n (and at least 16) slots
  const firstCourse = new Int32Array(slots);
  const firstRow = new Int32Array(slots);
  const more = new Map<number, number[]>();

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cls = classes.classOf(r);
    if (cls !== PERSON) {
      skipped.add(r, cls);
      continue;
    }
    skipped.flush();
    s.at(r);
    const nikCell = at(row, ix.nik);
    const nik = readNik(nikCell, ix.nik >= 0, "pelatihan", s);
    if (nik !== null && stored !== undefined && !nakesNiks.has(nik) && !stored.has(nik)) {
      s.add("pelatihan.nik_unknown", "nik", { value: nik }, nikCell);
    }

    const kodeCell = at(row, ix.kode_pelatihan);
    const kode = readTraining(kodeCell);
    if (kode === null) {
      const t = cellText(kodeCell);
      if (t === null) {
        if (ix.kode_pelatihan >= 0) s.add("required", "kode_pelatihan", columnRef("pelatihan", "kode_pelatihan"));
      } else s.add("pelatihan.kode_unknown", "kode_pelatihan", { value: t, accepted: TRAINING_CODES }, kodeCell);
    }

    const tahunCell = at(row, ix.tahun);
    let tahun = readInteger(tahunCell);
    if (tahun === null && cellText(tahunCell) === null) {
      if (ix.tahun >= 0) s.add("required", "tahun", columnRef("pelatihan", "tahun"));
    } else if (tahun === null || tahun < 1990 || tahun > run.asOfYear) {
      s.add("pelatihan.tahun", "tahun", { value: cellText(tahunCell) ?? "", max: run.asOfYear }, tahunCell);
      tahun = null;
    }

    if (!s.error && complete && nik !== null && kode !== null && tahun !== null) {
      const course = TRAINING_INDEX.get(kode)! * 10000 + tahun;
      const slot = people.add(nik, r);
      let first = -1;
      if (!people.isRepeated(slot)) {
        firstCourse[slot] = course;
        firstRow[slot] = r;
      } else if (firstCourse[slot] === course) {
        first = firstRow[slot]!;
      } else {
        const list = more.get(slot);
        const pos = list === undefined ? -1 : indexOfCourse(list, course);
        if (pos >= 0) first = list![pos + 1]!;
        else if (list === undefined) more.set(slot, [course, r]);
        else list.push(course, r);
      }
      if (first >= 0) {
        s.add("pelatihan.duplicate", "kode_pelatihan", { first }, kodeCell, [{ row: first, column: "kode_pelatihan" }]);
        continue;
      }
      records.push({ row: r, nik, kode_pelatihan: kode, tahun, penyelenggara: cellText(at(row, ix.penyelenggara)) });
    }
  }
  skipped.flush();
  return { issues: s.issues, records };
}

/** Index of `course` among the even places of [course, row, course, row, …], or -1. */
function indexOfCourse(list: readonly number[], course: number): number {
  for (let i = 0; i < list.length; i += 2) if (list[i] === course) return i;
  return -1;
}
