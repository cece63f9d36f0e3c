import type { JenisTenaga, KategoriPuskesmas, KodePelatihan, StatusKepegawaian } from "../../shared/reference/codes";
import type { CoverageFacility } from "../../shared/coverage/facility";
import { addDaysIso } from "../../shared/normalize/calendar";
import type { NakesRecord, PelatihanRecord } from "../../shared/schema/records";

/**
 * A synthetic Indonesia for the coverage benchmark: 38 provinces, 514 regencies (each province with
 * its real number of regencies and cities), about 7,200 kecamatan, 10,000 puskesmas, 3,000 hospitals,
 * and rosters uploaded in three rounds (every regency, then half, then half again) that add up to about
 * 1.5 million staff rows. Deterministic: the same version gives the same database.
 */

/** Province code → regencies and cities, Kemendagri 2025. */
export const PROVINCES: readonly [string, number][] = [
  ["11", 23], ["12", 33], ["13", 19], ["14", 12], ["15", 11], ["16", 17], ["17", 10], ["18", 15], ["19", 7], ["21", 7],
  ["31", 6], ["32", 27], ["33", 35], ["34", 5], ["35", 38], ["36", 8], ["51", 9], ["52", 10], ["53", 22], ["61", 14],
  ["62", 14], ["63", 13], ["64", 10], ["65", 5], ["71", 15], ["72", 13], ["73", 24], ["74", 17], ["75", 6], ["76", 6],
  ["81", 11], ["82", 10], ["91", 7], ["92", 9], ["93", 4], ["94", 8], ["95", 8], ["96", 6],
];

export const TARGET = { puskesmas: 10_000, rumahSakit: 3_000 } as const;

/** Upload rounds: every regency, then a half, then the other half re-uploads. */
export const ROUNDS = [
  { at: "2025-01-15T02:00:00.000Z", share: 1 },
  { at: "2025-07-15T02:00:00.000Z", share: 0.55 },
  { at: "2026-01-15T02:00:00.000Z", share: 0.55 },
] as const;

/** mulberry32: small, fast, good enough for synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Facility = CoverageFacility;

export interface Regency {
  kode: string;
  kecamatan: string[];
  facilities: Facility[];
}

const JAVA_BALI = new Set(["31", "32", "33", "34", "35", "36", "51"]);
const KATEGORI: KategoriPuskesmas[] = ["PERKOTAAN", "PEDESAAN", "PEDESAAN", "TERPENCIL", "SANGAT_TERPENCIL"];

/** Regencies with their kecamatan and facilities; puskesmas weigh twice in Java and Bali. */
export function geography(): Regency[] {
  const r = rng(1);
  const regencies: { kode: string; weight: number }[] = [];
  for (const [prov, n] of PROVINCES) {
    const kab = Math.ceil(n * 0.8);
    for (let i = 1; i <= n; i++) {
      const kode = prov + String(i <= kab ? i : 70 + i - kab).padStart(2, "0");
      regencies.push({ kode, weight: (JAVA_BALI.has(prov) ? 2 : 1) * (0.6 + r() * 0.8) });
    }
  }
  const total = regencies.reduce((s, x) => s + x.weight, 0);
  const out: Regency[] = [];
  let puskesmasLeft = TARGET.puskesmas;
  let hospitalsLeft = TARGET.rumahSakit;
  regencies.forEach((reg, idx) => {
    const last = idx === regencies.length - 1;
    const nP = last ? puskesmasLeft : Math.max(3, Math.round((TARGET.puskesmas * reg.weight) / total));
    const nH = last ? hospitalsLeft : Math.max(1, Math.round((TARGET.rumahSakit * reg.weight) / total));
    puskesmasLeft -= nP;
    hospitalsLeft -= nH;
    const nKec = Math.max(3, Math.round(nP * 0.72));
    const kecamatan = Array.from({ length: nKec }, (_, k) => reg.kode + String(10 + k).padStart(2, "0"));
    const facilities: Facility[] = [];
    for (let i = 0; i < nP; i++) {
      const kec = kecamatan[i % nKec]!;
      const kode = `P${kec}${String(100 + Math.floor(i / nKec)).padStart(4, "0")}`;
      const kategori = reg.kode.endsWith("7") || reg.kode[2] === "7" ? "PERKOTAAN" : KATEGORI[Math.floor(r() * KATEGORI.length)]!;
      facilities.push({
        kode,
        nama: `Puskesmas ${kode.slice(1)}`,
        jenis: "PUSKESMAS",
        kode_wilayah: reg.kode,
        kecamatan: kec,
        kategori,
        rawat_inap: r() < 0.4,
        poned: r() < 0.3,
      });
    }
    for (let i = 0; i < nH; i++) {
      const kode = reg.kode + String(100 + i).padStart(3, "0");
      facilities.push({
        kode,
        nama: `RSUD ${kode}`,
        jenis: "RUMAH_SAKIT",
        kode_wilayah: reg.kode,
        kecamatan: r() < 0.5 ? kecamatan[i % nKec]! : null,
        kategori: null,
        rawat_inap: true,
        poned: false,
      });
    }
    out.push({ kode: reg.kode, kecamatan, facilities });
  });
  return out;
}

/** Population rows: every province, 95 % of regencies, 80 % of kecamatan (the rest unknown). */
export function population(regencies: readonly Regency[]): { kode_wilayah: string; tahun: number; jumlah: number }[] {
  const r = rng(2);
  const rows: { kode_wilayah: string; tahun: number; jumlah: number }[] = [];
  const byProvince = new Map<string, number>();
  for (const reg of regencies) {
    let regTotal = 0;
    for (const kec of reg.kecamatan) {
      const n = Math.round(15_000 + r() * 60_000);
      regTotal += n;
      if (r() < 0.8) rows.push({ kode_wilayah: kec, tahun: 2025, jumlah: n });
    }
    if (r() < 0.95) rows.push({ kode_wilayah: reg.kode, tahun: 2025, jumlah: regTotal });
    byProvince.set(reg.kode.slice(0, 2), (byProvince.get(reg.kode.slice(0, 2)) ?? 0) + regTotal);
  }
  for (const [kode, jumlah] of byProvince) rows.push({ kode_wilayah: kode, tahun: 2025, jumlah });
  return rows;
}

export const SIP: ReadonlySet<JenisTenaga> = new Set([
  "DOKTER", "DOKTER_SPESIALIS", "DOKTER_GIGI", "DOKTER_GIGI_SPESIALIS", "PERAWAT", "BIDAN", "APOTEKER", "TTK", "ATLM",
  "RADIOGRAFER", "FISIOTERAPIS", "PSIKOLOG_KLINIS",
]);
export const NON_NAKES: ReadonlySet<JenisTenaga> = new Set(["ADMINISTRASI", "PEKARYA"]);

/** Typical staff of a puskesmas (around the PMK 75/2014 minimum) and of a district hospital. */
export const PUSKESMAS_STAFF: [JenisTenaga, number][] = [
  ["DOKTER", 1.6], ["DOKTER_GIGI", 0.9], ["PERAWAT", 8], ["BIDAN", 7], ["APOTEKER", 0.6], ["TTK", 1], ["PROMKES", 1.3],
  ["SANITARIAN", 1], ["NUTRISIONIS", 1.2], ["ATLM", 1.1], ["EPIDEMIOLOG", 0.3], ["PEREKAM_MEDIS", 1], ["NAKES_LAIN", 1],
  ["ADMINISTRASI", 3], ["PEKARYA", 2],
];
export const HOSPITAL_STAFF: [JenisTenaga, number][] = [
  ["DOKTER_SPESIALIS", 14], ["DOKTER", 9], ["DOKTER_GIGI", 2], ["PERAWAT", 48], ["BIDAN", 13], ["APOTEKER", 4], ["TTK", 7],
  ["ATLM", 5], ["RADIOGRAFER", 3], ["FISIOTERAPIS", 2], ["PEREKAM_MEDIS", 4], ["NUTRISIONIS", 2], ["SANITARIAN", 1],
  ["ADMINISTRASI", 9], ["PEKARYA", 7],
];

export const TRAININGS: [KodePelatihan, number, (j: JenisTenaga, f: Facility) => boolean][] = [
  ["PPI", 0.25, (j) => !NON_NAKES.has(j)],
  ["K3_FASYANKES", 0.08, () => true],
  ["BTCLS", 0.2, (j) => j === "PERAWAT" || j === "DOKTER"],
  ["PONED", 0.45, (j, f) => f.poned && (j === "DOKTER" || j === "BIDAN" || j === "PERAWAT")],
  ["PONEK", 0.3, (j, f) => f.jenis === "RUMAH_SAKIT" && (j === "BIDAN" || j === "DOKTER_SPESIALIS")],
  ["MTBS", 0.15, (j, f) => f.jenis === "PUSKESMAS" && (j === "BIDAN" || j === "PERAWAT" || j === "DOKTER")],
  ["TB_DOTS", 0.08, (j) => j === "PERAWAT" || j === "DOKTER" || j === "ATLM"],
  ["PENGELOLAAN_LIMBAH", 0.5, (j) => j === "SANITARIAN"],
];

/**
 * The roster of one facility uploaded in a round: the same people from round to round (by position),
 * about one in ten replaced, SIPs valid at upload time, some special assignments.
 */
export function roster(f: Facility, round: number, at: string): { nakes: NakesRecord[]; pelatihan: PelatihanRecord[] } {
  const seed = [...f.kode].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
  const shape = rng(seed);
  const churn = rng(seed ^ (round * 7919));
  const day = at.slice(0, 10);
  const scale = f.jenis === "PUSKESMAS" ? 0.5 + shape() * 1.2 : 0.4 + shape() * 1.2;
  const nakes: NakesRecord[] = [];
  const pelatihan: PelatihanRecord[] = [];
  const region = f.kecamatan ?? `${f.kode_wilayah}01`;
  let serial = 0;
  for (const [jenis, mean] of f.jenis === "PUSKESMAS" ? PUSKESMAS_STAFF : HOSPITAL_STAFF) {
    const n = Math.max(0, Math.round(mean * scale * (0.6 + shape() * 0.8)));
    for (let i = 0; i < n; i++) {
      serial++;
      const generation = churn() < 0.1 * round ? round : 0;
      const person = rng(seed ^ (serial * 104729) ^ (generation * 15485863));
      const sex = person() < 0.6 ? "P" : "L";
      const birth = addDaysIso("1965-01-01", Math.floor(person() * 12_000));
      const [y, m, d] = birth.split("-");
      const nik = `${region}${String(Number(d) + (sex === "P" ? 40 : 0)).padStart(2, "0")}${m}${y!.slice(2)}${String((serial * 37 + generation) % 10_000).padStart(4, "0")}`;
      const s = person();
      const status: StatusKepegawaian =
        f.jenis === "PUSKESMAS" && s < 0.04 ? "PENUGASAN_KHUSUS" : s < 0.6 ? "PNS" : s < 0.75 ? "PPPK" : s < 0.95 ? "KONTRAK_DAERAH" : "LAINNYA";
      const sipUntil = SIP.has(jenis) ? addDaysIso(day, 91 + Math.floor(churn() * 1_700)) : null;
      nakes.push({
        row: nakes.length,
        nik,
        nip: status === "PNS" || status === "PPPK" ? `${y}${m}${d}2010011${sex === "L" ? 1 : 2}${String(serial % 1000).padStart(3, "0")}` : null,
        nama: `Nakes ${f.kode}-${serial}`,
        jenis_kelamin: sex,
        tanggal_lahir: birth,
        jenis_tenaga: jenis,
        pendidikan: null,
        status_kepegawaian: status,
        kode_fasyankes: f.kode,
        no_str: NON_NAKES.has(jenis) || person() < 0.002 ? null : `STR${nik.slice(-8)}${serial}`,
        str_berlaku_sampai: null,
        no_sip: sipUntil ? `SIP/${f.kode}/${serial}` : null,
        sip_berlaku_sampai: sipUntil,
        tmt_penugasan: status === "PENUGASAN_KHUSUS" ? addDaysIso(day, -Math.floor(person() * 1_800)) : null,
        keterangan: null,
      });
      for (const [kode, p, applies] of TRAININGS) {
        if (applies(jenis, f) && person() < p) {
          pelatihan.push({ row: pelatihan.length, nik, kode_pelatihan: kode, tahun: 2015 + Math.floor(person() * 10), penyelenggara: null });
        }
      }
    }
  }
  return { nakes, pelatihan };
}
