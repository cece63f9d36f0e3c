import type { JenisTenaga, StatusKepegawaian } from "../../shared/reference/codes";
import { addDaysIso } from "../../shared/normalize/calendar";
import type { NakesRecord, PelatihanRecord } from "../../shared/schema/records";
import { HOSPITAL_STAFF, NON_NAKES, PUSKESMAS_STAFF, rng, SIP, TRAININGS, type Facility } from "./model";

/**
 * Monthly national cycles for bench:history (issue 15 item 4, SPEC §8): the facilities of model.ts
 * staffed about twice as heavily (≈ 1.5 million current staff rows), then each month every regency
 * uploads its whole roster again with 3 % of rows changed: a third leave, a third join, a third
 * renew their licence (new SIP number and date). A person who did not change gives the same record,
 * so the same fingerprint, from cycle to cycle. Deterministic: the same cycle gives the same rows.
 */

/** Staff per facility against model.ts's typical staffing: ≈ 1.5 M current rows over 13,000 facilities. */
export const GROW = 2.1;

/** One staff position: the person in it (serial) and when their licence was last issued. */
interface Slot {
  jenis: JenisTenaga;
  serial: number;
  licence: number;
  licensedOn: string;
}

export interface FacilityStaff {
  f: Facility;
  seed: number;
  slots: Slot[];
  next: number;
}

const seedOf = (kode: string) => [...kode].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

/** The staff of a facility at the first cycle (as_of `day`, yyyy-mm-dd). */
export function firstStaff(f: Facility, day: string): FacilityStaff {
  const seed = seedOf(f.kode);
  const shape = rng(seed);
  const scale = (f.jenis === "PUSKESMAS" ? 0.5 : 0.4) + shape() * 1.2;
  const slots: Slot[] = [];
  let next = 0;
  for (const [jenis, mean] of f.jenis === "PUSKESMAS" ? PUSKESMAS_STAFF : HOSPITAL_STAFF) {
    const n = Math.max(0, Math.round(mean * GROW * scale * (0.6 + shape() * 0.8)));
    for (let i = 0; i < n; i++) slots.push({ jenis, serial: ++next, licence: 0, licensedOn: day });
  }
  return { f, seed, slots, next };
}

/**
 * Moves a facility's staff to cycle `cycle` (as_of `day`): each position changes with probability
 * `rate`, split evenly between leaving, a licence renewal, and a new person joining beside it.
 * Returns the rows changed (left + renewed + joined).
 */
export function churn(s: FacilityStaff, cycle: number, day: string, rate: number): number {
  const r = rng(s.seed ^ Math.imul(cycle, 7919));
  const kept: Slot[] = [];
  const joined: Slot[] = [];
  let changed = 0;
  for (const slot of s.slots) {
    const u = r();
    if (u < rate / 3) {
      changed++;
      continue;
    }
    if (u < (2 * rate) / 3) {
      slot.licence++;
      slot.licensedOn = day;
      changed++;
    } else if (u < rate) {
      joined.push({ jenis: slot.jenis, serial: ++s.next, licence: 0, licensedOn: day });
      changed++;
    }
    kept.push(slot);
  }
  s.slots = kept.concat(joined);
  return changed;
}

/** The roster a facility uploads: one row per position, row numbers from `row`. */
export function rosterOf(s: FacilityStaff, rows: { nakes: NakesRecord[]; pelatihan: PelatihanRecord[] }): void {
  const { f } = s;
  const region = f.kecamatan ?? `${f.kode_wilayah}01`;
  for (const slot of s.slots) {
    const person = rng(s.seed ^ Math.imul(slot.serial, 104729));
    const sex = person() < 0.6 ? "P" : "L";
    const birth = addDaysIso("1965-01-01", Math.floor(person() * 12_000));
    const [y, m, d] = birth.split("-");
    const nik = `${region}${String(Number(d) + (sex === "P" ? 40 : 0)).padStart(2, "0")}${m}${y!.slice(2)}${String(slot.serial % 10_000).padStart(4, "0")}`;
    const st = person();
    const status: StatusKepegawaian =
      f.jenis === "PUSKESMAS" && st < 0.04 ? "PENUGASAN_KHUSUS" : st < 0.6 ? "PNS" : st < 0.75 ? "PPPK" : st < 0.95 ? "KONTRAK_DAERAH" : "LAINNYA";
    const term = person();
    const sipUntil = SIP.has(slot.jenis) ? addDaysIso(slot.licensedOn, 91 + Math.floor(term * 1_700)) : null;
    rows.nakes.push({
      row: rows.nakes.length,
      nik,
      nip: status === "PNS" || status === "PPPK" ? `${y}${m}${d}2010011${sex === "L" ? 1 : 2}${String(slot.serial % 1000).padStart(3, "0")}` : null,
      nama: `Nakes ${f.kode}-${slot.serial}`,
      jenis_kelamin: sex,
      tanggal_lahir: birth,
      jenis_tenaga: slot.jenis,
      pendidikan: null,
      status_kepegawaian: status,
      kode_fasyankes: f.kode,
      no_str: NON_NAKES.has(slot.jenis) || person() < 0.002 ? null : `STR${nik.slice(-8)}${slot.serial}`,
      str_berlaku_sampai: null,
      no_sip: sipUntil ? `SIP/${f.kode}/${slot.serial}/${slot.licence}` : null,
      sip_berlaku_sampai: sipUntil,
      tmt_penugasan: status === "PENUGASAN_KHUSUS" ? addDaysIso("2024-12-01", -Math.floor(term * 1_800)) : null,
      keterangan: null,
    });
    for (const [kode, p, applies] of TRAININGS) {
      if (applies(slot.jenis, f) && person() < p) {
        rows.pelatihan.push({ row: rows.pelatihan.length, nik, kode_pelatihan: kode, tahun: 2015 + Math.floor(person() * 10), penyelenggara: null });
      }
    }
  }
}

/** A regency's roster of one cycle, as uploadRoster (write.ts) takes it. */
export interface CycleUpload {
  id: string;
  /** The commit instant (ISO): 02:00 UTC of the cycle's as_of. */
  at: string;
  nakes: NakesRecord[];
  pelatihan: PelatihanRecord[];
}

/**
 * One monthly cycle (0-based `cycle`, as_of `day`) of `regencies`: each facility's staff is created
 * (first cycle) or moved on by `churn` at `rate`, and each regency's whole roster is handed to
 * `upload`, in order. `staff` carries the positions from cycle to cycle. Returns the rows uploaded
 * and the rows changed.
 */
export async function runCycle(
  regencies: readonly { kode: string; facilities: readonly Facility[] }[],
  staff: Map<string, FacilityStaff>,
  cycle: number,
  day: string,
  rate: number,
  upload: (regency: string, u: CycleUpload) => Promise<void>,
): Promise<{ rows: number; changed: number }> {
  let rows = 0;
  let changed = 0;
  for (const reg of regencies) {
    const u: CycleUpload = { id: `h${String(cycle).padStart(2, "0")}-${reg.kode}`, at: `${day}T02:00:00.000Z`, nakes: [], pelatihan: [] };
    for (const f of reg.facilities) {
      let st = staff.get(f.kode);
      if (!st) staff.set(f.kode, (st = firstStaff(f, day)));
      else changed += churn(st, cycle, day, rate);
      rosterOf(st, u);
    }
    await upload(reg.kode, u);
    rows += u.nakes.length;
  }
  return { rows, changed };
}
