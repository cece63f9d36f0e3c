import type { CoverageFacility } from "../../../shared/coverage/facility";
import type { JenisTenaga, KodePelatihan, StatusKepegawaian } from "../../../shared/reference/codes";
import type { RosterRequest } from "../../../shared/schema/roster";
import type { NakesRecord, PelatihanRecord } from "../../../shared/schema/records";
import { NAKES_KEYS } from "../../../shared/schema/records";

/**
 * A hand-built roster for the tindak-lanjut lists and the placement plan (issue 16), used by the pure
 * tests and, through the real API, by the Worker tests. Lists are asked as of AS_OF (1 November 2026);
 * the roster is uploaded as of UPLOAD_AS_OF (1 October 2026), when the SIP that has since ended was
 * still valid (sip.expired is an error, so no upload could hold it on a later date). The comment on
 * each person says which list it is there for; every expected row in the tests is counted from here.
 */
export const AS_OF = "2026-11-01";
export const UPLOAD_AS_OF = "2026-10-01";

export const FACILITIES: CoverageFacility[] = [
  // PONED, but no PONED-trained bidan: the poned list names both of its midwives
  { kode: "P1706010201", nama: "Puskesmas Alpha", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170601", kategori: "PEDESAAN", rawat_inap: false, poned: true },
  // its only doctor's PK term ends March 2027: "none" within the placement horizon
  { kode: "P1706010202", nama: "Puskesmas Beta", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170601", kategori: "TERPENCIL", rawat_inap: false, poned: false },
  // no doctor, very remote; its PK midwife's term ended in October
  { kode: "P1706020201", nama: "Puskesmas Gamma", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170602", kategori: "SANGAT_TERPENCIL", rawat_inap: false, poned: false },
  // two doctors: above the standard; nobody trained in K3
  { kode: "P1706020202", nama: "Puskesmas Delta", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170602", kategori: "PERKOTAAN", rawat_inap: false, poned: false },
  // no roster at all, very remote like Gamma: the tie with Gamma is broken by the code
  { kode: "P1706020203", nama: "Puskesmas Epsilon", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170602", kategori: "SANGAT_TERPENCIL", rawat_inap: false, poned: false },
  // the next regency: outside region 1706 and outside a 1706 token's scope
  { kode: "P1701010201", nama: "Puskesmas Zeta", jenis: "PUSKESMAS", kode_wilayah: "1701", kecamatan: "170101", kategori: "PEDESAAN", rawat_inap: false, poned: false },
];

interface Person {
  kode: string;
  nama: string;
  sex: "L" | "P";
  birth: string;
  jenis: JenisTenaga;
  status: StatusKepegawaian;
  tmt?: string;
  sip?: string;
  str?: string;
  trainings: KodePelatihan[];
}

const SIP_LATER = "2028-06-30";

export const PERSONS: Person[] = [
  // sip: ends 30 days after AS_OF (expiring)
  { kode: "P1706010201", nama: "dr. Rahmat Hidayat", sex: "L", birth: "1985-03-12", jenis: "DOKTER", status: "PNS", sip: "2026-12-01", trainings: ["K3_FASYANKES", "PPI", "PONED"] },
  // sip: ended 20 October (12 days before AS_OF); poned: untrained midwife
  { kode: "P1706010201", nama: "Siti Aminah", sex: "P", birth: "1990-07-04", jenis: "BIDAN", status: "KONTRAK_DAERAH", sip: "2026-10-20", trainings: ["K3_FASYANKES", "PPI"] },
  // poned: untrained midwife
  { kode: "P1706010201", nama: "Dewi Lestari", sex: "P", birth: "1988-11-23", jenis: "BIDAN", status: "PNS", sip: SIP_LATER, trainings: ["K3_FASYANKES", "PPI"] },
  // penugasan: PK term ends 2027-04-01, 5 months after AS_OF
  { kode: "P1706010201", nama: "Agus Salim", sex: "L", birth: "1992-01-30", jenis: "PERAWAT", status: "PENUGASAN_KHUSUS", tmt: "2022-04-01", sip: SIP_LATER, trainings: ["K3_FASYANKES", "PPI", "PONED"] },
  // pelatihan: a sanitarian without PENGELOLAAN_LIMBAH
  { kode: "P1706010201", nama: "Bambang Sutrisno", sex: "L", birth: "1980-05-17", jenis: "SANITARIAN", status: "PNS", trainings: ["K3_FASYANKES"] },
  // PK term ends 2027-06-01, 7 months after AS_OF: not on the penugasan list
  { kode: "P1706010202", nama: "Yusuf Maulana", sex: "L", birth: "1993-09-09", jenis: "PERAWAT", status: "PENUGASAN_KHUSUS", tmt: "2022-06-01", sip: SIP_LATER, trainings: ["K3_FASYANKES", "PPI"] },
  // penugasan: PK doctor, term ends 2027-03-15; placement: "dokter PK berakhir Maret 2027"
  { kode: "P1706010202", nama: "dr. Andi Pratama", sex: "L", birth: "1991-02-14", jenis: "DOKTER", status: "PENUGASAN_KHUSUS", tmt: "2022-03-15", sip: SIP_LATER, trainings: ["K3_FASYANKES", "PPI"] },
  // str: a dated STR (to be updated to lifetime)
  { kode: "P1706010202", nama: "Fitri Handayani", sex: "P", birth: "1987-12-01", jenis: "BIDAN", status: "PNS", str: "2027-05-01", sip: SIP_LATER, trainings: ["K3_FASYANKES", "PPI"] },
  // penugasan: PK term ended 2026-10-15 (penugasan.ended on AS_OF)
  { kode: "P1706020201", nama: "Nur Aisyah", sex: "P", birth: "1994-04-20", jenis: "BIDAN", status: "PENUGASAN_KHUSUS", tmt: "2021-10-15", sip: SIP_LATER, trainings: ["K3_FASYANKES", "PPI"] },
  // pelatihan: a nurse without PPI
  { kode: "P1706020201", nama: "Hendra Gunawan", sex: "L", birth: "1989-08-08", jenis: "PERAWAT", status: "KONTRAK_DAERAH", sip: SIP_LATER, trainings: ["K3_FASYANKES"] },
  { kode: "P1706020202", nama: "dr. Maya Sari", sex: "P", birth: "1986-06-15", jenis: "DOKTER", status: "PNS", sip: SIP_LATER, trainings: ["PPI"] },
  { kode: "P1706020202", nama: "dr. Budi Santoso", sex: "L", birth: "1984-10-05", jenis: "DOKTER", status: "PNS", sip: SIP_LATER, trainings: ["PPI"] },
  { kode: "P1706020202", nama: "Rudi Hartono", sex: "L", birth: "1982-02-02", jenis: "SANITARIAN", status: "PNS", trainings: ["PENGELOLAAN_LIMBAH"] },
  // sip: expiring, but in regency 1701 (outside region 1706)
  { kode: "P1701010201", nama: "dr. Lina Marlina", sex: "P", birth: "1990-01-01", jenis: "DOKTER", status: "KONTRAK_DAERAH", sip: "2026-11-10", trainings: ["K3_FASYANKES", "PPI"] },
];

/** A valid NIK: the facility's kecamatan, DDMMYY (+40 for women), a serial. */
function nikOf(p: Person, serial: number): string {
  const [y, m, d] = p.birth.split("-");
  const dd = Number(d) + (p.sex === "P" ? 40 : 0);
  return `${p.kode.slice(1, 7)}${String(dd).padStart(2, "0")}${m}${y!.slice(2)}${String(serial).padStart(4, "0")}`;
}

/** A valid NIP: birth date, TMT CPNS (2010-01), sex, serial. */
function nipOf(p: Person, serial: number): string {
  return `${p.birth.replace(/-/g, "")}201001${p.sex === "L" ? 1 : 2}${String(serial).padStart(3, "0")}`;
}

export const nikOfName = (nama: string): string => {
  const i = PERSONS.findIndex((p) => p.nama === nama);
  if (i < 0) throw new Error(`no person ${nama}`);
  return nikOf(PERSONS[i]!, i + 1);
};

/** The normalised rows, as the validator would produce them. */
export function rosterRows(): { nakes: NakesRecord[]; pelatihan: PelatihanRecord[] } {
  const nakes: NakesRecord[] = PERSONS.map((p, i) => ({
    row: i,
    nik: nikOf(p, i + 1),
    nip: p.status === "PNS" ? nipOf(p, i + 1) : null,
    nama: p.nama,
    jenis_kelamin: p.sex,
    tanggal_lahir: p.birth,
    jenis_tenaga: p.jenis,
    pendidikan: null,
    status_kepegawaian: p.status,
    kode_fasyankes: p.kode,
    no_str: `STR${String(i + 1).padStart(8, "0")}`,
    str_berlaku_sampai: p.str ?? null,
    no_sip: p.sip ? `SIP/${String(i + 1).padStart(4, "0")}/2024` : null,
    sip_berlaku_sampai: p.sip ?? null,
    tmt_penugasan: p.tmt ?? null,
    keterangan: null,
  }));
  const pelatihan: PelatihanRecord[] = PERSONS.flatMap((p, i) => p.trainings.map((k) => ({ nik: nikOf(p, i + 1), kode_pelatihan: k, tahun: 2024, penyelenggara: null })))
    .map((t, row) => ({ row, ...t }));
  return { nakes, pelatihan };
}

/** The same roster as a request body (SPEC §7), for the shared validator. */
export function rosterRequest(asOf: string): RosterRequest {
  const { nakes, pelatihan } = rosterRows();
  return {
    as_of: asOf,
    nakes: { columns: [...NAKES_KEYS], rows: nakes.map((r) => NAKES_KEYS.map((k) => r[k])) },
    pelatihan: { columns: ["nik", "kode_pelatihan", "tahun", "penyelenggara"], rows: pelatihan.map((p) => [p.nik, p.kode_pelatihan, p.tahun, p.penyelenggara]) },
  };
}
