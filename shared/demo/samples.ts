import Papa from "papaparse";
import type { Cell } from "../schema/cell";
import type { RosterRequest } from "../schema/roster";
import { dayOf, monthOf, yearOf } from "../normalize/calendar";
import { fromExcelSerial } from "../normalize/dates";
import { nakesColumns } from "../table/columns";
import { keyOfHeader } from "../table/headers";
import { mukomukoFacilities } from "./facilities";
import { generateRoster, NAKES_KEYS } from "./roster";

export const SAMPLE_AS_OF = "2026-11-01";

/**
 * The Mukomuko roster of 600 people: messy as real sheets are (and laid out as an office's own sheet:
 * header hints, placeholders, a totals row and a signature block), yet without a single error.
 */
export function mukomukoSample(): RosterRequest {
  return generateRoster({ rows: 600, seed: 1706, asOf: SAMPLE_AS_OF, facilities: mukomukoFacilities, messy: true, sheet: true });
}

/** The title rows an office puts above its table, in the sample CSV (the header finder skips them). */
export const SAMPLE_TITLE = ["DATA TENAGA KESEHATAN KABUPATEN MUKOMUKO", "Keadaan 1 November 2026"];

const DATE_KEYS = new Set(["tanggal_lahir", "str_berlaku_sampai", "sip_berlaku_sampai", "tmt_penugasan"]);

/**
 * The Nakes table as Indonesian Excel saves it as CSV: ";" between fields (the comma is the decimal
 * mark there), the template's headers (or the sheet's own), a byte-order mark, and date cells written
 * as they are shown (dd/mm/yyyy), since a CSV holds the displayed text, not the serial. `title`: lines
 * above the header, then a blank line, as offices put them.
 */
export function toExcelCsv(req: RosterRequest, o: { title?: readonly string[] } = {}): string {
  const columns = req.nakes.columns;
  const keys = columns.map((c) => keyOfHeader(c, "nakes") ?? c);
  const header = columns.map((c, i) => (c === keys[i] ? (nakesColumns.find((d) => d.key === c)?.header ?? c) : c));
  // Excel writes a title row as wide as the table: the text, then empty fields.
  const title = (o.title ?? []).map((t) => [t, ...columns.slice(1).map(() => "")]);
  if (title.length > 0) title.push(columns.map(() => ""));
  const rows = req.nakes.rows.map((row) =>
    row.map((v, i) => {
      if (typeof v === "number" && DATE_KEYS.has(keys[i]!)) {
        const p = fromExcelSerial(v);
        return p > 0 ? `${String(dayOf(p)).padStart(2, "0")}/${String(monthOf(p)).padStart(2, "0")}/${yearOf(p)}` : String(v);
      }
      return v === null ? "" : String(v);
    }),
  );
  return "\ufeff" + Papa.unparse([...title, header, ...rows], { delimiter: ";", newline: "\r\n" }) + "\r\n";
}

type Row = Cell[];
const col = (k: (typeof NAKES_KEYS)[number]) => NAKES_KEYS.indexOf(k);

/**
 * 30 clean rows, then one deliberate mistake per rule on rows chosen for it (a row with a SIP for
 * sip.expired, a PNS for nip.required…). `mistakes` says which row carries what.
 */
export function errorSample(): { request: RosterRequest; mistakes: { row: number; code: string; table: "nakes" | "pelatihan" }[] } {
  const req = generateRoster({ rows: 30, seed: 36, asOf: SAMPLE_AS_OF, facilities: mukomukoFacilities, messy: false });
  const rows = req.nakes.rows;
  const mistakes: { row: number; code: string; table: "nakes" | "pelatihan" }[] = [];
  const used = new Set<number>();
  const take = (code: string, fits: (r: Row) => boolean, change: (r: Row, i: number) => void) => {
    const i = rows.findIndex((r, i) => !used.has(i) && !used.has(i - 1) && fits(r));
    if (i < 0) return;
    used.add(i);
    change(rows[i]!, i);
    mistakes.push({ row: i, code, table: "nakes" });
  };
  const any = () => true;

  take("nik.format", any, (r) => (r[col("nik")] = String(r[col("nik")]).slice(0, 15)));
  take("nik.precision_lost", any, (r) => (r[col("nik")] = Number(r[col("nik")])));
  take("nik.duplicate", (r) => r[col("status_kepegawaian")] === "KONTRAK_DAERAH", (r, i) => {
    // The row above gets this person's NIK as well: both rows are flagged, each naming the other.
    const above = rows[i - 1]!;
    for (const k of ["nik", "kode_fasyankes", "nama", "tanggal_lahir", "jenis_kelamin", "nip", "status_kepegawaian"] as const) above[col(k)] = r[col(k)] ?? null;
    used.add(i - 1);
  });
  take("sip.expired", (r) => r[col("no_sip")] !== null, (r) => (r[col("sip_berlaku_sampai")] = "2026-09-30"));
  take("str.required", (r) => r[col("jenis_tenaga")] === "BIDAN" || r[col("jenis_tenaga")] === "PERAWAT", (r) => (r[col("no_str")] = null));
  take("nip.required", (r) => r[col("status_kepegawaian")] === "PNS", (r) => (r[col("nip")] = null));
  take("tanggal_lahir.invalid", any, (r) => (r[col("tanggal_lahir")] = "31/02/1990"));
  take("jenis_tenaga.unknown", any, (r) => (r[col("jenis_tenaga")] = "Dukun Beranak"));
  take("penugasan.tmt_required", (r) => r[col("status_kepegawaian")] === "KONTRAK_DAERAH", (r) => {
    r[col("status_kepegawaian")] = "PENUGASAN_KHUSUS";
    r[col("tmt_penugasan")] = null;
  });
  take("date.invalid", (r) => r[col("no_sip")] !== null, (r) => (r[col("sip_berlaku_sampai")] = "30/09/27"));
  take("jenis_kelamin.invalid", any, (r) => (r[col("jenis_kelamin")] = "X"));
  take("nama.format", any, (r) => (r[col("nama")] = "Budi 2"));

  const training = req.pelatihan!.rows;
  const firstNik = rows.find((_, i) => !used.has(i))![col("nik")] ?? null;
  training.push([firstNik, "Pelatihan Jantung", 2024, "RSUD Mukomuko"]);
  mistakes.push({ row: training.length - 1, code: "pelatihan.kode_unknown", table: "pelatihan" });
  training.push([firstNik, "PPI", 1985, "Dinas Kesehatan Provinsi Bengkulu"]);
  mistakes.push({ row: training.length - 1, code: "pelatihan.tahun", table: "pelatihan" });
  return { request: req, mistakes };
}

/** File name → content, as scripts/make-samples.ts writes them into samples/. */
export function buildSamples(): Record<string, string> {
  const mukomuko = mukomukoSample();
  return {
    "roster-mukomuko.json": JSON.stringify(mukomuko, null, 1) + "\n",
    "roster-mukomuko.csv": toExcelCsv(mukomuko, { title: SAMPLE_TITLE }),
    "roster-with-errors.json": JSON.stringify(errorSample().request, null, 1) + "\n",
  };
}
