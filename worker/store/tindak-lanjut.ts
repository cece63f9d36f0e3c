import type { StandardRule } from "../../shared/coverage/standard";
import { NATIONAL } from "../../shared/coverage/units";
import type { JenisFasyankes, JenisTenaga, KategoriPuskesmas, KodePelatihan, StatusKepegawaian } from "../../shared/reference/codes";
import type { ListFacility, ListPerson } from "../../shared/tindak-lanjut/lists";
import type { PersonFilter } from "../../shared/tindak-lanjut/selection";
import { facilityInScopeSql } from "./scope-sql";
import { countColumn, JENIS } from "./coverage-versions";
import { parseRules, RULES_SQL } from "./coverage-standards";
import { prepare } from "../db/limits";
import { provinceOf } from "../db/region";
import type { Reader, Sql, SqlValue } from "../db/types";
import { facilitiesAtSql } from "./facilities";
import { personAtSql } from "./nakes";

/**
 * SQL of the tindak-lanjut lists and the placement plan (SPEC §9): reads only, of the rosters as of a
 * date D (SPEC §6, as coverage reads them): per facility the roster with the latest as_of ≤ D (the
 * person versions of nakes that hold at D, store/nakes.ts personAtSql, each with the pelatihan of the
 * upload that recorded it), the facility attributes of D (store/facilities.ts facilitiesAtSql) and the
 * staffing standard active at D (store/coverage-standards.ts RULES_SQL). Counts of a whole roster (persons
 * per profession, who holds a training) are coverage's per-version aggregates (coverage_version and
 * coverage_pelatihan, migration 0050, written with the roster at its commit by coverage/refresh.ts, and
 * dated by the same intervals), not the staff rows counted again. The rules stay in
 * shared/tindak-lanjut; the statements here only pre-filter by the thresholds they are given, so the
 * rows read stay few, and every value from a request is a bound parameter.
 */

export interface ListSelection {
  /** Region-code prefix or facility code asked for; null: the whole of `scope`. */
  region: string | null;
  /** The token's scope: the data read always lies within it (SPEC §7 Access). */
  scope: string;
  /** The date D (yyyy-mm-dd) whose rosters, facility attributes and standard are read. */
  asOf: string;
  /** Which persons (shared/tindak-lanjut/selection.ts). */
  persons: PersonFilter;
  /** Training codes to read for the selected persons. */
  trainings?: readonly KodePelatihan[];
  /** Also count persons per facility and profession at the facilities of the selected persons, and read the standard of D. */
  staffCounts?: boolean;
  /** [kode_pelatihan, jenis_fasyankes]: facilities of that kind (with a roster at D) where nobody holds the training. */
  facilityTrainings?: readonly (readonly [KodePelatihan, JenisFasyankes])[];
}

export interface StoredListFacts {
  facilities: ListFacility[];
  /** The selected persons; for the `poned` and `lacking` filters without their licence and term columns (null: those lists read none). */
  persons: ListPerson[];
  trainings: { kode_fasyankes: string; nik: string; kode_pelatihan: KodePelatihan }[];
  staff: { kode_fasyankes: string; jenis_tenaga: JenisTenaga; n: number }[];
  facilitiesWithout: { kode_fasyankes: string; kode_pelatihan: KodePelatihan }[];
  /** With staffCounts: the staffing standards at D by province (rulesAt picks a facility's). */
  standards: ProvinceStandards;
}

interface FacilityRow {
  kode: string;
  nama: string;
  jenis: JenisFasyankes;
  kategori: KategoriPuskesmas | null;
  rawat_inap: number;
  poned: number;
}

const toFacility = (r: FacilityRow): ListFacility => ({ ...r, rawat_inap: r.rawat_inap === 1, poned: r.poned === 1 });

const PERSON_COLUMNS = "n.kode_fasyankes, n.nik, n.nama, n.jenis_tenaga, n.status_kepegawaian, n.no_str, n.str_berlaku_sampai, n.no_sip, n.sip_berlaku_sampai, n.tmt_penugasan";

/** A person row as read (PERSON_COLUMNS, or NAMED_COLUMNS: the licence and term columns then come back null). */
function toPerson(r: Partial<ListPerson> & Pick<ListPerson, "kode_fasyankes" | "nik">): ListPerson {
  return {
    kode_fasyankes: r.kode_fasyankes,
    nik: r.nik,
    nama: r.nama!,
    jenis_tenaga: r.jenis_tenaga!,
    status_kepegawaian: r.status_kepegawaian!,
    no_str: r.no_str ?? null,
    str_berlaku_sampai: r.str_berlaku_sampai ?? null,
    no_sip: r.no_sip ?? null,
    sip_berlaku_sampai: r.sip_berlaku_sampai ?? null,
    tmt_penugasan: r.tmt_penugasan ?? null,
  };
}

/**
 * A cheap first test before the exact scope rule (store/scope-sql.ts facilityInScopeSql, costly per row, so
 * a province's lists would spend most of their time on the country's other facilities): the
 * facility's regency lies in the province of `place`, or the facility is `place` itself. Sound because
 * the facility master keeps a kecamatan inside its regency (shared/validate/masters.ts) and the scope
 * rule needs code and row to agree. `provinceBounds` gives the range [lo, hi) of regency codes;
 * national or unknown: every facility.
 */
function provinceBounds(place: string): [string, string] {
  // db/region's provinceOf: null for the national scope ("ID") and for a code of no known shape.
  const p = provinceOf(place);
  return p === null ? ["", "~"] : [p, `${p}:`];
}
const nearby = (f: string, lo: string, hi: string, place: string) => `((${f}.kode_wilayah >= ${lo} AND ${f}.kode_wilayah < ${hi}) OR ${f}.kode = ${place})`;

/**
 * ?1 region (or the scope again), ?2 scope, ?3/?4 the province bounds of ?1, ?5 the date D: the
 * facilities with their attributes of D, active then, inside both.
 */
function facilitiesCte(poned: boolean): string {
  return `f AS MATERIALIZED (
    SELECT f.kode, f.nama, f.jenis, f.kategori, f.rawat_inap, f.poned FROM (${facilitiesAtSql("?5")}) AS f
    WHERE f.aktif = 1 AND ${nearby("f", "?3", "?4", "?1")} AND ${facilityInScopeSql("f", "?1")} AND ${facilityInScopeSql("f", "?2")}
      ${poned ? "AND f.jenis = 'PUSKESMAS' AND f.poned = 1" : ""})`;
}

/** The person versions of the facilities that hold at D (?5): each facility's roster of D (store/nakes.ts, migration 0070). */
const ROWS_AT = rowsAt();

/** ROWS_AT read through the index `index` (migration 0082) where the planner cannot tell it is the better one. */
function rowsAt(index?: string): string {
  return `f JOIN nakes n${index ? ` INDEXED BY ${index}` : ""} ON n.kode_fasyankes = f.kode AND ${personAtSql("n", "?5")}`;
}

/** The columns of a person the poned and pelatihan lists read (shared/tindak-lanjut/lists.ts ponedList, pelatihanList). */
const NAMED_COLUMNS = "n.kode_fasyankes, n.nik, n.nama, n.jenis_tenaga, n.status_kepegawaian";

interface PersonCondition {
  where: string;
  params: SqlValue[];
  /** The rows read (default ROWS_AT). */
  rows: string;
  /** The columns read (default PERSON_COLUMNS): a province's pelatihan list is ~30,000 persons, and every column is carried out of D1. */
  columns: string;
}

/**
 * The person condition of a filter, its values bound from ?6 on, the index it reads through (the
 * partial indexes of migration 0082: the sip and term ones the planner picks by their range), and the
 * columns read.
 */
function personWhere(p: PersonFilter): PersonCondition {
  return { rows: ROWS_AT, columns: PERSON_COLUMNS, ...condition(p) };
}

function condition(p: PersonFilter): Pick<PersonCondition, "where" | "params"> & Partial<PersonCondition> {
  switch (p.kind) {
    case "sip":
      return { where: "n.sip_berlaku_sampai IS NOT NULL AND n.sip_berlaku_sampai <= ?6", params: [p.until] };
    case "str":
      return {
        // A OR (B AND C) as (A OR B) AND (A OR C): the first term is the WHERE of the partial index
        // nakes_str_at (migration 0082), written as there so SQLite may read it.
        where: "(n.str_berlaku_sampai IS NOT NULL OR n.no_str IS NULL) AND (n.str_berlaku_sampai IS NOT NULL OR n.jenis_tenaga IN (SELECT value FROM json_each(?6)))",
        params: [JSON.stringify(p.needsStr)],
        // Its columns are nakes_facility's, so without statistics of its own the planner takes that one.
        rows: rowsAt("nakes_str_at"),
      };
    case "term":
      return {
        where: "n.status_kepegawaian IN (SELECT value FROM json_each(?6)) AND n.tmt_penugasan IS NOT NULL AND n.tmt_penugasan <= ?7",
        params: [JSON.stringify(p.statuses), p.tmtUntil],
      };
    case "poned":
      return { where: "n.jenis_tenaga IN (SELECT value FROM json_each(?6))", params: [JSON.stringify(p.jenis)], columns: NAMED_COLUMNS };
    case "lacking":
      // Need i: its pairs bound as ?(6+2i), its code as ?(7+2i).
      return {
        where:
          p.needs
            .map(
              (_, i) => `(f.jenis || '|' || n.jenis_tenaga IN (SELECT value FROM json_each(?${6 + 2 * i}))
                AND NOT EXISTS (SELECT 1 FROM pelatihan q WHERE q.upload_id = n.upload_id AND q.nik = n.nik AND q.kode_pelatihan = ?${7 + 2 * i}))`,
            )
            .join(" OR ") || "0",
        params: p.needs.flatMap((n) => [JSON.stringify(n.pairs), n.kode]),
        columns: NAMED_COLUMNS,
      };
  }
}

/**
 * The coverage version of each facility of `from` (a relation with `kode_fasyankes`) that holds at D
 * (?5): its roster's persons per profession (t_<JENIS>, COUNT DISTINCT NIK, as the lists count them).
 */
function versionsAt(from: string, kode: string): string {
  return `${from} JOIN coverage_version v ON v.kode_fasyankes = ${kode} AND ${personAtSql("v", "?5")}`;
}

/** Per facility and profession, the persons of its version of D: `SELECT`ed by versionsAt, columns kode_fasyankes and t_<JENIS>. */
const STAFF_COLUMNS = JENIS.map((j) => `v.${countColumn(j)} AS ${j}`).join(", ");

/** The rows of STAFF_COLUMNS as (facility, profession, persons), professions with none left out. */
function staffRows(rows: readonly Record<string, unknown>[]): StoredListFacts["staff"] {
  const out: StoredListFacts["staff"] = [];
  for (const r of rows) {
    for (const j of JENIS) {
      const n = r[j];
      if (typeof n === "number" && n > 0) out.push({ kode_fasyankes: String(r["kode_fasyankes"]), jenis_tenaga: j, n });
    }
  }
  return out;
}

/**
 * The standards RULES_SQL read, by province: each province's own active set at the date, and the
 * national one (key NATIONAL, migration 0060). Arrays are kept per province, so a list can cache by them.
 */
export type ProvinceStandards = ReadonlyMap<string, StandardRule[]>;

function standardsOf(rows: readonly Record<string, unknown>[]): ProvinceStandards {
  const byProvince = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) {
    const p = String(r["provinsi"]);
    const list = byProvince.get(p);
    if (list) list.push(r);
    else byProvince.set(p, [r]);
  }
  return new Map([...byProvince].map(([p, rs]) => [p, parseRules(rs)]));
}

/**
 * The standard that holds at `place` (a region, facility code or scope): its province's own set, else
 * the national one (SPEC §7: coverage of a facility uses its province's active set).
 */
export function rulesAt(standards: ProvinceStandards, place: string | null): StandardRule[] {
  return standards.get(provinceOf(place) ?? NATIONAL) ?? standards.get(NATIONAL) ?? [];
}

/**
 * The facts of one list over the facilities of `region` ∩ `scope` as of `asOf`, in one batch (one
 * consistent snapshot): the facilities, the selected persons of their rosters of that date, the
 * trainings asked for of those persons, and (with staffCounts) persons per profession at the
 * facilities of those persons and the standard of that date.
 */
export async function readListFacts(db: Reader, s: ListSelection): Promise<StoredListFacts> {
  const poned = s.persons.kind === "poned";
  const cond = personWhere(s.persons);
  const place = s.region ?? s.scope;
  const facilityParams: SqlValue[] = [place, s.scope, ...provinceBounds(place), s.asOf];
  const params: SqlValue[] = [...facilityParams, ...cond.params];
  const selected = `sel AS MATERIALIZED (SELECT ${PERSON_COLUMNS} FROM ${cond.rows} WHERE (${cond.where}))`;
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
    { sql: `WITH ${facilitiesCte(poned)} SELECT * FROM f`, params: facilityParams },
    {
      sql: `WITH ${facilitiesCte(poned)} SELECT ${cond.columns}${held} FROM ${cond.rows} WHERE (${cond.where})`,
      params,
    },
  ];
  if (s.staffCounts) {
    statements.push(
      {
        sql: `WITH ${facilitiesCte(poned)}, ${selected}
        SELECT v.kode_fasyankes, ${STAFF_COLUMNS} FROM ${versionsAt("(SELECT DISTINCT kode_fasyankes FROM sel) s", "s.kode_fasyankes")}`,
        params,
      },
      { sql: RULES_SQL, params: [s.asOf] },
    );
  }
  const withoutTraining = s.facilityTrainings !== undefined && s.facilityTrainings.length > 0;
  if (withoutTraining) {
    // Facilities with a roster at D whose version has no one holding the training (coverage_pelatihan
    // holds a row per training someone of the version holds).
    statements.push({
      sql: `WITH ${facilitiesCte(false)}
        SELECT f.kode AS kode_fasyankes, j.value->>0 AS kode_pelatihan
        FROM ${versionsAt("f", "f.kode")} JOIN json_each(?6) j ON j.value->>1 = f.jenis
        WHERE NOT EXISTS (SELECT 1 FROM coverage_pelatihan p WHERE p.version_id = v.id AND p.kode = j.value->>0)`,
      params: [...facilityParams, JSON.stringify(s.facilityTrainings)],
    });
  }
  const results = await db.batch(statements.map((x) => prepare(db, x)));
  const rows = <T>(i: number) => (results[i]?.results ?? []) as T[];
  let i = 2;
  const persons: ListPerson[] = [];
  const trainings: StoredListFacts["trainings"] = [];
  for (const r of rows<Partial<ListPerson> & Pick<ListPerson, "kode_fasyankes" | "nik"> & { held?: string | null }>(1)) {
    const person = toPerson(r);
    persons.push(person);
    if (r.held) for (const k of r.held.split(",")) trainings.push({ kode_fasyankes: person.kode_fasyankes, nik: person.nik, kode_pelatihan: k as KodePelatihan });
  }
  const staff = s.staffCounts ? staffRows(rows<Record<string, unknown>>(i++)) : [];
  const standards = s.staffCounts ? standardsOf(rows<Record<string, unknown>>(i++)) : new Map<string, StandardRule[]>();
  return {
    facilities: rows<FacilityRow>(0).map(toFacility),
    persons,
    trainings,
    staff,
    facilitiesWithout: withoutTraining ? rows<StoredListFacts["facilitiesWithout"][number]>(i++) : [],
    standards,
  };
}

export interface PlacementFacts {
  /** Active puskesmas of the region at the date, with their attributes of then. */
  puskesmas: { kode: string; nama: string; kategori: KategoriPuskesmas | null; rawat_inap: boolean }[];
  /** Persons per puskesmas and profession in the rosters of the date. */
  staff: { kode_fasyankes: string; jenis_tenaga: JenisTenaga; n: number }[];
  /** Staff of a status with a term and a TMT on or before `tmtUntil`. */
  terms: { kode_fasyankes: string; jenis_tenaga: JenisTenaga; status_kepegawaian: StatusKepegawaian; tmt_penugasan: string }[];
  /** The staffing standard of the region's province at the date (else the national one). */
  rules: StandardRule[];
}

/**
 * The counts the placement plan needs for the puskesmas of a region (a 2/4/6-digit code) as of `asOf`
 * (each puskesmas's roster of that date, SPEC §6), in one batch.
 */
export async function readPlacementFacts(
  db: Reader,
  region: string,
  asOf: string,
  terms: { statuses: readonly StatusKepegawaian[]; tmtUntil: string },
): Promise<PlacementFacts> {
  const pk = `f AS MATERIALIZED (
    SELECT f.kode, f.nama, f.kategori, f.rawat_inap FROM (${facilitiesAtSql("?5")}) AS f
    WHERE f.aktif = 1 AND f.jenis = 'PUSKESMAS' AND ${nearby("f", "?3", "?4", "?1")} AND ${facilityInScopeSql("f", "?1")})`;
  // ?2 (the lists' scope) is not used here: bound anyway, so the numbering of ROWS_AT is shared.
  const base: SqlValue[] = [region, region, ...provinceBounds(region), asOf];
  const [facilities, staff, ending, rules] = await db.batch([
    prepare(db, { sql: `WITH ${pk} SELECT * FROM f ORDER BY f.kode`, params: base }),
    prepare(db, {
      sql: `WITH ${pk} SELECT v.kode_fasyankes, ${STAFF_COLUMNS} FROM ${versionsAt("f", "f.kode")}`,
      params: base,
    }),
    prepare(db, {
      sql: `WITH ${pk} SELECT n.kode_fasyankes, n.jenis_tenaga, n.status_kepegawaian, n.tmt_penugasan FROM ${ROWS_AT}
        WHERE n.status_kepegawaian IN (SELECT value FROM json_each(?6)) AND n.tmt_penugasan IS NOT NULL AND n.tmt_penugasan <= ?7`,
      params: [...base, JSON.stringify(terms.statuses), terms.tmtUntil],
    }),
    prepare(db, { sql: RULES_SQL, params: [asOf] }),
  ]);
  return {
    puskesmas: ((facilities?.results ?? []) as { kode: string; nama: string; kategori: KategoriPuskesmas | null; rawat_inap: number }[]).map((r) => ({
      ...r,
      rawat_inap: r.rawat_inap === 1,
    })),
    staff: staffRows((staff?.results ?? []) as Record<string, unknown>[]),
    terms: (ending?.results ?? []) as PlacementFacts["terms"],
    rules: rulesAt(standardsOf((rules?.results ?? []) as Record<string, unknown>[]), region),
  };
}
