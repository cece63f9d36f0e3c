import type { JenisFasyankes, JenisTenaga, KategoriPuskesmas, KodePelatihan, StatusKepegawaian } from "../../shared/reference/codes";
import type { PersonFilter } from "../../shared/tindak-lanjut/selection";
import { facilityInScopeSql } from "../auth/scope";
import { prepare } from "../db/limits";
import type { Reader, Sql, SqlValue } from "../db/types";

/**
 * SQL of the tindak-lanjut lists and the placement plan (SPEC §9): reads only, of the current rosters
 * (roster_current → nakes, pelatihan of the same upload) and the facility master. The rules stay in
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

/** ?1 region (or the scope again), ?2 scope: active facilities inside both. */
function facilitiesCte(poned: boolean): string {
  return `f AS MATERIALIZED (
    SELECT f.kode, f.nama, f.jenis, f.kategori, f.rawat_inap, f.poned FROM fasyankes f
    WHERE f.aktif = 1 AND ${facilityInScopeSql("f", "?1")} AND ${facilityInScopeSql("f", "?2")}
      ${poned ? "AND f.jenis = 'PUSKESMAS' AND f.poned = 1" : ""})`;
}

const CURRENT_ROWS = `f JOIN roster_current c ON c.kode_fasyankes = f.kode
  JOIN nakes n ON n.upload_id = c.upload_id AND n.kode_fasyankes = c.kode_fasyankes`;

/** The person condition of a filter, its values bound from ?3 on. */
function personWhere(p: PersonFilter): { where: string; params: SqlValue[] } {
  switch (p.kind) {
    case "sip":
      return { where: "n.sip_berlaku_sampai IS NOT NULL AND n.sip_berlaku_sampai <= ?3", params: [p.until] };
    case "str":
      return {
        where: "n.str_berlaku_sampai IS NOT NULL OR (n.no_str IS NULL AND n.jenis_tenaga IN (SELECT value FROM json_each(?3)))",
        params: [JSON.stringify(p.needsStr)],
      };
    case "term":
      return {
        where: "n.status_kepegawaian IN (SELECT value FROM json_each(?3)) AND n.tmt_penugasan IS NOT NULL AND n.tmt_penugasan <= ?4",
        params: [JSON.stringify(p.statuses), p.tmtUntil],
      };
    case "poned":
      return { where: "n.jenis_tenaga IN (SELECT value FROM json_each(?3))", params: [JSON.stringify(p.jenis)] };
    case "pairs":
      return {
        where: "EXISTS (SELECT 1 FROM json_each(?3) j WHERE j.value->>0 = f.jenis AND j.value->>1 = n.jenis_tenaga)",
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
  const params: SqlValue[] = [s.region ?? s.scope, s.scope, ...cond.params];
  const selected = `sel AS MATERIALIZED (SELECT ${PERSON_COLUMNS}, c.upload_id FROM ${CURRENT_ROWS} WHERE ${cond.where})`;
  const next = params.length + 1;
  const statements: Sql[] = [
    { sql: `WITH ${facilitiesCte(poned)} SELECT * FROM f`, params: params.slice(0, 2) },
    { sql: `WITH ${facilitiesCte(poned)}, ${selected} SELECT ${PERSON_COLUMNS} FROM sel n`, params },
  ];
  if (s.trainings && s.trainings.length > 0) {
    statements.push({
      sql: `WITH ${facilitiesCte(poned)}, ${selected}
        SELECT DISTINCT n.kode_fasyankes, n.nik, p.kode_pelatihan FROM sel n
        JOIN pelatihan p ON p.upload_id = n.upload_id AND p.nik = n.nik
        WHERE p.kode_pelatihan IN (SELECT value FROM json_each(?${next}))`,
      params: [...params, JSON.stringify(s.trainings)],
    });
  }
  if (s.staffCounts) {
    statements.push({
      sql: `WITH ${facilitiesCte(poned)}, ${selected}
        SELECT n.kode_fasyankes, n.jenis_tenaga, COUNT(DISTINCT n.nik) AS n
        FROM ${CURRENT_ROWS} WHERE f.kode IN (SELECT kode_fasyankes FROM sel)
        GROUP BY n.kode_fasyankes, n.jenis_tenaga`,
      params,
    });
  }
  const results = await db.batch(statements.map((x) => prepare(db, x)));
  const rows = <T>(i: number) => (results[i]?.results ?? []) as T[];
  let i = 2;
  return {
    facilities: rows<FacilityRow>(0).map(toFacility),
    persons: rows<StoredListPerson>(1),
    trainings: s.trainings && s.trainings.length > 0 ? rows<StoredListFacts["trainings"][number]>(i++) : [],
    staff: s.staffCounts ? rows<StoredListFacts["staff"][number]>(i++) : [],
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
    WHERE f.aktif = 1 AND f.jenis = 'PUSKESMAS' AND ${facilityInScopeSql("f", "?1")})`;
  const [facilities, staff, ending] = await db.batch([
    prepare(db, { sql: `WITH ${pk} SELECT * FROM f ORDER BY f.kode`, params: [region] }),
    prepare(db, {
      sql: `WITH ${pk} SELECT n.kode_fasyankes, n.jenis_tenaga, COUNT(DISTINCT n.nik) AS n FROM ${CURRENT_ROWS}
        GROUP BY n.kode_fasyankes, n.jenis_tenaga`,
      params: [region],
    }),
    prepare(db, {
      sql: `WITH ${pk} SELECT n.kode_fasyankes, n.jenis_tenaga, n.status_kepegawaian, n.tmt_penugasan FROM ${CURRENT_ROWS}
        WHERE n.status_kepegawaian IN (SELECT value FROM json_each(?2)) AND n.tmt_penugasan IS NOT NULL AND n.tmt_penugasan <= ?3`,
      params: [region, JSON.stringify(terms.statuses), terms.tmtUntil],
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
