import type { Cell, Table } from "../schema/cell";
import type { Counts, Issue, Lang } from "../schema/issue";
import type { FasyankesRecord, PendudukRecord } from "../schema/records";
import type { KategoriPuskesmas } from "../reference/codes";
import { cellDisplay, cellText } from "../normalize/cell";
import { readCategory, readFacilityCode, readFacilityKind } from "../normalize/codes";
import { readFlag, readInteger } from "../normalize/flags";
import { categories, facilityKinds, kindOfCode, regionOfCode } from "../reference/facilities";
import { kabupatenByKode, isProvinceNumber, provincesWithRegencies } from "../reference/wilayah";
import { matchHeaders, type TableKind } from "../table/headers";
import { at, columnIndex, isBlankRow } from "./columns";
import { countIssues } from "../rules/count";
import { columnRef } from "./labels";
import { RELATED_LIMIT } from "./cross-row";
import { inScope, regionInScope } from "./scope";
import type { FacilityFact } from "./types";
import { Sink } from "./sink";

/** What the checks of the province's masters need: the language, and the admin's scope when the Worker has it. */
export interface MasterContext {
  lang?: Lang;
  /** Region-code prefix of the admin's token; rows outside it are refused. Absent → not checked. */
  scope?: string;
  /**
   * The stored master rows of the codes in the table (the Worker reads them): a change needs the
   * stored row, as well as the new one, inside `scope` (SPEC §7 Access). Absent → only new rows checked.
   */
  stored?: ReadonlyMap<string, FacilityFact>;
}

export interface MasterResult<R> {
  ok: boolean;
  counts: Counts;
  issues: Issue[];
  /** Rows without an error, normalised. */
  records: R[];
}

const KINDS = facilityKinds.map((k) => k.code).join(", ");
const CATEGORIES = categories.map((k) => k.code).join(", ");

/**
 * A region code as the table gave it: text or a number cell (a 4-digit code survives as a number),
 * digits only; else null.
 */
function regionText(v: Cell): string | null {
  const t = typeof v === "number" && Number.isInteger(v) && v >= 0 ? String(v) : cellText(v);
  return t !== null && /^\d+$/.test(t) ? t : null;
}

/**
 * Whether a 2/4/6-digit code names a region this project knows: its province must exist; where the
 * reference lists the province's regencies (Banten, Bengkulu, Kalimantan Utara), the regency too.
 */
function knownRegion(code: string): boolean {
  if (!isProvinceNumber(Number(code.slice(0, 2)))) return false;
  if (code.length >= 4 && provincesWithRegencies.has(code.slice(0, 2))) return kabupatenByKode.has(code.slice(0, 4));
  return true;
}

function begin(table: Table, kind: TableKind, lang: Lang) {
  const s = new Sink(kind, lang);
  const columns = Array.isArray(table?.columns) ? table.columns : [];
  const rows: readonly Cell[][] = Array.isArray(table?.rows) ? table.rows : [];
  const headers = matchHeaders(columns.map(String), kind, lang);
  // Never spread a list into a call: its length is the caller's (issue 10, attack finding 4).
  for (const issue of headers.issues) s.issues.push(issue);
  const usable = headers.issues.every((i) => i.code !== "header.missing");
  return { s, rows, keys: headers.keys, usable };
}

function finish<R>(s: Sink, records: R[], usable: boolean, dataRows: number, tableName: string, errorRows: Set<number>, rowOf: (r: R) => number): MasterResult<R> {
  if (dataRows === 0) s.addTable("upload.empty", null, { table: tableName });
  const issues = s.issues.slice().sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  const counts = countIssues(issues);
  const kept = usable ? records.filter((r) => !errorRows.has(rowOf(r))) : [];
  return { ok: counts.error === 0, counts, issues, records: kept };
}

/** Flags a key held by several rows: every row an error; the first names the others (bounded), the others the first. */
function flagDuplicates(
  groups: Map<string, number[]>,
  column: string,
  flag: (row: number, related: NonNullable<Issue["related"]>, key: string) => void,
  errorRows: Set<number>,
): void {
  for (const [key, rows] of groups) {
    if (rows.length < 2) continue;
    const first = rows[0]!;
    for (const row of rows) {
      const others = row === first ? rows.slice(1, 1 + RELATED_LIMIT) : [first];
      flag(row, others.map((r) => ({ row: r, column })), key);
      errorRows.add(row);
    }
  }
}

/**
 * The facility codes a PUT /v1/facilities table names, read as validateFacilities reads them: what the
 * Worker looks up in the stored master before validating (MasterContext.stored). Empty when the
 * table's headers cannot be read.
 */
export function facilityCodesOf(table: Table): string[] {
  const columns = Array.isArray(table?.columns) ? table.columns : [];
  const rows: readonly Cell[][] = Array.isArray(table?.rows) ? table.rows : [];
  const ix = columnIndex<FKey>("fasyankes", matchHeaders(columns.map(String), "fasyankes", "id").keys);
  const out = new Set<string>();
  if (ix.kode < 0) return [];
  for (const cells of rows) {
    if (!Array.isArray(cells)) continue;
    const kode = readFacilityCode(at(cells, ix.kode));
    if (kode !== null) out.add(kode);
  }
  return [...out];
}

type FKey = "kode" | "nama" | "jenis" | "kode_wilayah" | "kecamatan" | "kategori" | "rawat_inap" | "poned" | "aktif";

/**
 * A facility's name as text that stays text in a sheet (SPEC §7 Access, issue 10): it begins with a
 * letter or digit (so never `=`, `+`, `-`, `@`, a tab: no real facility name begins so) and holds no
 * control character. Null when fine, else what is wrong, in both languages.
 */
function facilityNameProblem(nama: string): { id: string; en: string } | null {
  if (nama.length < 2 || nama.length > 200) return { id: "2–200 karakter", en: "2–200 characters" };
  if (!/^[\p{L}\p{N}]/u.test(nama)) return { id: "nama harus diawali huruf atau angka (bukan rumus seperti =…)", en: "a name must begin with a letter or digit (not a formula such as =…)" };
  if (/[\p{Cc}\p{Cf}]/u.test(nama)) return { id: "nama tidak boleh berisi karakter kontrol", en: "a name must not hold control characters" };
  return null;
}

/**
 * PUT /v1/facilities (SPEC §3.3). A code's shape fixes its kind and region (shared/reference/facilities:
 * puskesmas P + 10 digits whose first six are the kecamatan; hospitals 7 digits, the first four the
 * regency; clinics K and labs L + the regency + 3–6 digits): a code of another kind's shape, or of
 * none, is `fasyankes.kode_format`; columns that disagree with the code's region are
 * `fasyankes.wilayah_mismatch`. With a scope, the new row and the stored one (ctx.stored) must both
 * lie in it (`kode_fasyankes.out_of_scope`). kategori is for puskesmas only (and needed there: the
 * staffing standard depends on it); Y/N flags default to N (rawat_inap, poned) and Y (aktif).
 */
export function validateFacilities(table: Table, ctx: MasterContext = {}): MasterResult<FasyankesRecord> {
  const lang: Lang = ctx.lang === "en" ? "en" : "id";
  const { s, rows, keys, usable } = begin(table, "fasyankes", lang);
  const ix = columnIndex<FKey>("fasyankes", keys);
  const records: FasyankesRecord[] = [];
  const byKode = new Map<string, number[]>();
  let dataRows = 0;

  const invalid = (column: FKey, v: Cell, expected: string, expected_en: string) =>
    s.add("fasyankes.invalid", column, { ...columnRef("fasyankes", column), value: cellDisplay(v), expected, expected_en }, v);
  const required = (column: FKey) => s.add("required", column, columnRef("fasyankes", column));
  const flag = (column: FKey, fallback: boolean): boolean => {
    const v = at(row, ix[column]);
    if (cellText(v) === null) return fallback;
    const f = readFlag(v);
    if (f === null) {
      invalid(column, v, "isi Y atau N", "enter Y or N");
      return fallback;
    }
    return f;
  };
  let row: readonly Cell[] = [];

  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!Array.isArray(cells) || isBlankRow(cells)) continue;
    row = cells;
    dataRows++;
    s.at(r, row, ix);

    const kodeCell = at(row, ix.kode);
    const kode = readFacilityCode(kodeCell);
    if (kode === null) {
      if (ix.kode >= 0) required("kode");
    } else {
      const list = byKode.get(kode);
      if (list) list.push(r);
      else byKode.set(kode, [r]);
    }

    const jenisCell = at(row, ix.jenis);
    const jenis = readFacilityKind(jenisCell);
    if (jenis === null) {
      if (cellText(jenisCell) === null) {
        if (ix.jenis >= 0) required("jenis");
      } else invalid("jenis", jenisCell, `pilih salah satu: ${KINDS}`, `pick one of: ${KINDS}`);
    }

    const nama = cellText(at(row, ix.nama));
    if (nama === null) {
      if (ix.nama >= 0) required("nama");
    } else {
      const problem = facilityNameProblem(nama);
      if (problem) invalid("nama", at(row, ix.nama), problem.id, problem.en);
    }

    const wilayahCell = at(row, ix.kode_wilayah);
    let wilayah = regionText(wilayahCell);
    if (wilayah === null) {
      if (cellText(wilayahCell) === null) {
        if (ix.kode_wilayah >= 0) required("kode_wilayah");
      } else invalid("kode_wilayah", wilayahCell, "kode kabupaten/kota 4 digit", "a 4-digit regency code");
    } else if (wilayah.length !== 4 || !knownRegion(wilayah)) {
      invalid("kode_wilayah", wilayahCell, "kode kabupaten/kota 4 digit yang terdaftar", "a known 4-digit regency code");
      wilayah = null;
    }

    // The code carries the kind and the region: they must agree with the columns that say them too.
    let kecamatanFromCode: string | null = null;
    if (kode !== null) {
      const kindOf = kindOfCode(kode);
      if (kindOf === null || (jenis !== null && kindOf !== jenis)) s.add("fasyankes.kode_format", "kode", { value: kode, jenis: jenis ?? "" }, kodeCell);
      else if (jenis !== null) {
        const codeRegion = regionOfCode(kode)!;
        if (codeRegion.length === 6) kecamatanFromCode = codeRegion;
        if (wilayah !== null && codeRegion.slice(0, 4) !== wilayah) {
          s.add("fasyankes.wilayah_mismatch", "kode_wilayah", { ...columnRef("fasyankes", "kode_wilayah"), value: wilayah, expected: codeRegion.slice(0, 4) }, wilayahCell);
        }
      }
    }

    const kecCell = at(row, ix.kecamatan);
    let kecamatan = regionText(kecCell);
    if (kecamatan === null) {
      if (cellText(kecCell) !== null) invalid("kecamatan", kecCell, "kode kecamatan 6 digit", "a 6-digit district code");
      kecamatan = kecamatanFromCode;
    } else if (kecamatan.length !== 6 || (wilayah !== null && !kecamatan.startsWith(wilayah))) {
      invalid("kecamatan", kecCell, "kode kecamatan 6 digit di dalam kabupaten/kota itu", "a 6-digit district code inside that regency");
      kecamatan = null;
    } else if (kecamatanFromCode !== null && kecamatan !== kecamatanFromCode) {
      s.add("fasyankes.wilayah_mismatch", "kecamatan", { ...columnRef("fasyankes", "kecamatan"), value: kecamatan, expected: kecamatanFromCode }, kecCell);
    }

    const katCell = at(row, ix.kategori);
    let kategori: KategoriPuskesmas | null = null;
    if (cellText(katCell) !== null) {
      kategori = readCategory(katCell);
      if (kategori === null) invalid("kategori", katCell, `pilih salah satu: ${CATEGORIES}`, `pick one of: ${CATEGORIES}`);
      else if (jenis !== null && jenis !== "PUSKESMAS") {
        invalid("kategori", katCell, "kategori hanya untuk puskesmas; kosongkan", "a category is for puskesmas only; leave it empty");
        kategori = null;
      }
    } else if (jenis === "PUSKESMAS") required("kategori");

    const rawatInap = flag("rawat_inap", false);
    const poned = flag("poned", false);
    const aktif = flag("aktif", true);

    if (ctx.scope !== undefined && kode !== null) {
      // Both what the row would become and what is stored under its code (a takeover moves a facility out of another's region).
      const region = kecamatan ?? wilayah;
      const next = jenis !== null && region !== null ? inScope(kode, ctx.scope, { kode, jenis, kode_wilayah: region.slice(0, 4), kecamatan, aktif: true }) : null;
      const before = ctx.stored?.get(kode);
      if (next === false || (before !== undefined && inScope(kode, ctx.scope, before) !== true)) {
        s.add("kode_fasyankes.out_of_scope", "kode", { value: kode, scope: ctx.scope }, kodeCell);
      }
    }

    if (!s.error && kode !== null && nama !== null && jenis !== null && wilayah !== null) {
      records.push({ row: r, kode, nama, jenis, kode_wilayah: wilayah, kecamatan, kategori, rawat_inap: rawatInap, poned, aktif });
    }
  }

  const errorRows = new Set<number>();
  flagDuplicates(byKode, "kode", (row, related, kode) => s.addAt(row, "fasyankes.duplicate", "kode", { value: kode }, at(rows[row]!, ix.kode), related), errorRows);
  return finish(s, records, usable, dataRows, "Fasyankes", errorRows, (x) => x.row);
}

type PKey = "kode_wilayah" | "tahun" | "jumlah";

/** PUT /v1/population (SPEC §3.4): kode_wilayah 2/4/6 digits, tahun, jumlah ≥ 0; one figure per region and year. */
export function validatePopulation(table: Table, ctx: MasterContext = {}): MasterResult<PendudukRecord> {
  const lang: Lang = ctx.lang === "en" ? "en" : "id";
  const { s, rows, keys, usable } = begin(table, "penduduk", lang);
  const ix = columnIndex<PKey>("penduduk", keys);
  const records: PendudukRecord[] = [];
  const byKey = new Map<string, number[]>();
  let dataRows = 0;
  const invalid = (column: PKey, v: Cell, expected: string, expected_en: string) =>
    s.add("penduduk.invalid", column, { ...columnRef("penduduk", column), value: cellDisplay(v), expected, expected_en }, v);

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || isBlankRow(row)) continue;
    dataRows++;
    s.at(r, row, ix);

    const kodeCell = at(row, ix.kode_wilayah);
    let kode = regionText(kodeCell);
    if (kode === null) {
      if (cellText(kodeCell) === null) {
        if (ix.kode_wilayah >= 0) s.add("required", "kode_wilayah", columnRef("penduduk", "kode_wilayah"));
      } else invalid("kode_wilayah", kodeCell, "kode wilayah 2, 4 atau 6 digit", "a region code of 2, 4 or 6 digits");
    } else if (![2, 4, 6].includes(kode.length) || !knownRegion(kode)) {
      invalid("kode_wilayah", kodeCell, "kode provinsi, kabupaten/kota atau kecamatan yang terdaftar (2, 4 atau 6 digit)", "a known province, regency or district code (2, 4 or 6 digits)");
      kode = null;
    } else if (ctx.scope !== undefined && !regionInScope(kode, ctx.scope)) {
      s.add("penduduk.out_of_scope", "kode_wilayah", { value: kode, scope: ctx.scope }, kodeCell);
    }

    const tahunCell = at(row, ix.tahun);
    let tahun = readInteger(tahunCell);
    if (tahun === null && cellText(tahunCell) === null) {
      if (ix.tahun >= 0) s.add("required", "tahun", columnRef("penduduk", "tahun"));
    } else if (tahun === null || tahun < 1990 || tahun > 2100) {
      invalid("tahun", tahunCell, "tahun antara 1990 dan 2100", "a year from 1990 to 2100");
      tahun = null;
    }

    const jumlahCell = at(row, ix.jumlah);
    let jumlah = readCount(jumlahCell);
    if (jumlah === null && cellText(jumlahCell) === null) {
      if (ix.jumlah >= 0) s.add("required", "jumlah", columnRef("penduduk", "jumlah"));
    } else if (jumlah === null) {
      invalid("jumlah", jumlahCell, "bilangan bulat 0 atau lebih", "a whole number, 0 or more");
      jumlah = null;
    }

    if (kode !== null && tahun !== null) {
      const key = `${kode}|${tahun}`;
      const list = byKey.get(key);
      if (list) list.push(r);
      else byKey.set(key, [r]);
    }
    if (!s.error && kode !== null && tahun !== null && jumlah !== null) records.push({ row: r, kode_wilayah: kode, tahun, jumlah });
  }

  const errorRows = new Set<number>();
  flagDuplicates(
    byKey,
    "kode_wilayah",
    (row, related, key) => {
      const [kode, tahun] = key.split("|") as [string, string];
      s.addAt(row, "penduduk.duplicate", "kode_wilayah", { kode_wilayah: kode, tahun: Number(tahun) }, at(rows[row]!, ix.kode_wilayah), related);
    },
    errorRows,
  );
  return finish(s, records, usable, dataRows, "Penduduk", errorRows, (x) => x.row);
}

/** A population count: a whole number ≥ 0, from a number cell or text with thousands separators ("12.500", "12,500", "12 500"). */
function readCount(v: Cell): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? v : null;
  const t = cellText(v);
  if (t === null) return null;
  if (/^\d{1,3}([., ]\d{3})+$/.test(t)) return Number(t.replace(/[., ]/g, ""));
  const n = readInteger(t);
  return n !== null && n >= 0 ? n : null;
}
