import type { Cell } from "../schema/cell";
import type { RosterRequest } from "../schema/roster";
import { Random } from "./random";

/**
 * Headers as offices write them (SPEC §3.1 "Headers as people write them"): required marks, hints in
 * parentheses or after a colon, abbreviations. Keys not listed keep the template's header.
 */
const SHEET_HEADERS: Readonly<Record<string, string>> = {
  nik: "NIK (16 digit)*",
  nip: "NIP/NI PPPK",
  nama: "Nama Lengkap*",
  jenis_kelamin: "Jenis Kelamin (L/P)*",
  tanggal_lahir: "Tanggal Lahir: dd/mm/yyyy*",
  jenis_tenaga: "Jenis Tenaga*",
  pendidikan: "Pendidikan Terakhir",
  status_kepegawaian: "Status Kepegawaian*",
  kode_fasyankes: "Kode Puskesmas*",
  no_str: "No. STR",
  str_berlaku_sampai: "Masa Berlaku STR",
  no_sip: "No. SIP",
  sip_berlaku_sampai: "Masa Berlaku SIP",
  tmt_penugasan: "TMT",
  keterangan: "Ket",
};

/** Columns whose empty cells offices fill with a placeholder (all optional: the records stay the same). */
const PLACEHOLDER_COLUMNS = new Set(["nip", "pendidikan", "no_str", "str_berlaku_sampai", "no_sip", "sip_berlaku_sampai", "tmt_penugasan", "keterangan"]);
const PLACEHOLDERS = ["-", "-", "-", "–", "Belum ada", "tidak ada", "N/A", "nihil", "."];

/**
 * A generated roster as an office's own sheet holds it (issue 11): headers with marks and hints,
 * placeholders in empty optional cells, and below the people a blank row, a totals row and the
 * signature block. Every person and record stays what it was (the extra rows are skipped with a
 * `row.skipped` info, the placeholders read as empty), so figures computed from the roster do not
 * change. Uses its own random stream: the people are the generator's, untouched.
 */
export function asOfficeSheet(req: RosterRequest, seed: number): RosterRequest {
  const r = new Random(seed ^ 0x5eed);
  const keys = req.nakes.columns;
  const persons = req.nakes.rows.length;
  const rows: Cell[][] = req.nakes.rows.map((row) =>
    row.map((v, i) => (v === null && PLACEHOLDER_COLUMNS.has(keys[i]!) && r.chance(0.3) ? r.pick(PLACEHOLDERS) : v)),
  );
  const line = (key: string, text: string): Cell[] => keys.map((k) => (k === key ? text : null));
  const last = keys.includes("keterangan") ? "keterangan" : keys[keys.length - 1]!;
  rows.push(
    keys.map(() => null),
    keys.map((k) => (k === "nik" ? "JUMLAH" : k === "nama" ? `${persons} orang` : null)),
    line(last, "Mukomuko, 1 November 2026"),
    line(last, "Mengetahui,"),
    line(last, "Kepala Dinas Kesehatan Kabupaten Mukomuko"),
    keys.map(() => null),
    line(last, "dr. Hendra Saputra, M.Kes"),
    line(last, "NIP. 19750312 200312 1 004"),
  );
  return { ...req, nakes: { columns: keys.map((k) => SHEET_HEADERS[k] ?? k), rows } };
}
