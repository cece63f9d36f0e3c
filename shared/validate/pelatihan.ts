import type { Table } from "../schema/cell";
import type { PelatihanRecord } from "../schema/records";
import { cellText } from "../normalize/cell";
import { readTraining } from "../normalize/codes";
import { readInteger } from "../normalize/flags";
import { trainings } from "../reference/trainings";
import { matchHeaders } from "../table/headers";
import { at, columnIndex, isBlankRow } from "./columns";
import { columnRef } from "./labels";
import { readNik } from "./nik";
import type { Run } from "./run";
import { Sink } from "./sink";

const TRAINING_CODES = trainings.map((t) => t.code);
type Key = "nik" | "kode_pelatihan" | "tahun" | "penyelenggara";

/**
 * The Pelatihan table (SPEC §3.2): one course a person completed per row. The person must be in this
 * upload's Nakes table or in a stored roster; without the stored NIKs (the add-in) that rule is skipped.
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

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || isBlankRow(row)) continue;
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
      records.push({ row: r, nik, kode_pelatihan: kode, tahun, penyelenggara: cellText(at(row, ix.penyelenggara)) });
    }
  }
  return { issues: s.issues, records };
}
