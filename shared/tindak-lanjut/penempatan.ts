import type { PlacementIndicators, PlacementResponse, PlacementRow } from "../api/tindak-lanjut";
import { addMonthsIso } from "../normalize/calendar";
import { NINE_JENIS } from "../coverage/professions";
import { membersOf, rulesFor, type StandardRule } from "../coverage/standard";
import type { JenisStandar, JenisTenaga, KategoriPuskesmas, StatusKepegawaian } from "../reference/codes";
import type { Lang } from "../schema/issue";
import { PLACEMENT_HORIZON_MONTHS } from "./rules";
import { placementText } from "./texts";

/**
 * The placement plan of SPEC §9, pure: given N new staff of one profession and the puskesmas of a
 * region, where they should go, one at a time. Each next person goes to the puskesmas that ranks
 * first by, in order:
 *   1. none of that profession (counting those whose term ends within the horizon as gone);
 *   2. the largest gap against the staffing standard (minimum − staff, same counting; may be negative
 *      once every standard is met, so surplus is spread evenly);
 *   3. remoteness: SANGAT_TERPENCIL, then TERPENCIL, then the others;
 *   4. the facility code (ascending): ties are broken the same way every time.
 * The horizon is as_of + 12 months (PLACEMENT_HORIZON_MONTHS). Counts only: no person leaves here.
 */

/** A term that ends: someone of `jenis` whose `status` term ends on `end` (ISO). */
export interface EndingTerm {
  jenis: JenisTenaga;
  status: StatusKepegawaian;
  end: string;
}

/** What the plan knows of one puskesmas of the region as of the plan's date (SPEC §3.3 attributes, staff of its roster of that date). */
export interface PlacementFacility {
  kode: string;
  nama: string;
  kategori: KategoriPuskesmas | null;
  rawat_inap: boolean;
  /** Persons per profession in its roster of the plan's date. */
  staff: Partial<Record<JenisTenaga, number>>;
  /** Terms of its staff that end (any date: those after the horizon are ignored). */
  terms: readonly EndingTerm[];
}

export interface PlacementInput {
  region: string;
  jenis: JenisStandar;
  jumlah: number;
  /** ISO date the horizon counts from. */
  asOf: string;
  facilities: readonly PlacementFacility[];
  /** The active staffing standard (SPEC §4.3). */
  rules: readonly StandardRule[];
}

const REMOTENESS: Record<KategoriPuskesmas, number> = { SANGAT_TERPENCIL: 0, TERPENCIL: 1, PEDESAAN: 2, PERKOTAAN: 2 };

interface State {
  f: PlacementFacility;
  /** Standard jenis → persons still there at the horizon. */
  have: Map<JenisStandar, number>;
  minimum: number;
  placed: number;
  remote: number;
  leaving: EndingTerm[];
}

const count = (f: PlacementFacility, s: JenisStandar, leaving: readonly EndingTerm[]) =>
  membersOf(s).reduce((n, j) => n + (f.staff[j] ?? 0), 0) - leaving.filter((t) => membersOf(s).includes(t.jenis)).length;

/** Whether `a` ranks before `b` for the next person. */
function before(a: State, b: State, jenis: JenisStandar): boolean {
  const ha = a.have.get(jenis)! + a.placed;
  const hb = b.have.get(jenis)! + b.placed;
  if ((ha <= 0) !== (hb <= 0)) return ha <= 0;
  const ga = a.minimum - ha;
  const gb = b.minimum - hb;
  if (ga !== gb) return ga > gb;
  if (a.remote !== b.remote) return a.remote < b.remote;
  return a.f.kode < b.f.kode;
}

function indicators(states: readonly State[], jenis: JenisStandar, withPlaced: boolean): PlacementIndicators {
  let tanpaDokter = 0;
  let lengkap = 0;
  let kekurangan = 0;
  for (const s of states) {
    const have = (j: JenisStandar) => s.have.get(j)! + (withPlaced && j === jenis ? s.placed : 0);
    if (have("DOKTER") <= 0) tanpaDokter++;
    if (NINE_JENIS.every((j) => have(j) > 0)) lengkap++;
    kekurangan += Math.max(0, s.minimum - have(jenis));
  }
  return { puskesmas: states.length, tanpa_dokter: tanpaDokter, sembilan_jenis_lengkap: lengkap, kekurangan };
}

function reason(s: State, jenis: JenisStandar, lang: Lang): string {
  const have = s.have.get(jenis)!;
  const gap = s.minimum - have;
  const parts: string[] = [];
  if (have <= 0) parts.push(placementText.none(jenis, lang));
  if (gap > 0 && !(have <= 0 && gap === 1)) parts.push(placementText.short(gap, jenis, lang));
  // Terms of this profession ending within the horizon, per status and month: "dokter PK berakhir Maret 2027".
  const groups = new Map<string, { n: number; t: EndingTerm }>();
  for (const t of s.leaving.filter((x) => membersOf(jenis).includes(x.jenis)).sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0))) {
    const k = `${t.status}|${t.end.slice(0, 7)}`;
    const g = groups.get(k);
    if (g) g.n++;
    else groups.set(k, { n: 1, t });
  }
  for (const { n, t } of groups.values()) parts.push(placementText.leaving(n, jenis, t.status, t.end, lang));
  if (gap <= 0 && have > 0) parts.push(placementText.meetsStandard(jenis, lang));
  const remote = s.f.kategori ? placementText.remote(s.f.kategori, lang) : null;
  if (remote) parts.push(remote);
  return placementText.join(parts, lang);
}

/** The plan (SPEC §9 POST /v1/penempatan). Throws RangeError on an as_of that is not an ISO date. */
export function planPlacement(input: PlacementInput, lang: Lang): PlacementResponse {
  const horizon = addMonthsIso(input.asOf, PLACEMENT_HORIZON_MONTHS);
  const jenisAll = new Set<JenisStandar>([...NINE_JENIS, input.jenis]);
  const states: State[] = input.facilities.map((f) => {
    const leaving = f.terms.filter((t) => t.end <= horizon);
    const have = new Map([...jenisAll].map((j) => [j, count(f, j, leaving)] as const));
    const rule = rulesFor(input.rules, f.kategori, f.rawat_inap).find((r) => r.jenis === input.jenis);
    return { f, have, minimum: rule?.minimum ?? 0, placed: 0, remote: f.kategori ? REMOTENESS[f.kategori] : 2, leaving };
  });
  const sebelum = indicators(states, input.jenis, false);

  const order: State[] = [];
  for (let i = 0; i < input.jumlah && states.length > 0; i++) {
    let best = states[0]!;
    for (const s of states) if (before(s, best, input.jenis)) best = s;
    if (best.placed === 0) order.push(best);
    best.placed++;
  }

  const rows: PlacementRow[] = order.map((s, i) => {
    const have = s.have.get(input.jenis)!;
    return {
      urutan: i + 1,
      kode_fasyankes: s.f.kode,
      nama_fasyankes: s.f.nama,
      kategori: s.f.kategori,
      tambahan: s.placed,
      sebelum: Math.max(0, s.minimum - have),
      sesudah: Math.max(0, s.minimum - have - s.placed),
      alasan: reason(s, input.jenis, lang),
    };
  });
  return {
    region: input.region,
    jenis_tenaga: input.jenis,
    jumlah: input.jumlah,
    as_of: input.asOf,
    cakrawala: horizon,
    rows,
    indikator: { sebelum, sesudah: indicators(states, input.jenis, true) },
  };
}
