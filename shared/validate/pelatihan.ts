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
import { DigitGroups } from "./id-groups";
import { readNik } from "./nik";
import { mergeByRow, withoutRows } from "./row-order";
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
 * "2024") is one course: the later rows get a `pelatihan.duplicate` info naming the first and are left
 * out of the records, so the store writes the course once (SPEC §5). Repeats are found after the pass,
 * by grouping the complete rows' NIKs (./id-groups), and their findings put back into row order
 * (./row-order), so issues read as if found row by row.
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
  // The courses of complete rows, grouped by NIK after the pass (./id-groups: sorted, so no hash probe a
  // row); per row its course × 10000 + year (0: the row has no complete course).
  const people = new DigitGroups(rows.length);
  const courses = new Int32Array(rows.length);
  const headEnd = s.issues.length;

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cls = classes.classOf(r);
    if (cls !== PERSON) {
      skipped.add(r, cls);
      continue;
    }
    skipped.flush();
    s.at(r, row, ix);
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
      people.add(nik, r);
      courses[r] = TRAINING_INDEX.get(kode)! * 10000 + tahun;
      records.push({ row: r, nik, kode_pelatihan: kode, tahun, penyelenggara: cellText(at(row, ix.penyelenggara)) });
    }
  }
  skipped.flush();

  const passEnd = s.issues.length;
  const repeats = new Set<number>();
  people.seal();
  people.forEachRepeated((group) => {
    const firstOf = new CourseFirsts(group.length);
    for (const r of group) {
      const first = firstOf.claim(courses[r]!, r);
      if (first === r) continue;
      s.addAt(r, "pelatihan.duplicate", "kode_pelatihan", { first }, at(rows[r]!, ix.kode_pelatihan), [{ row: first, column: "kode_pelatihan" }]);
      repeats.add(r);
    }
  });
  return { issues: mergeByRow(s.issues, headEnd, passEnd), records: withoutRows(records, repeats) };
}

/**
 * The first row of each course among one person's rows (in row order): a list while short, a map
 * beyond, so one person with thousands of rows stays linear.
 */
class CourseFirsts {
  private readonly list: number[] = [];
  private readonly map: Map<number, number> | null;

  constructor(size: number) {
    this.map = size > 16 ? new Map() : null;
  }

  /** The first row that held `course`; `row` itself when none did (it becomes the first). */
  claim(course: number, row: number): number {
    if (this.map !== null) {
      const first = this.map.get(course);
      if (first !== undefined) return first;
      this.map.set(course, row);
      return row;
    }
    const list = this.list;
    for (let i = 0; i < list.length; i += 2) if (list[i] === course) return list[i + 1]!;
    list.push(course, row);
    return row;
  }
}
