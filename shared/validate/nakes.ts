import type { Cell, Table } from "../schema/cell";
import type { Issue } from "../schema/issue";
import type { NakesRecord } from "../schema/records";
import { cellText } from "../normalize/cell";
import { readFacilityCode } from "../normalize/codes";
import { strDigitsLost, strTextDigitsLost } from "../normalize/ids";
import { provinceOffsetHours } from "../normalize/today";
import { professionByCode } from "../reference/professions";
import { matchHeaders } from "../table/headers";
import { PERSON, RowClassifier } from "../table/skip-rows";
import { readJenisTenaga, readPendidikanCell, readStatusKepegawaian, FacilityReader } from "./coded";
import { at, columnIndex } from "./columns";
import { CrossRow } from "./cross-row";
import { isoOf, readDateColumn } from "./dates";
import { checkStr, checkSip } from "./licences";
import { checkNikPerson, readNik } from "./nik";
import { readNip } from "./nip";
import { mergeByRow, withoutRows } from "./row-order";
import { checkPenugasan } from "./penugasan";
import { readJenisKelamin, readNama, readTanggalLahir } from "./person";
import type { Run } from "./run";
import { Sink } from "./sink";
import { looksMerged, SkippedRuns } from "./skipped";

type Key =
  | "nik"
  | "nip"
  | "nama"
  | "jenis_kelamin"
  | "tanggal_lahir"
  | "jenis_tenaga"
  | "pendidikan"
  | "status_kepegawaian"
  | "kode_fasyankes"
  | "no_str"
  | "str_berlaku_sampai"
  | "no_sip"
  | "sip_berlaku_sampai"
  | "tmt_penugasan"
  | "keterangan";

export interface NakesOutcome {
  issues: Issue[];
  records: NakesRecord[];
  /** Every readable NIK of the table, for the Pelatihan table's rule. */
  niks: { has(nik: string): boolean };
}

/**
 * The Nakes table (SPEC §3.1): one pass over the rows, each cell read once by the module of its
 * concern; the cross-row rules hash as the rows pass and report after. A row's record is kept only
 * when nothing in it is an error.
 */
export function validateNakes(table: Table, run: Run): NakesOutcome {
  const s = new Sink("nakes", run.lang);
  const columns = Array.isArray(table?.columns) ? table.columns : [];
  const rows: readonly Cell[][] = Array.isArray(table?.rows) ? table.rows : [];
  const headers = matchHeaders(columns.map(String), "nakes", run.lang);
  // Never spread a list into a call: its length is the caller's (issue 10, attack finding 4).
  for (const issue of headers.issues) s.issues.push(issue);
  const ix = columnIndex<Key>("nakes", headers.keys);
  const headerIssueCount = s.issues.length;

  if (run.ctx.limits && rows.length > run.ctx.limits.maxRows) {
    s.addTable("upload.too_large", null, { limit: run.ctx.limits.maxRows, actual: rows.length, unit: "rows" });
  }

  const facility = new FacilityReader(run);
  const cross = new CrossRow(run, s, rows.length);
  // Sized once for every row and cut to the records made after the pass: growing it by push copied
  // its 100,000 slots several times (SPEC §8 validation target).
  const records: NakesRecord[] = new Array<NakesRecord>(rows.length);
  let recordCount = 0;
  let dataRows = 0;
  const classes = new RowClassifier(rows, headers.keys, ix.nik);
  const skipped = new SkippedRuns(s);
  s.looksMerged = (r, key) => looksMerged(rows, classes, ix[key as Key] ?? -1, r);
  // The facility's zone reads instants (SPEC §4.5): each row's own code as read (text or number), WIB
  // when it has none; rows of one facility follow each other, so the offset is recomputed on a change.
  let zoneKode: string | null | undefined;
  let offset = provinceOffsetHours(null);
  // The date columns' reading options, made again only when the zone changes (not once a row).
  let strOpts = { lifetime: true, offsetHours: offset };
  let sipOpts = { offsetHours: offset };
  let tmtOpts = { past: true, offsetHours: offset };

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cls = classes.classOf(r);
    if (cls !== PERSON) {
      skipped.add(r, cls);
      continue;
    }
    skipped.flush();
    dataRows++;
    s.at(r, row, ix);
    const kodeCell = at(row, ix.kode_fasyankes);
    const kodeText = readFacilityCode(kodeCell);
    if (kodeText !== zoneKode) {
      zoneKode = kodeText;
      const next = provinceOffsetHours(kodeText);
      if (next !== offset) {
        offset = next;
        strOpts = { lifetime: true, offsetHours: offset };
        sipOpts = { offsetHours: offset };
        tmtOpts = { past: true, offsetHours: offset };
      }
    }

    const nikCell = at(row, ix.nik);
    const nik = readNik(nikCell, ix.nik >= 0, "nakes", s);
    const nama = readNama(at(row, ix.nama), ix.nama >= 0, s);
    const sex = readJenisKelamin(at(row, ix.jenis_kelamin), ix.jenis_kelamin >= 0, s);
    const birthCell = at(row, ix.tanggal_lahir);
    const birth = readTanggalLahir(birthCell, ix.tanggal_lahir >= 0, run, s, offset);
    if (nik !== null) checkNikPerson(nik, nikCell, birth, sex, s);

    const jenis = readJenisTenaga(at(row, ix.jenis_tenaga), ix.jenis_tenaga >= 0, s);
    const pendidikan = readPendidikanCell(at(row, ix.pendidikan), s);
    const status = readStatusKepegawaian(at(row, ix.status_kepegawaian), ix.status_kepegawaian >= 0, s);
    const nipCell = at(row, ix.nip);
    const nip = readNip(nipCell, status, birth, sex, s);
    const kode = facility.read(kodeText, kodeCell, ix.kode_fasyankes >= 0, s);

    const profession = jenis === null ? undefined : professionByCode.get(jenis);
    const strCell = at(row, ix.no_str);
    const noStr = cellText(strCell);
    if (noStr !== null && (typeof strCell === "number" ? strDigitsLost(strCell) : strTextDigitsLost(noStr))) s.add("str.precision_lost", "no_str", { value: noStr }, strCell);
    const strUntilCell = at(row, ix.str_berlaku_sampai);
    const strUntil = readDateColumn(strUntilCell, "str_berlaku_sampai", strOpts, run, s);
    checkStr(profession, noStr, strUntil, strUntilCell, run, s);
    const noSip = cellText(at(row, ix.no_sip));
    const sipUntilCell = at(row, ix.sip_berlaku_sampai);
    const sipUntil = readDateColumn(sipUntilCell, "sip_berlaku_sampai", sipOpts, run, s);
    checkSip(profession, noSip, sipUntil, sipUntilCell, run, s);
    const tmtCell = at(row, ix.tmt_penugasan);
    const tmt = readDateColumn(tmtCell, "tmt_penugasan", tmtOpts, run, s);
    checkPenugasan(status, tmt, tmtCell, run, s);

    cross.add(r, nik, kode, nip, nipCell, noStr, strCell);

    if (!s.error && nik !== null && nama !== null && sex !== null && birth > 0 && jenis !== null && status !== null && kode !== null) {
      records[recordCount++] = {
        row: r,
        nik,
        nip,
        nama,
        jenis_kelamin: sex,
        tanggal_lahir: isoOf(birthCell, birth),
        jenis_tenaga: jenis,
        pendidikan,
        status_kepegawaian: status,
        kode_fasyankes: kode,
        no_str: noStr,
        str_berlaku_sampai: strUntil > 1 ? isoOf(strUntilCell, strUntil) : null,
        no_sip: noSip,
        sip_berlaku_sampai: sipUntil > 1 ? isoOf(sipUntilCell, sipUntil) : null,
        tmt_penugasan: tmt > 1 ? isoOf(tmtCell, tmt) : null,
        keterangan: cellText(at(row, ix.keterangan)),
      };
    }
  }
  records.length = recordCount;

  skipped.flush();
  s.looksMerged = null;
  if (dataRows === 0) s.addTable("upload.empty", null, { table: "Nakes" });

  // Cross-row findings arrive after the pass; put them back into row order (stable: a row's own
  // findings stay before those comparing it with others).
  const passEnd = s.issues.length;
  const errorRows = cross.finish({
    nik: (r) => at(rows[r]!, ix.nik),
    nip: (r) => at(rows[r]!, ix.nip),
    str: (r) => at(rows[r]!, ix.no_str),
  });
  const issues = mergeByRow(s.issues, headerIssueCount, passEnd);
  const kept = withoutRows(records, errorRows);
  // A table missing a required column has no complete row: its records would mislead.
  const usable = headers.issues.every((i) => i.code !== "header.missing");
  return { issues, records: usable ? kept : [], niks: cross.nikSet() };
}
