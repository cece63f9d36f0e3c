import type { JenisTenaga, KodePelatihan, StatusKepegawaian } from "../../../shared/reference/codes";
import type { NakesRecord, PelatihanRecord } from "../../../shared/schema/records";
import type { CoverageFacility } from "../../../shared/coverage/facility";
import type { PopulationRow } from "../../../shared/coverage/population";
import type { StandardRule } from "../../../shared/coverage/standard";
import { professions } from "../../../shared/reference/professions";

/**
 * A hand-counted regency (Mukomuko, 1706) and one puskesmas next door (1701), used by the pure tests
 * and, through the real API, by the Worker tests. Every expected number in those tests is counted by
 * hand from this file; the comments beside each facility say what it is there to show.
 */
export const AS_OF = "2026-11-01";

export const FACILITIES: CoverageFacility[] = [
  // all nine professions present, below the standard's counts; special assignment ended last month
  { kode: "P1706010101", nama: "Puskesmas Air Dikit", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170601", kategori: "PEDESAAN", rawat_inap: false, poned: false },
  // PONED with a trained doctor, midwife and nurse: ready
  { kode: "P1706010102", nama: "Puskesmas Kota Mukomuko", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170601", kategori: "PERKOTAAN", rawat_inap: false, poned: true },
  // no doctor; SANGAT_TERPENCIL is judged by the TERPENCIL rows
  { kode: "P1706020101", nama: "Puskesmas Lubuk Pinang", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170602", kategori: "SANGAT_TERPENCIL", rawat_inap: true, poned: false },
  // meets the standard exactly; PONED but no PONED-trained midwife
  { kode: "P1706020102", nama: "Puskesmas Penarik", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170602", kategori: "PERKOTAAN", rawat_inap: true, poned: true },
  // a hospital without a kecamatan
  { kode: "1706012", nama: "RSUD Mukomuko", jenis: "RUMAH_SAKIT", kode_wilayah: "1706", kecamatan: null, kategori: null, rawat_inap: true, poned: false },
  // the next regency, whose population is known
  { kode: "P1701010101", nama: "Puskesmas Manna", jenis: "PUSKESMAS", kode_wilayah: "1701", kecamatan: "170101", kategori: "PEDESAAN", rawat_inap: false, poned: false },
];

/** Population known for the province, regency 1701 and kecamatan 170601; unknown for 1706 and 170602. */
export const POPULATION: PopulationRow[] = [
  { kode_wilayah: "17", tahun: 2025, jumlah: 1_900_000 },
  { kode_wilayah: "1701", tahun: 2020, jumlah: 90_000 },
  { kode_wilayah: "1701", tahun: 2025, jumlah: 100_000 },
  { kode_wilayah: "170601", tahun: 2025, jumlah: 20_000 },
];

/** A person beyond the defaults: KONTRAK_DAERAH, with STR, SIP (where needed) valid to 2030. */
interface Special {
  status?: StatusKepegawaian;
  tmt?: string;
  sip?: string;
  noStr?: true;
  trainings?: KodePelatihan[];
}

const SIP_NEEDED = new Set(professions.filter((p) => p.needs_sip).map((p) => p.code));
const NON_NAKES = new Set(professions.filter((p) => !p.needs_str).map((p) => p.code));

/** Staff per facility: counts per jenis, and the people who differ from the defaults (by position). */
const STAFF: Record<string, { counts: Partial<Record<JenisTenaga, number>>; special?: Partial<Record<JenisTenaga, Special[]>> }> = {
  P1706010101: {
    counts: { DOKTER: 1, DOKTER_GIGI: 1, PERAWAT: 3, BIDAN: 2, TTK: 1, PROMKES: 1, SANITARIAN: 1, NUTRISIONIS: 1, ATLM: 1, ADMINISTRASI: 1 },
    special: {
      DOKTER: [{ sip: "2026-10-31" }], // expired the day before as_of
      DOKTER_GIGI: [{ sip: "2027-01-31" }], // 91 days after as_of: neither expired nor expiring
      BIDAN: [{ sip: "2026-11-01" }, { sip: "2027-01-30" }], // on as_of and at +90 days: both expiring
      // term ended 2026-10-15; the second has no STR (only with strMissing: the API refuses such a row)
      PERAWAT: [{ status: "PENUGASAN_KHUSUS", tmt: "2021-10-15" }, { noStr: true }],
    },
  },
  P1706010102: {
    counts: { DOKTER: 1, BIDAN: 4, PERAWAT: 5 },
    special: {
      DOKTER: [{ trainings: ["PONED"] }],
      BIDAN: [{ trainings: ["PONED"] }],
      PERAWAT: [{ trainings: ["PONED"] }, { trainings: ["PONED"] }],
    },
  },
  P1706020101: {
    counts: { DOKTER_GIGI: 1, PERAWAT: 8, BIDAN: 7, APOTEKER: 1, PROMKES: 1, SANITARIAN: 1, NUTRISIONIS: 2, ATLM: 1, ADMINISTRASI: 2, PEKARYA: 1 },
    special: {
      // ends 2027-03-01, within 6 months of as_of; ends 2029-01-10: active only
      BIDAN: [{ status: "PENUGASAN_KHUSUS", tmt: "2022-03-01" }, { status: "PENUGASAN_KHUSUS", tmt: "2024-01-10" }],
    },
  },
  P1706020102: {
    counts: { DOKTER: 2, DOKTER_GIGI: 1, PERAWAT: 8, BIDAN: 7, PROMKES: 2, SANITARIAN: 1, ATLM: 1, NUTRISIONIS: 2, APOTEKER: 1, TTK: 1, ADMINISTRASI: 3, PEKARYA: 2 },
    special: {
      DOKTER: [{ trainings: ["PONED"] }],
      PERAWAT: [{ trainings: ["PONED", "PPI"] }],
      BIDAN: [{ trainings: ["MTBS"] }],
    },
  },
  "1706012": {
    counts: { DOKTER_SPESIALIS: 3, PERAWAT: 10, BIDAN: 2, ADMINISTRASI: 1 },
    special: { PERAWAT: [{ sip: "2026-10-20" }] }, // expired before as_of, still valid on the roster date
  },
  P1701010101: { counts: { DOKTER: 1, PERAWAT: 5, BIDAN: 4 } },
};

/** A valid NIK for a birth date and sex: region 1706/1701, DDMMYY (+40 for women), a serial. */
export function nikFor(region: string, birth: string, sex: "L" | "P", serial: number): string {
  const [y, m, d] = birth.split("-");
  const dd = Number(d) + (sex === "P" ? 40 : 0);
  return `${region}01${String(dd).padStart(2, "0")}${m}${y!.slice(2)}${String(serial).padStart(4, "0")}`;
}

export interface Roster {
  nakes: NakesRecord[];
  pelatihan: PelatihanRecord[];
}

/** A name without digits (the validator refuses those): the serial spelled in letters. */
const spelled = (n: number) => [...String(n)].map((d) => "abcdefghij"[Number(d)]).join("");

/**
 * The normalised rows of every facility (or of the ones named), as the validator would produce them.
 * `strMissing` keeps the one person without an STR, which an upload would refuse (str.required):
 * the pure tests count it, the API tests cannot.
 */
export function rosterRows(only?: readonly string[], opts: { strMissing?: boolean; serialBase?: number } = {}): Roster {
  const serialBase = opts.serialBase ?? 1;
  const nakes: NakesRecord[] = [];
  const pelatihan: PelatihanRecord[] = [];
  let serial = serialBase;
  for (const [kode, spec] of Object.entries(STAFF)) {
    if (only && !only.includes(kode)) continue;
    const region = FACILITIES.find((f) => f.kode === kode)!.kode_wilayah;
    for (const [jenis, n] of Object.entries(spec.counts) as [JenisTenaga, number][]) {
      for (let i = 0; i < n; i++) {
        const sp = spec.special?.[jenis]?.[i] ?? {};
        const sex = serial % 2 === 0 ? "P" : "L";
        const birth = `19${80 + (serial % 15)}-0${1 + (serial % 9)}-1${serial % 10}`;
        const nik = nikFor(region, birth, sex, serial);
        const status = sp.status ?? "KONTRAK_DAERAH";
        const needsSip = SIP_NEEDED.has(jenis);
        nakes.push({
          row: nakes.length,
          nik,
          nip: null,
          nama: `Nakes ${spelled(serial)}`,
          jenis_kelamin: sex,
          tanggal_lahir: birth,
          jenis_tenaga: jenis,
          pendidikan: null,
          status_kepegawaian: status,
          kode_fasyankes: kode,
          no_str: NON_NAKES.has(jenis) || (sp.noStr && opts.strMissing) ? null : `STR${String(serial).padStart(8, "0")}`,
          str_berlaku_sampai: null,
          no_sip: needsSip ? `SIP/${kode}/${serial}` : null,
          sip_berlaku_sampai: needsSip ? (sp.sip ?? "2030-01-01") : null,
          tmt_penugasan: sp.tmt ?? null,
          keterangan: null,
        });
        for (const k of sp.trainings ?? []) {
          pelatihan.push({ row: pelatihan.length, nik, kode_pelatihan: k, tahun: 2024, penyelenggara: null });
        }
        serial++;
      }
    }
  }
  return { nakes, pelatihan };
}

/** The PMK 75/2014 rows of the handout (standar-puskesmas.csv), as the seeded default set. */
export function pmk75(): StandardRule[] {
  const table: Record<string, number[]> = {
    // jenis: PERKOTAAN N, PERKOTAAN Y, PEDESAAN N, PEDESAAN Y, TERPENCIL N, TERPENCIL Y
    DOKTER: [1, 2, 1, 2, 1, 2],
    DOKTER_GIGI: [1, 1, 1, 1, 1, 1],
    PERAWAT: [5, 8, 5, 8, 5, 8],
    BIDAN: [4, 7, 4, 7, 4, 7],
    PROMKES: [2, 2, 1, 1, 1, 1],
    SANITARIAN: [1, 1, 1, 1, 1, 1],
    ATLM: [1, 1, 1, 1, 1, 1],
    NUTRISIONIS: [1, 2, 1, 2, 1, 2],
    KEFARMASIAN: [1, 2, 1, 1, 1, 1],
    ADMINISTRASI: [3, 3, 2, 2, 2, 2],
    PEKARYA: [2, 2, 1, 1, 1, 1],
  };
  const kinds = [
    ["PERKOTAAN", false], ["PERKOTAAN", true], ["PEDESAAN", false], ["PEDESAAN", true], ["TERPENCIL", false], ["TERPENCIL", true],
  ] as const;
  const rules: StandardRule[] = [];
  kinds.forEach(([kategori, rawat_inap], i) => {
    for (const [jenis, mins] of Object.entries(table)) {
      rules.push({ kategori, rawat_inap, jenis: jenis as StandardRule["jenis"], minimum: mins[i]! });
    }
  });
  return rules;
}
