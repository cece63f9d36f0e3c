import type { Cell } from "../schema/cell";
import { NAKES_KEYS, type FasyankesRecord } from "../schema/records";
import type { RosterRequest } from "../schema/roster";
import type { JenisTenaga, KodePelatihan, Pendidikan, StatusKepegawaian } from "../reference/codes";
import { addDays, dayOf, fromIso, monthOf, pack, toIso, yearOf } from "../normalize/calendar";
import { toExcelSerial } from "../normalize/dates";
import { professionByCode } from "../reference/professions";
import { kabupatenList } from "../reference/wilayah";
import { demoFacilities } from "./facilities";
import { familyNames, namesL, namesP } from "./names";
import { Random } from "./random";
import { asOfficeSheet } from "./sheet";

export interface GenerateOptions {
  rows: number;
  seed?: number;
  /** Roster date, ISO; default 2026-11-01. */
  asOf?: string;
  facilities?: readonly FasyankesRecord[];
  /**
   * Write values the way facilities' own sheets do: dates as Excel serials, 01/11/2026, 1 Nov 2026;
   * profession aliases; NIKs and NIPs with spaces or dots; other spellings of sex and status; a few
   * SIPs due within 90 days and nakes without a SIP (warnings). Still free of errors.
   */
  messy?: boolean;
  /** Also a Pelatihan table (default true). */
  pelatihan?: boolean;
  /**
   * As an office's own sheet (issue 11, see ./sheet): headers with marks and hints, placeholders in
   * empty optional cells, a totals row and a signature block below the people. Same people and records.
   */
  sheet?: boolean;
  /**
   * Identifiers already given out. Rosters generated for one database share these sets, so no NIP or
   * STR lands on two different people across them (the server refuses a NIP on two NIKs).
   */
  used?: UsedIdentifiers;
}

export interface UsedIdentifiers {
  nik: Set<string>;
  nip: Set<string>;
  str: Set<string>;
}

export function usedIdentifiers(): UsedIdentifiers {
  return { nik: new Set(), nip: new Set(), str: new Set() };
}

export { NAKES_KEYS };

export const PELATIHAN_KEYS = ["nik", "kode_pelatihan", "tahun", "penyelenggara"] as const;

const PUSKESMAS_MIX: readonly (readonly [JenisTenaga, number])[] = [
  ["DOKTER", 6], ["DOKTER_GIGI", 2], ["PERAWAT", 24], ["BIDAN", 24], ["APOTEKER", 2], ["TTK", 3], ["PROMKES", 3],
  ["EPIDEMIOLOG", 1], ["SANITARIAN", 3], ["NUTRISIONIS", 3], ["ATLM", 3], ["PEREKAM_MEDIS", 2], ["NAKES_LAIN", 1],
  ["ADMINISTRASI", 10], ["PEKARYA", 6],
];
const HOSPITAL_MIX: readonly (readonly [JenisTenaga, number])[] = [
  ["DOKTER", 6], ["DOKTER_SPESIALIS", 6], ["DOKTER_GIGI", 1], ["DOKTER_GIGI_SPESIALIS", 1], ["PERAWAT", 34], ["BIDAN", 10],
  ["APOTEKER", 3], ["TTK", 4], ["ATLM", 4], ["RADIOGRAFER", 2], ["FISIOTERAPIS", 2], ["PEREKAM_MEDIS", 3], ["NUTRISIONIS", 2],
  ["SANITARIAN", 1], ["PSIKOLOG_KLINIS", 1], ["ADMINISTRASI", 10], ["PEKARYA", 7],
];

const STATUS_MIX: readonly (readonly [StatusKepegawaian, number])[] = [
  ["PNS", 45], ["PPPK", 16], ["KONTRAK_DAERAH", 22], ["PENUGASAN_KHUSUS", 6], ["NUSANTARA_SEHAT", 3], ["LAINNYA", 1],
];

const PENDIDIKAN: Partial<Record<JenisTenaga, readonly Pendidikan[]>> = {
  DOKTER: ["Profesi"], DOKTER_SPESIALIS: ["Sp"], DOKTER_GIGI: ["Profesi"], DOKTER_GIGI_SPESIALIS: ["Sp"],
  PERAWAT: ["D3", "D3", "Profesi", "S1"], BIDAN: ["D3", "D3", "D4", "Profesi"], APOTEKER: ["Profesi"], TTK: ["D3", "SMA"],
  PROMKES: ["S1", "D3"], EPIDEMIOLOG: ["S1", "S2"], SANITARIAN: ["D3", "D4"], NUTRISIONIS: ["D3", "D4", "S1"], ATLM: ["D3", "D4"],
  RADIOGRAFER: ["D3"], FISIOTERAPIS: ["D3", "D4"], PEREKAM_MEDIS: ["D3"], PSIKOLOG_KLINIS: ["Profesi", "S2"], NAKES_LAIN: ["D3"],
  ADMINISTRASI: ["SMA", "D3", "S1"], PEKARYA: ["SMA", "lain"],
};

/** Other names sheets use for a profession (aliases of SPEC §4.1 and plain case variants). */
const MESSY_JENIS: Partial<Record<JenisTenaga, readonly string[]>> = {
  DOKTER: ["Dokter Umum", "dokter", "dr"],
  DOKTER_GIGI: ["Dokter Gigi", "drg"],
  PERAWAT: ["Perawat", "perawat"],
  BIDAN: ["Bidan", "bidan"],
  ATLM: ["Analis Kesehatan", "Pranata Laboratorium Kesehatan", "Analis Lab"],
  NUTRISIONIS: ["Ahli Gizi", "Gizi"],
  TTK: ["Asisten Apoteker", "Tenaga Teknis Kefarmasian"],
  SANITARIAN: ["Kesling", "Sanitarian"],
  PROMKES: ["Promosi Kesehatan", "Penyuluh Kesehatan"],
  ADMINISTRASI: ["TU", "Tata Usaha", "Keuangan", "Operator SIK", "Administrasi"],
  PEKARYA: ["Sopir", "Cleaning Service", "Satpam", "Pekarya"],
};
const MESSY_STATUS: Partial<Record<StatusKepegawaian, readonly string[]>> = {
  PNS: ["pns", "PNS"],
  PPPK: ["P3K", "pppk"],
  KONTRAK_DAERAH: ["Honorer", "Kontrak", "BLUD"],
  PENUGASAN_KHUSUS: ["Penugasan Khusus"],
  NUSANTARA_SEHAT: ["Nusantara Sehat"],
};
const MESSY_SEX = { L: ["Laki-laki", "Pria", "l", "LAKI-LAKI"], P: ["Perempuan", "Wanita", "p", "PEREMPUAN"] } as const;

const TITLES: Partial<Record<JenisTenaga, (name: string, r: Random) => string>> = {
  DOKTER: (n) => `dr. ${n}`,
  DOKTER_SPESIALIS: (n, r) => `dr. ${n}, ${r.pick(["Sp.A", "Sp.OG", "Sp.PD", "Sp.B", "Sp.An"])}`,
  DOKTER_GIGI: (n) => `drg. ${n}`,
  DOKTER_GIGI_SPESIALIS: (n, r) => `drg. ${n}, ${r.pick(["Sp.KGA", "Sp.Ort"])}`,
  PERAWAT: (n, r) => (r.chance(0.5) ? `${n}, S.Kep., Ners` : `${n}, A.Md.Kep`),
  BIDAN: (n, r) => (r.chance(0.5) ? `${n}, A.Md.Keb` : `${n}, S.Tr.Keb`),
  APOTEKER: (n) => `apt. ${n}, S.Farm`,
  TTK: (n) => `${n}, A.Md.Farm`,
  NUTRISIONIS: (n) => `${n}, A.Md.Gz`,
  SANITARIAN: (n) => `${n}, A.Md.KL`,
  PROMKES: (n) => `${n}, S.KM`,
  ATLM: (n) => `${n}, A.Md.AK`,
};

const PENYELENGGARA = ["Dinas Kesehatan Provinsi Bengkulu", "Bapelkes Bengkulu", "Kementerian Kesehatan", "Dinas Kesehatan Kabupaten Mukomuko", "BBPK Jakarta"];

/** The trainings a profession plausibly has. */
const TRAININGS: Partial<Record<JenisTenaga, readonly KodePelatihan[]>> = {
  DOKTER: ["PONED", "PPI", "TB_DOTS", "MTBS", "IMS_HIV", "K3_FASYANKES"],
  BIDAN: ["PONED", "PPI", "MTBS"],
  PERAWAT: ["PONED", "PPI", "BTCLS", "TB_DOTS", "K3_FASYANKES"],
  SANITARIAN: ["PENGELOLAAN_LIMBAH", "K3_FASYANKES", "PPI"],
  DOKTER_SPESIALIS: ["PONEK", "PPI"],
  ATLM: ["TB_DOTS", "IMS_HIV", "PPI"],
  NUTRISIONIS: ["MTBS"],
  PROMKES: ["LAINNYA"],
};

interface Person {
  nik: string;
  nip: string | null;
  nama: string;
  sex: "L" | "P";
  birth: number;
  jenis: JenisTenaga;
  status: StatusKepegawaian;
  str: string | null;
}

/**
 * A deterministic demo roster: realistic Indonesian names, NIKs whose region and DDMMYY(+40) digits
 * agree with the person, NIPs for PNS/PPPK built from birth date and sex, STR/SIP numbers, TMT for
 * special assignments, and a Pelatihan table. With `messy` the values come in the many forms real
 * sheets hold; either way the roster validates without errors at `asOf`.
 */
export function generateRoster(options: GenerateOptions): RosterRequest {
  const r = new Random(options.seed ?? 1706);
  const asOfIso = options.asOf ?? "2026-11-01";
  const asOf = fromIso(asOfIso) || fromIso("2026-11-01");
  const asOfYear = yearOf(asOf);
  const messy = options.messy === true;
  const facilities = (options.facilities ?? demoFacilities).filter((f) => f.aktif);
  const weights = facilities.map((f) => [f, f.jenis === "RUMAH_SAKIT" ? 4 : f.rawat_inap ? 1.6 : 1] as const);
  const { nik: usedNik, nip: usedNip, str: usedStr } = options.used ?? usedIdentifiers();
  const rows: Cell[][] = [];
  const training: Cell[][] = [];

  const date = (p: number): Cell => {
    if (!messy) return toIso(p);
    const style = r.weighted([["iso", 40], ["serial", 25], ["slash", 15], ["dash", 8], ["short", 6], ["long", 6]] as const);
    const dd = String(dayOf(p)).padStart(2, "0");
    const mm = String(monthOf(p)).padStart(2, "0");
    switch (style) {
      case "serial":
        return toExcelSerial(p);
      case "slash":
        return `${dd}/${mm}/${yearOf(p)}`;
      case "dash":
        return `${dd}-${mm}-${yearOf(p)}`;
      case "short":
        return `${dayOf(p)} ${SHORT[monthOf(p) - 1]} ${yearOf(p)}`;
      case "long":
        return `${dayOf(p)} ${LONG[monthOf(p) - 1]} ${yearOf(p)}`;
      default:
        return toIso(p);
    }
  };

  const makePerson = (f: FasyankesRecord): Person => {
    const mix = f.jenis === "RUMAH_SAKIT" ? HOSPITAL_MIX : PUSKESMAS_MIX;
    const jenis = r.weighted(mix);
    const sex: "L" | "P" = jenis === "BIDAN" ? "P" : jenis === "PERAWAT" ? (r.chance(0.65) ? "P" : "L") : r.chance(0.5) ? "P" : "L";
    const age = r.int(23, 57);
    const birth = addDays(pack(asOfYear - age - 1, monthOf(asOf), dayOf(asOf) > 28 ? 28 : dayOf(asOf)), r.int(1, 364));
    let status = r.weighted(STATUS_MIX);
    if (f.jenis === "RUMAH_SAKIT" && status === "PENUGASAN_KHUSUS") status = "PNS";
    if (jenis === "DOKTER" && r.chance(0.05)) status = "INTERNSIP";
    const given = r.pick(sex === "L" ? namesL : namesP);
    const base = r.chance(0.7) ? `${given} ${r.pick(familyNames)}` : given;
    const nama = TITLES[jenis]?.(base, r) ?? base;
    return { nik: makeNik(r, f, birth, sex, usedNik), nip: makeNip(r, status, birth, sex, asOf, usedNip), nama, sex, birth, jenis, status, str: makeStr(r, jenis, usedStr) };
  };

  const addRow = (p: Person, f: FasyankesRecord) => {
    const prof = professionByCode.get(p.jenis)!;
    const hasSip = prof.needs_sip && (!messy || r.chance(0.95));
    const sipUntil = hasSip ? addDays(asOf, messy && r.chance(0.04) ? r.int(0, 90) : r.int(91, 5 * 365)) : 0;
    const strUntil = p.str === null ? null : r.chance(0.5) ? null : r.chance(0.6) ? "SEUMUR HIDUP" : date(addDays(asOf, r.int(200, 4000)));
    let tmt: Cell = null;
    if (p.status === "PENUGASAN_KHUSUS") tmt = date(addDays(asOf, -r.int(30, 5 * 365 - 30)));
    else if (p.status === "NUSANTARA_SEHAT") tmt = date(addDays(asOf, -r.int(30, 2 * 365)));
    const kode = messy && r.chance(0.03) ? f.kode.toLowerCase() : f.kode;
    rows.push([
      messy ? spacedId(r, p.nik) : p.nik,
      p.nip === null ? null : messy && r.chance(0.2) ? `${p.nip.slice(0, 8)} ${p.nip.slice(8, 14)} ${p.nip.slice(14, 15)} ${p.nip.slice(15)}` : p.nip,
      p.nama,
      messy && r.chance(0.3) ? r.pick(MESSY_SEX[p.sex]) : p.sex,
      date(p.birth),
      messy && r.chance(0.3) && MESSY_JENIS[p.jenis] ? r.pick(MESSY_JENIS[p.jenis]!) : p.jenis,
      r.chance(0.9) ? r.pick(PENDIDIKAN[p.jenis] ?? ["lain"]) : null,
      messy && r.chance(0.3) && MESSY_STATUS[p.status] ? r.pick(MESSY_STATUS[p.status]!) : p.status,
      kode,
      p.str,
      strUntil,
      hasSip ? `503/${r.int(100, 999)}/SIP-${p.jenis.slice(0, 3)}/DPMPTSP/${yearOf(sipUntil) - 5}` : null,
      hasSip ? date(sipUntil) : null,
      tmt,
      r.chance(0.05) ? r.pick(["Cuti melahirkan", "Tugas belajar", "Merangkap bendahara", "Pindahan dari Kabupaten Bengkulu Utara"]) : null,
    ]);
    const options = TRAININGS[p.jenis];
    if (options) {
      const taken = new Set<KodePelatihan>();
      const n = r.weighted([[0, 5], [1, 4], [2, 2]] as const);
      for (let i = 0; i < n; i++) {
        const kode = r.pick(options);
        if (kode === "PONED" && !f.poned && r.chance(0.7)) continue;
        if (taken.has(kode)) continue;
        taken.add(kode);
        const tahun = r.int(Math.max(1990, yearOf(p.birth) + 22), asOfYear);
        training.push([p.nik, kode, messy && r.chance(0.3) ? String(tahun) : tahun, r.pick(PENYELENGGARA)]);
      }
    }
  };

  while (rows.length < options.rows) {
    const f = r.weighted(weights);
    const p = makePerson(f);
    addRow(p, f);
    // Doctors often also practise at a hospital (one SIP per place, at most three places).
    if ((p.jenis === "DOKTER" || p.jenis === "DOKTER_SPESIALIS") && rows.length < options.rows && r.chance(0.2)) {
      const other = facilities.find((x) => x.jenis === "RUMAH_SAKIT" && x.kode !== f.kode && x.kode_wilayah === f.kode_wilayah);
      if (other) addRow({ ...p, status: p.status === "PENUGASAN_KHUSUS" || p.status === "NUSANTARA_SEHAT" ? "SWASTA" : p.status }, other);
    }
  }

  const req: RosterRequest = { as_of: asOfIso, nakes: { columns: [...NAKES_KEYS], rows } };
  if (options.pelatihan !== false) req.pelatihan = { columns: [...PELATIHAN_KEYS], rows: training };
  return options.sheet ? asOfficeSheet(req, options.seed ?? 1706) : req;
}

const SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const LONG = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** NIK: province, regency, kecamatan (mostly where the person works), DDMMYY with +40 for women, serial. */
export function makeNik(r: Random, f: FasyankesRecord, birth: number, sex: "L" | "P", used: Set<string>): string {
  const ddmmyy = () =>
    String(dayOf(birth) + (sex === "P" ? 40 : 0)).padStart(2, "0") + String(monthOf(birth)).padStart(2, "0") + String(yearOf(birth) % 100).padStart(2, "0");
  for (;;) {
    const region = f.kecamatan !== null && r.chance(0.8) ? f.kecamatan : `${r.pick(kabupatenList).kode}${String(r.int(1, 20)).padStart(2, "0")}`;
    const nik = region + ddmmyy() + String(r.int(1, 9999)).padStart(4, "0");
    if (!used.has(nik)) {
      used.add(nik);
      return nik;
    }
  }
}

/** NIP (PNS: birth, TMT CPNS yyyymm, sex, serial) or NI PPPK (birth, year, 2 digits, sex, serial); null for others. */
export function makeNip(r: Random, status: StatusKepegawaian, birth: number, sex: "L" | "P", asOf: number, used: Set<string>): string | null {
  if (status !== "PNS" && status !== "PPPK") return null;
  const b = toIso(birth).replace(/-/g, "");
  for (;;) {
    let middle: string;
    if (status === "PNS") {
      const earliest = yearOf(birth) + 23;
      const year = r.int(Math.min(earliest, yearOf(asOf) - 1), yearOf(asOf) - 1);
      middle = `${year}${String(r.int(1, 12)).padStart(2, "0")}`;
    } else {
      middle = `${r.int(2019, Math.max(2019, yearOf(asOf) - 1))}02`;
    }
    const nip = b + middle + (sex === "L" ? "1" : "2") + String(r.int(1, 999)).padStart(3, "0");
    if (!used.has(nip)) {
      used.add(nip);
      return nip;
    }
  }
}

function makeStr(r: Random, jenis: JenisTenaga, used: Set<string>): string | null {
  if (!professionByCode.get(jenis)!.needs_str) return null;
  for (;;) {
    const str = String(r.int(1, 9)) + r.digits(15);
    if (!used.has(str)) {
      used.add(str);
      return str;
    }
  }
}

/** A NIK as people type it: mostly plain, sometimes in groups of four with spaces or dots. */
function spacedId(r: Random, nik: string): string {
  const style = r.weighted([["plain", 80], ["space", 12], ["dot", 8]] as const);
  if (style === "plain") return nik;
  const sep = style === "space" ? " " : ".";
  return [nik.slice(0, 4), nik.slice(4, 8), nik.slice(8, 12), nik.slice(12)].join(sep);
}
