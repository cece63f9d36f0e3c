import type { JenisFasyankes, JenisTenaga, KategoriPuskesmas, KodePelatihan, StatusKepegawaian } from "../../shared/reference/codes";
import type { PersonFilter } from "../../shared/tindak-lanjut/selection";
import { facilityInScopeSql, isNational, provinceOfScope } from "../auth/scope";
import { prepare } from "../db/limits";
import type { Reader, Sql, SqlValue } from "../db/types";
import { currentPersonSql } from "./nakes";

/**
 * SQL of the tindak-lanjut lists and the placement plan (SPEC §9): reads only, of the current rosters
 * (the current person versions of nakes, each with the pelatihan of the upload that recorded it) and
 * the facility master. The rules stay in
 * shared/tindak-lanjut; the statements here only pre-filter by the thresholds they are given, so the
 * rows read stay few, and every value from a request is a bound parameter.
 */

export interface ListSelection {
  /** Region-code prefix or facility code asked for; null: the whole of `scope`. */
  region: string | null;
  /** The token's scope: the data read always lies within it (SPEC §7 Access). */
  scope: string;
  /** Which persons (shared/tindak-lanjut/selection.ts). */
  persons: PersonFilter;
  /** Training codes to read for the selected persons. */
  trainings?: readonly KodePelatihan[];
  /** Also count persons per facility and profession at the facilities of the selected persons. */
  staffCounts?: boolean;
  /** [kode_pelatihan, jenis_fasyankes]: facilities of that kind (with a current roster) where nobody holds the training. */
  facilityTrainings?: readonly (readonly [KodePelatihan, JenisFasyankes])[];
}

export interface StoredListFacility {
  kode: string;
  nama: string;
  jenis: JenisFasyankes;
  kategori: KategoriPuskesmas | null;
  rawat_inap: boolean;
  poned: boolean;
}

export interface StoredListPerson {
  kode_fasyankes: string;
  nik: string;
  nama: string;
  jenis_tenaga: JenisTenaga;
  status_kepegawaian: StatusKepegawaian;
  no_str: string | null;
  str_berlaku_sampai: string | null;
  no_sip: string | null;
  sip_berlaku_sampai: string | null;
  tmt_penugasan: string | null;
}

export interface StoredListFacts {
  facilities: StoredListFacility[];
  persons: StoredListPerson[];
  trainings: { kode_fasyankes: string; nik: string; kode_pelatihan: KodePelatihan }[];
  staff: { kode_fasyankes: string; jenis_tenaga: JenisTenaga; n: number }[];
  facilitiesWithout: { kode_fasyankes: string; kode_pelatihan: KodePelatihan }[];
}

interface FacilityRow {
  kode: string;
  nama: string;
  jenis: JenisFasyankes;
  kategori: KategoriPuskesmas | null;
  rawat_inap: number;
  poned: number;
}

const toFacility = (r: FacilityRow): StoredListFacility => ({ ...r, rawat_inap: r.rawat_inap === 1, poned: r.poned === 1 });

const PERSON_COLUMNS = "n.kode_fasyankes, n.nik, n.nama, n.jenis_tenaga, n.status_kepegawaian, n.no_str, n.str_berlaku_sampai, n.no_sip, n.sip_berlaku_sampai, n.tmt_penugasan";

/**
 * A cheap first test before the exact scope rule (auth/scope.ts facilityInScopeSql, costly per row, so
 * a province's lists would spend most of their time on the country's other facilities): the
 * facility's regency lies in the province of `place`, or the facility is `place` itself. Sound because
 * the facility master keeps a kecamatan inside its regency (shared/validate/masters.ts) and the scope
 * rule needs code and row to agree. `provinceBounds` gives the range [lo, hi) of regency codes;
 * national or unknown: every facility.
 */
function provinceBounds(place: string): [string, string] {
  const p = provinceOfScope(place);
  return p === null || isNational(p) ? ["", "~"] : [p, `${p}:`];
}
const nearby = (f: string, lo: string, hi: string, place: string) => `((${f}.kode_wilayah >= ${lo} AND ${f}.kode_wilayah < ${hi}) OR ${f}.kode = ${place})`;

/** ?1 region (or the scope again), ?2 scope, ?3/?4 the province bounds of ?1: active facilities inside both. */
function facilitiesCte(poned: boolean): string {
  return `f AS MATERIALIZED (
    SELECT f.kode, f.nama, f.jenis, f.kategori, f.rawat_inap, f.poned FROM fasyankes f
    WHERE f.aktif = 1 AND ${nearby("f", "?3", "?4", "?1")} AND ${facilityInScopeSql("f", "?1")} AND ${facilityInScopeSql("f", "?2")}
      ${poned ? "AND f.jenis = 'PUSKESMAS' AND f.poned = 1" : ""})`;
}

/** The current person versions of the facilities (store/nakes.ts, migration 0070). */
const CURRENT_ROWS = `f JOIN nakes n ON n.kode_fasyankes = f.kode AND ${currentPersonSql("n")}`;

/** The person condition of a filter, its values bound from ?5 on. */
function personWhere(p: PersonFilter): { where: string; params: SqlValue[] } {
  switch (p.kind) {
    case "sip":
      return { where: "n.sip_berlaku_sampai IS NOT NULL AND n.sip_berlaku_sampai <= ?5", params: [p.until] };
    case "str":
      return {
        where: "n.str_berlaku_sampai IS NOT NULL OR (n.no_str IS NULL AND n.jenis_tenaga IN (SELECT value FROM json_each(?5)))",
        params: [JSON.stringify(p.needsStr)],
      };
    case "term":
      return {
        where: "n.status_kepegawaian IN (SELECT value FROM json_each(?5)) AND n.tmt_penugasan IS NOT NULL AND n.tmt_penugasan <= ?6",
        params: [JSON.stringify(p.statuses), p.tmtUntil],
      };
    case "poned":
      return { where: "n.jenis_tenaga IN (SELECT value FROM json_each(?5))", params: [JSON.stringify(p.jenis)] };
    case "pairs":
      return {
        where: "f.jenis || '|' || n.jenis_tenaga IN (SELECT value FROM json_each(?5))",
        params: [JSON.stringify(p.pairs)],
      };
  }
}

/**
 * The facts of one list over the facilities of `region` ∩ `scope`, in one batch (one consistent
 * snapshot): the facilities, the selected persons of their current rosters, the trainings asked for
 * of those persons, and (with staffCounts) persons per profession at the facilities of those persons.
 */
export async function readListFacts(db: Reader, s: ListSelection): Promise<StoredListFacts> {
  const poned = s.persons.kind === "poned";
  const cond = personWhere(s.persons);
  const place = s.region ?? s.scope;
  const params: SqlValue[] = [place, s.scope, ...provinceBounds(place), ...cond.params];
  const selected = `sel AS MATERIALIZED (SELECT ${PERSON_COLUMNS} FROM ${CURRENT_ROWS} WHERE (${cond.where}))`;
  const withTrainings = s.trainings !== undefined && s.trainings.length > 0;
  // The training codes asked for that each person holds, read with the person ("PONED,PPI"): one scan.
  // The codes are reference data ([A-Z0-9_], checked), spliced so the correlated subquery has no
  // json_each to re-read per person.
  const codes = (s.trainings ?? []).filter((k) => /^[A-Z0-9_]+$/.test(k)).map((k) => `'${k}'`).join(", ");
  const held = withTrainings
    ? `, (SELECT group_concat(DISTINCT p.kode_pelatihan) FROM pelatihan p
          WHERE p.upload_id = n.upload_id AND p.nik = n.nik AND p.kode_pelatihan IN (${codes})) AS held`
    : "";
  const statements: Sql[] = [
    { sql: `WITH ${facilitiesCte(poned)} SELECT * FROM f`, params: params.slice(0, 4) },
    {
      sql: `WITH ${facilitiesCte(poned)} SELECT ${PERSON_COLUMNS}${held} FROM ${CURRENT_ROWS} WHERE (${cond.where})`,
      params,
    },
  ];
  if (s.staffCounts) {
    statements.push({
      sql: `WITH ${facilitiesCte(poned)}, ${selected}
        SELECT n.kode_fasyankes, n.jenis_tenaga, COUNT(DISTINCT n.nik) AS n
        FROM (SELECT DISTINCT kode_fasyankes FROM sel) s
        JOIN nakes n ON n.kode_fasyankes = s.kode_fasyankes AND ${currentPersonSql("n")}
        GROUP BY n.kode_fasyankes, n.jenis_tenaga`,
      params,
    });
  }
  const withoutTraining = s.facilityTrainings !== undefined && s.facilityTrainings.length > 0;
  if (withoutTraining) {
    statements.push({
      sql: `WITH ${facilitiesCte(false)}
        SELECT f.kode AS kode_fasyankes, j.value->>0 AS kode_pelatihan
        FROM f JOIN roster_current c ON c.kode_fasyankes = f.kode JOIN json_each(?5) j ON j.value->>1 = f.jenis
        WHERE NOT EXISTS (
          SELECT 1 FROM nakes n JOIN pelatihan p ON p.upload_id = n.upload_id AND p.nik = n.nik
          WHERE n.kode_fasyankes = f.kode AND ${currentPersonSql("n")} AND p.kode_pelatihan = j.value->>0)`,
      params: [...params.slice(0, 4), JSON.stringify(s.facilityTrainings)],
    });
  }
  const results = await db.batch(statements.map((x) => prepare(db, x)));
  const rows = <T>(i: number) => (results[i]?.results ?? []) as T[];
  let i = 2;
  const persons: StoredListPerson[] = [];
  const trainings: StoredListFacts["trainings"] = [];
  for (const { held, ...person } of rows<StoredListPerson & { held?: string | null }>(1)) {
    persons.push(person);
    if (held) for (const k of held.split(",")) trainings.push({ kode_fasyankes: person.kode_fasyankes, nik: person.nik, kode_pelatihan: k as KodePelatihan });
  }
  return {
    facilities: rows<FacilityRow>(0).map(toFacility),
    persons,
    trainings,
    staff: s.staffCounts ? rows<StoredListFacts["staff"][number]>(i++) : [],
    facilitiesWithout: withoutTraining ? rows<StoredListFacts["facilitiesWithout"][number]>(i++) : [],
  };
}

export interface PlacementFacts {
  /** Active puskesmas of the region. */
  puskesmas: { kode: string; nama: string; kategori: KategoriPuskesmas | null; rawat_inap: boolean }[];
  /** Persons per puskesmas and profession in the current rosters. */
  staff: { kode_fasyankes: string; jenis_tenaga: JenisTenaga; n: number }[];
  /** Staff of a status with a term and a TMT on or before `tmtUntil`. */
  terms: { kode_fasyankes: string; jenis_tenaga: JenisTenaga; status_kepegawaian: StatusKepegawaian; tmt_penugasan: string }[];
}

/** The counts the placement plan needs for the puskesmas of a region (a 2/4/6-digit code), in one batch. */
export async function readPlacementFacts(
  db: Reader,
  region: string,
  terms: { statuses: readonly StatusKepegawaian[]; tmtUntil: string },
): Promise<PlacementFacts> {
  const pk = `f AS MATERIALIZED (
    SELECT f.kode, f.nama, f.kategori, f.rawat_inap FROM fasyankes f
    WHERE f.aktif = 1 AND f.jenis = 'PUSKESMAS' AND ${nearby("f", "?2", "?3", "?1")} AND ${facilityInScopeSql("f", "?1")})`;
  const bounds = provinceBounds(region);
  const [facilities, staff, ending] = await db.batch([
    prepare(db, { sql: `WITH ${pk} SELECT * FROM f ORDER BY f.kode`, params: [region, ...bounds] }),
    prepare(db, {
      sql: `WITH ${pk} SELECT n.kode_fasyankes, n.jenis_tenaga, COUNT(DISTINCT n.nik) AS n FROM ${CURRENT_ROWS}
        GROUP BY n.kode_fasyankes, n.jenis_tenaga`,
      params: [region, ...bounds],
    }),
    prepare(db, {
      sql: `WITH ${pk} SELECT n.kode_fasyankes, n.jenis_tenaga, n.status_kepegawaian, n.tmt_penugasan FROM ${CURRENT_ROWS}
        WHERE n.status_kepegawaian IN (SELECT value FROM json_each(?4)) AND n.tmt_penugasan IS NOT NULL AND n.tmt_penugasan <= ?5`,
      params: [region, ...bounds, JSON.stringify(terms.statuses), terms.tmtUntil],
    }),
  ]);
  return {
    puskesmas: ((facilities?.results ?? []) as { kode: string; nama: string; kategori: KategoriPuskesmas | null; rawat_inap: number }[]).map((r) => ({
      ...r,
      rawat_inap: r.rawat_inap === 1,
    })),
    staff: (staff?.results ?? []) as PlacementFacts["staff"],
    terms: (ending?.results ?? []) as PlacementFacts["terms"],
  };
}
