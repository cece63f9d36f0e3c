import type { Table } from "../schema/cell";
import type { PelatihanRecord } from "../schema/records";
import { cellText } from "../normalize/cell";
import { readTraining } from "../normalize/codes";
import { readInteger } from "../normalize/flags";
import { trainings } from "../reference/trainings";
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
  s.issues.push(...headers.issues);
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
   * NIK → its courses so far, each as [course × 10000 + year, first row]: most people have one or
   * two, so a short list under the NIK costs less than a key string per row.
   */
  const seen = new Map<string, number[]>();

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
      const list = seen.get(nik);
      const pos = list === undefined ? -1 : indexOfCourse(list, course);
      if (pos >= 0) {
        const first = list![pos + 1]!;
        s.add("pelatihan.duplicate", "kode_pelatihan", { first }, kodeCell, [{ row: first, column: "kode_pelatihan" }]);
        continue;
      }
      if (list === undefined) seen.set(nik, [course, r]);
      else list.push(course, r);
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
