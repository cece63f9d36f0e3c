import type { CoverageLevel } from "../../shared/api/coverage";
import type { ResolvedQuery } from "../../shared/coverage/build";
import { addDays } from "../../shared/coverage/dates";
import { key } from "../../shared/coverage/keys";
import { NINE_JENIS } from "../../shared/coverage/professions";
import { NATIONAL } from "../../shared/coverage/units";
import { windowsFor } from "../../shared/coverage/windows";
import type { JenisStandar } from "../../shared/reference/codes";
import { countColumn, JENIS, OPEN_END, PONED_COMPLETE, quote, standardCountSql } from "./columns";
import type { Sql, SqlValue } from "../db/types";
import { FACILITY_SOURCE, POPULATION_SOURCE, REGION_NAME_SOURCE } from "./sources";
import { activeSetsAtSql } from "./active-sets";

/**
 * The read statements of GET /v1/coverage. They sum the per-facility-version aggregates (never the
 * staff rows) of the versions current at the end of the as_of day, grouped by row unit. Every value
 * from the request is a bound parameter; the only text spliced in comes from fixed maps and code lists.
 */

type Param = SqlValue;

/** The unit each level groups facilities into. */
const UNIT_SQL: Record<CoverageLevel, string> = {
  facility: "f.kode",
  kecamatan: "COALESCE(f.kecamatan, f.kode_wilayah)",
  regency: "f.kode_wilayah",
  province: "substr(f.kode_wilayah, 1, 2)",
  national: "'ID'",
};

const ident = (s: string) => `"${s}"`;

/** Binds exactly the numbered parameters a statement uses (?1 … ?n): D1 refuses extra ones. */
function bindUsed(sql: string, params: readonly Param[]): Sql {
  const used = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  return { sql, params: params.slice(0, used) };
}

/**
 * ?1 end of the as_of day (exclusive: versions current before it), ?2 as_of, ?3 last day of "SIP
 * expiring", ?4 the least TMT of a Penugasan Khusus still running at as_of, ?5 the least TMT running past
 * "penugasan ending" (shared/coverage/windows.ts: the shared calendar's term rule), ?6/?7 the region's bounds.
 */
function parameters(q: ResolvedQuery): { params: Param[]; facilities: string; population: string } {
  const w = windowsFor(q.as_of);
  const base: Param[] = [addDays(q.as_of, 1), w.asOf, w.sipExpiringUntil, w.penugasanActiveFrom, w.penugasanLaterFrom];
  const r = q.region;
  if (r === null) return { params: base, facilities: "1", population: "1" };
  if (/^\d{2}$|^\d{4}$/.test(r)) {
    return {
      params: [...base, r, `${r}:`],
      facilities: "f.kode_wilayah >= ?6 AND f.kode_wilayah < ?7",
      population: "p.kode_wilayah >= ?6 AND p.kode_wilayah < ?7",
    };
  }
  if (/^\d{6}$/.test(r)) return { params: [...base, r], facilities: "f.kecamatan = ?6", population: "p.kode_wilayah = ?6" };
  return { params: [...base, r], facilities: "f.kode = ?6", population: "0" };
}

/** The active facilities of the region. */
function regionFacilities(where: string): string {
  return `f AS (SELECT * FROM (${FACILITY_SOURCE}) AS f WHERE ${where})`;
}

/**
 * The id of facility `kode`'s roster version current at the end of the as_of day (its interval holds
 * ?1, exclusive). Intervals of one facility never overlap, so at most one is; it is sought from the
 * latest valid_from before ?1 backwards in the covering index (kode_fasyankes, valid_from, valid_to),
 * so a facility's earlier versions (a version a month: 24 after two years) are not read.
 */
const currentVersionId = (kode: string) =>
  `(SELECT x.id FROM coverage_version x WHERE x.kode_fasyankes = ${kode} AND x.valid_from < ?1 AND (x.valid_to IS NULL OR x.valid_to >= ?1)
    ORDER BY x.valid_from DESC LIMIT 1)`;

/** Their roster versions current at the end of the as_of day, each with its row unit. */
function currentVersions(level: CoverageLevel, where: string): string {
  return `${regionFacilities(where)},
cur AS (
  SELECT v.id, v.poned_tim, ${JENIS.map((j) => `v.${countColumn(j)}`).join(", ")},
    f.kode, f.jenis, f.kategori, f.rawat_inap, f.poned, f.kode_wilayah, ${UNIT_SQL[level]} AS unit
  FROM f JOIN coverage_version v ON v.id = ${currentVersionId("f.kode")}
)`;
}

/** Only the version ids and units, from the covering index: for statements that join fact tables. */
function currentIds(level: CoverageLevel, where: string): string {
  return `${regionFacilities(where)},
cur AS MATERIALIZED (
  SELECT ${currentVersionId("f.kode")} AS id, ${UNIT_SQL[level]} AS unit FROM f
)`;
}

/**
 * The fact rows that hold at ?2 and that a coverage read needs, as seeks in coverage_fakta's key
 * (facility, kind, valid_to, tgl; migration 0090): the current ones (valid_to open) by date — SIPs
 * only up to the end of the "expiring" window ?3 (later ones count nowhere), the other kinds whole —
 * and the ones that ended after ?2. The latest date so never reads a facility's history. Three
 * terms: D1 caps a compound SELECT's.
 */
const FACT_ROWS = [
  `c.kind = 'sip' AND c.valid_to = ${OPEN_END} AND c.tgl <= ?3`,
  `c.kind IN ('penugasan', 'str_tidak_ada') AND c.valid_to = ${OPEN_END}`,
  `c.kind IN ('sip', 'penugasan', 'str_tidak_ada') AND c.valid_to > ?2 AND c.valid_to < ${OPEN_END} AND (c.kind <> 'sip' OR c.tgl <= ?3)`,
].map((seek) => `coverage_fakta c ON c.kode_fasyankes = u.kode AND ${seek} AND c.valid_from > '' AND c.valid_from <= ?2`);

/** Per unit: facilities by kind, staff per profession, and the puskesmas indicators. */
function facilitySums(): string {
  const pk = "jenis = 'PUSKESMAS'";
  const present = (s: JenisStandar) => `(${standardCountSql("cur", s)}) > 0`;
  const cols = [
    `COUNT(*) AS ${ident(key.fasyankes)}`,
    ...(["PUSKESMAS", "RUMAH_SAKIT", "KLINIK", "LABKES"] as const).map((j) => `SUM(jenis = ${quote(j)}) AS ${ident(key.fasyankesJenis(j))}`),
    ...JENIS.map((j) => `SUM(${countColumn(j)}) AS ${ident(key.tenaga(j))}`),
    `SUM(${pk}) AS ${ident(key.puskesmas)}`,
    `SUM(${pk} AND ${NINE_JENIS.map(present).join(" AND ")}) AS ${ident(key.sembilanLengkap)}`,
    ...NINE_JENIS.map((s) => `SUM(${pk} AND ${present(s)}) AS ${ident(key.puskesmasAda(s))}`),
    `SUM(${pk} AND ${countColumn("DOKTER")} = 0) AS ${ident(key.tanpaDokter)}`,
    `SUM(${pk} AND poned = 1) AS ${ident(key.poned)}`,
    `SUM(${pk} AND poned = 1 AND poned_tim = ${PONED_COMPLETE}) AS ${ident(key.ponedSiap)}`,
  ];
  return `SELECT unit, ${cols.join(",\n  ")} FROM cur GROUP BY unit`;
}

/** SQLite caps a result at SQLITE_MAX_COLUMN (D1: 100); 5 columns per jenis stay well under it. */
const JENIS_PER_STATEMENT = 16;

/**
 * Per unit and standard jenis: puskesmas assessed, required minimum, persons held, puskesmas meeting
 * it, shortfall; and puskesmas assessed and fully meeting the set. Each puskesmas is judged by its
 * province's active set, else the national active set (SPEC §7 Access; migration 0060). The active
 * sets are pivoted to one row per (province, kategori, rawat_inap) with a minimum column per jenis
 * they name (NULL: not asked there), so each puskesmas is one joined row and a figure is a column.
 * Columns are named by figure key.
 */
function standardSums(jenis: readonly JenisStandar[], withTotals: boolean): string {
  const m = (s: JenisStandar) => `rp.${ident(`m_${s}`)}`;
  const have = (s: JenisStandar) => `(${standardCountSql("cs", s)})`;
  const pivot = jenis.map((s) => `MAX(CASE WHEN r.jenis = ${quote(s)} THEN r.minimum END) AS ${ident(`m_${s}`)}`);
  const cols = jenis.flatMap((s) => [
    `SUM(${m(s)} IS NOT NULL) AS ${ident(key.standarDinilai(s))}`,
    `SUM(${m(s)}) AS ${ident(key.standarMinimum(s))}`,
    `SUM(CASE WHEN ${m(s)} IS NOT NULL THEN ${have(s)} END) AS ${ident(key.standarTenaga(s))}`,
    `SUM(${have(s)} >= ${m(s)}) AS ${ident(key.standarTerpenuhiJenis(s))}`,
    `SUM(MAX(0, ${m(s)} - ${have(s)})) AS ${ident(key.kekurangan(s))}`,
  ]);
  if (withTotals) {
    const fullyMet = jenis.map((s) => `(${m(s)} IS NULL OR ${have(s)} >= ${m(s)})`).join(" AND ") || "1";
    cols.unshift(`COUNT(*) AS ${ident(key.dinilai)}`, `SUM(${fullyMet}) AS ${ident(key.standarTerpenuhi)}`);
  }
  return `act AS MATERIALIZED (${activeSetsAtSql("?2")}),
rp AS MATERIALIZED (
  SELECT r.provinsi, r.kategori, r.rawat_inap${pivot.map((c) => `,\n    ${c}`).join("")}
  FROM standar_puskesmas r JOIN act s ON s.provinsi = r.provinsi AND s.nama = r.set_nama
  GROUP BY r.provinsi, r.kategori, r.rawat_inap
),
cs AS (
  SELECT cur.*, CASE WHEN EXISTS (SELECT 1 FROM act a WHERE a.provinsi = substr(cur.kode_wilayah, 1, 2))
    THEN substr(cur.kode_wilayah, 1, 2) ELSE ${quote(NATIONAL)} END AS std
  FROM cur WHERE cur.jenis = 'PUSKESMAS'
)
SELECT cs.unit, ${cols.join(",\n  ")}
FROM cs JOIN rp ON rp.provinsi = cs.std AND rp.rawat_inap = cs.rawat_inap AND rp.kategori = CASE
  WHEN cs.kategori = 'SANGAT_TERPENCIL' AND NOT EXISTS (
    SELECT 1 FROM rp x WHERE x.provinsi = cs.std AND x.kategori = 'SANGAT_TERPENCIL' AND x.rawat_inap = cs.rawat_inap) THEN 'TERPENCIL'
  ELSE cs.kategori END
GROUP BY cs.unit`;
}

/**
 * The rows of every standard set active at ?1 (the as_of date; the national default's and each
 * province's): read first, since the standard statements are shaped by the jenis they name.
 */
export const RULES_SQL = `SELECT s.provinsi, s.nama, r.kategori, r.rawat_inap, r.jenis, r.minimum
  FROM (${activeSetsAtSql("?1")}) s JOIN standar_puskesmas r ON r.provinsi = s.provinsi AND r.set_nama = s.nama`;

/**
 * The statements of one coverage question, by name, for a standard set naming `standardJenis`; one
 * batch runs them all.
 */
export function coverageSql(q: ResolvedQuery, standardJenis: readonly JenisStandar[]) {
  const p = parameters(q);
  const cur = currentVersions(q.level, p.facilities);
  const ids = currentIds(q.level, p.facilities);
  const unit = UNIT_SQL[q.level];
  const st = (sql: string) => bindUsed(sql, p.params);
  return {
    facilities: st(`WITH ${cur} ${facilitySums()}`),
    standard: chunks(standardJenis, JENIS_PER_STATEMENT).map((part, i) => st(`WITH ${cur}, ${standardSums(part, i === 0)}`)),
    // Person counts kept per date, each row with the roster dates it holds between (migration 0090):
    // SIPs only up to the end of the "expiring" window (the key (facility, kind, tgl) skips later
    // ones); STR missing undated. One row per unit, kind, jenis. A 'sip' date is its valid-until
    // (before as_of: expired); a 'penugasan' date is its TMT (before ?4: the term has ended; from ?4
    // and before ?5: ending soon).
    facts: st(`WITH ${regionFacilities(p.facilities)},
      u AS MATERIALIZED (SELECT f.kode, ${unit} AS unit FROM f),
      c AS (${FACT_ROWS.map((on) => `SELECT u.unit, c.kind, c.tgl, c.jenis, c.n FROM u CROSS JOIN ${on}`).join("\n        UNION ALL ")})
      SELECT c.unit, c.kind, c.jenis,
        SUM(CASE WHEN c.kind = 'str_tidak_ada' OR c.tgl < (CASE c.kind WHEN 'penugasan' THEN ?4 ELSE ?2 END) THEN c.n ELSE 0 END) AS before,
        SUM(CASE WHEN c.kind <> 'str_tidak_ada' AND c.tgl >= (CASE c.kind WHEN 'penugasan' THEN ?4 ELSE ?2 END) THEN c.n ELSE 0 END) AS after,
        SUM(CASE WHEN c.kind = 'penugasan' AND c.tgl >= ?4 AND c.tgl < ?5 THEN c.n ELSE 0 END) AS soon
      FROM c GROUP BY c.unit, c.kind, c.jenis`),
    training: st(`WITH ${ids}
      SELECT cur.unit, p.kode, ${JENIS.map((j) => `SUM(p.${countColumn(j)}) AS ${j}`).join(", ")}
      FROM cur JOIN coverage_pelatihan p ON p.version_id = cur.id
      GROUP BY cur.unit, p.kode`),
    withoutRoster: st(`WITH ${regionFacilities(p.facilities)}
      SELECT ${unit} AS unit, COUNT(*) AS n FROM f
      WHERE ${currentVersionId("f.kode")} IS NULL
      GROUP BY ${unit}`),
    // Facility rows name the units at facility level; elsewhere only the region tree is needed.
    placed:
      q.level === "facility"
        ? st(`SELECT f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, f.rawat_inap, f.poned
            FROM (${FACILITY_SOURCE}) AS f WHERE ${p.facilities}`)
        : st(`SELECT DISTINCT f.kode_wilayah, f.kecamatan FROM (${FACILITY_SOURCE}) AS f WHERE ${p.facilities}`),
    population: st(`SELECT p.kode_wilayah, p.tahun, p.jumlah FROM (${POPULATION_SOURCE}) AS p WHERE ${p.population}`),
    // Names of the region and the regions in it (the same bounds as population).
    names: st(`SELECT p.kode_wilayah, p.nama FROM (${REGION_NAME_SOURCE}) AS p WHERE ${p.population}`),
  } satisfies Record<string, Sql | Sql[]>;
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

export type CoverageStatements = ReturnType<typeof coverageSql>;
/** Result rows per statement name; a name with several statements gets their rows together. */
export type CoverageRows = { [K in keyof CoverageStatements]: Record<string, unknown>[] } & { rules: Record<string, unknown>[] };
