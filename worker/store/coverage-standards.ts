import type { CoverageLevel } from "../../shared/api/coverage";
import { standardSumColumns } from "../../shared/coverage/indicators";
import { key } from "../../shared/coverage/keys";
import { NATIONAL } from "../../shared/coverage/units";
import type { StandardRule } from "../../shared/coverage/standard";
import { jenisStandarSchema, kategoriPuskesmasSchema, type JenisStandar } from "../../shared/reference/codes";
import { sqlLiteral as quote } from "../db/literal";
import { currentVersions, standardCountSql } from "./coverage-versions";

/**
 * Coverage's reads of the staffing standards (standar_puskesmas, standar_aktif: migrations 0050,
 * 0060, 0075; written by store/standards.ts reviseStandardSql): which set each province uses from
 * which date, its rows, and the per-unit standard figures of the current versions.
 */

const ident = (s: string) => `"${s}"`;

/**
 * The active set of each province and of the national default ('ID') at the date bound as `param`
 * (SPEC §6): the activation with the latest berlaku_mulai on or before it. Before a province's first
 * activation it had no set of its own (the national default applies there); before the national
 * default's first activation, that first one applies. Columns provinsi, nama (RULES_SQL, standardSumsSql).
 */
function activeSetsAtSql(param: string): string {
  return `SELECT a.provinsi, a.nama FROM standar_aktif a WHERE a.berlaku_mulai = COALESCE(
    (SELECT MAX(b.berlaku_mulai) FROM standar_aktif b WHERE b.provinsi = a.provinsi AND b.berlaku_mulai <= ${param}),
    (SELECT MIN(b.berlaku_mulai) FROM standar_aktif b WHERE b.provinsi = a.provinsi AND a.provinsi = 'ID'))`;
}

/**
 * Per unit and standard jenis: puskesmas assessed, required minimum, persons held, puskesmas meeting
 * it, shortfall; and puskesmas assessed and fully meeting the set. Each puskesmas is judged by its
 * province's active set, else the national active set (SPEC §7 Access; migration 0060). The active
 * sets are pivoted to one row per (province, kategori, rawat_inap) with a minimum column per jenis
 * they name (NULL: not asked there), so each puskesmas is one joined row and a figure is a column.
 * Columns are named by figure key; the per-jenis ones are the declared families' (standardSumColumns).
 */
export function standardSumsSql(level: CoverageLevel, where: string, jenis: readonly JenisStandar[], withTotals: boolean): string {
  const m = (s: JenisStandar) => `rp.${ident(`m_${s}`)}`;
  const have = (s: JenisStandar) => `(${standardCountSql("cs", s)})`;
  const pivot = jenis.map((s) => `MAX(CASE WHEN r.jenis = ${quote(s)} THEN r.minimum END) AS ${ident(`m_${s}`)}`);
  // The families declared as per-standard sums (shared/coverage/indicators.ts), per jenis of the set.
  const cols = jenis.flatMap((s) => standardSumColumns(m(s), have(s), s));
  if (withTotals) {
    const fullyMet = jenis.map((s) => `(${m(s)} IS NULL OR ${have(s)} >= ${m(s)})`).join(" AND ") || "1";
    cols.unshift(`COUNT(*) AS ${ident(key.dinilai)}`, `SUM(${fullyMet}) AS ${ident(key.standarTerpenuhi)}`);
  }
  return `WITH ${currentVersions(level, where)}, act AS MATERIALIZED (${activeSetsAtSql("?2")}),
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

/** Rows of a standard set as rules; rows were checked when stored, one that fails here is skipped. */
export function parseRules(rows: readonly Record<string, unknown>[]): StandardRule[] {
  return rows.flatMap((r) => {
    const kategori = kategoriPuskesmasSchema.safeParse(r["kategori"]);
    const jenis = jenisStandarSchema.safeParse(r["jenis"]);
    return kategori.success && jenis.success
      ? [{ kategori: kategori.data, rawat_inap: r["rawat_inap"] === 1, jenis: jenis.data, minimum: typeof r["minimum"] === "number" ? r["minimum"] : 0 }]
      : [];
  });
}
