import type { StandardsResponse } from "../../shared/api/coverage";
import type { StandardRule } from "../../shared/coverage/standard";
import { NATIONAL } from "../../shared/coverage/units";
import { bulkInsert } from "../db/bulk";
import { prepare } from "../db/limits";
import type { Reader, Sql, Writer } from "../db/types";
import { parseRules } from "./coverage-standards";

/**
 * SQL of standar_set and standar_puskesmas (migrations 0050, 0060): the only place that writes them.
 * Sets belong to a province (`provinsi`, 2 digits) or to the national default (`provinsi` = "ID");
 * each has at most one active set. The set a province uses (its "effective" set) is its own active
 * set, else the national active set (SPEC §7 Access: standards per province with a national default).
 */

/** The national default's `provinsi`. */
export const NATIONAL_STANDARD = NATIONAL;

export interface StandardRevision {
  /** Whose sets: a 2-digit province code, or NATIONAL_STANDARD. */
  provinsi: string;
  set: string;
  /** New rows for the set (replacing all it had); absent: rows unchanged. */
  rules?: readonly StandardRule[];
  keterangan?: string;
  /** Make this the active set of `provinsi`. */
  activate: boolean;
  at: string;
  /** The date from which an activation holds (SPEC §6; default the date of `at`). */
  berlakuMulai?: string;
}

/**
 * One transaction: the set's row, its rows replaced, and the switch of the active set, all within
 * `provinsi`. A province revising (or switching to) a set it does not hold yet starts from the national
 * set of that name; a province that used the national active set and revises that set keeps using
 * it, now in its own revised form.
 */
export function reviseStandardSql(r: StandardRevision): Sql[] {
  const sql: Sql[] = [];
  const own = r.provinsi !== NATIONAL_STANDARD;
  // The set row: copied from the national one of the same name when the province lacks it.
  sql.push({
    sql: `INSERT INTO standar_set (provinsi, nama, aktif, keterangan, diubah_pada)
      SELECT ?1, ?2, 0, COALESCE(?3, (SELECT keterangan FROM standar_set WHERE provinsi = ?5 AND nama = ?2)), ?4
      WHERE ?6 = 1 OR EXISTS (SELECT 1 FROM standar_set WHERE provinsi = ?5 AND nama = ?2)
      ON CONFLICT (provinsi, nama) DO UPDATE SET keterangan = COALESCE(?3, standar_set.keterangan), diubah_pada = excluded.diubah_pada`,
    params: [r.provinsi, r.set, r.keterangan ?? null, r.at, NATIONAL_STANDARD, r.rules ? 1 : 0],
  });
  if (r.rules) {
    sql.push({ sql: "DELETE FROM standar_puskesmas WHERE provinsi = ?1 AND set_nama = ?2", params: [r.provinsi, r.set] });
    sql.push(
      ...bulkInsert(
        {
          into: "standar_puskesmas (provinsi, set_nama, kategori, rawat_inap, jenis, minimum)",
          select: ["?1", "?2", "value->>0", "value->>1", "value->>2", "value->>3"],
          fixed: [r.provinsi, r.set],
        },
        r.rules.map((x) => [x.kategori, x.rawat_inap ? 1 : 0, x.jenis, x.minimum]),
      ).map(({ sql: s, params }) => ({ sql: s, params })),
    );
  } else if (own) {
    sql.push({
      sql: `INSERT INTO standar_puskesmas (provinsi, set_nama, kategori, rawat_inap, jenis, minimum)
        SELECT ?1, set_nama, kategori, rawat_inap, jenis, minimum FROM standar_puskesmas
        WHERE provinsi = ?3 AND set_nama = ?2 AND NOT EXISTS (SELECT 1 FROM standar_puskesmas WHERE provinsi = ?1 AND set_nama = ?2)`,
      params: [r.provinsi, r.set, NATIONAL_STANDARD],
    });
  }
  const from = r.berlakuMulai ?? r.at.slice(0, 10);
  // Whether no later activation of the province is recorded: only then do the flags (the current
  // state) change; an activation dated before a later one is history only.
  const latest = `NOT EXISTS (SELECT 1 FROM standar_aktif WHERE provinsi = ?1 AND berlaku_mulai > ?4)`;
  if (r.activate) {
    // Two steps: the partial unique index allows one active set per province at any moment, even mid-statement.
    sql.push({ sql: `UPDATE standar_set SET aktif = 0 WHERE provinsi = ?1 AND aktif = 1 AND nama <> ?2 AND ${latest}`, params: [r.provinsi, r.set, null, from] });
    sql.push({ sql: `UPDATE standar_set SET aktif = 1, diubah_pada = ?3 WHERE provinsi = ?1 AND nama = ?2 AND ${latest}`, params: [r.provinsi, r.set, r.at, from] });
    sql.push({
      sql: `INSERT INTO standar_aktif (provinsi, berlaku_mulai, nama) VALUES (?1, ?3, ?2)
        ON CONFLICT (provinsi, berlaku_mulai) DO UPDATE SET nama = excluded.nama`,
      params: [r.provinsi, r.set, from],
    });
  } else if (own && r.rules) {
    sql.push({
      sql: `UPDATE standar_set SET aktif = 1 WHERE provinsi = ?1 AND nama = ?2
        AND NOT EXISTS (SELECT 1 FROM standar_set WHERE provinsi = ?1 AND aktif = 1)
        AND EXISTS (SELECT 1 FROM standar_set WHERE provinsi = ?3 AND nama = ?2 AND aktif = 1)`,
      params: [r.provinsi, r.set, NATIONAL_STANDARD],
    });
    // A province that now has its own active set (the national one it revised) from today on.
    sql.push({
      sql: `INSERT INTO standar_aktif (provinsi, berlaku_mulai, nama)
        SELECT provinsi, ?2, nama FROM standar_set WHERE provinsi = ?1 AND aktif = 1
          AND NOT EXISTS (SELECT 1 FROM standar_aktif WHERE provinsi = ?1)
        ON CONFLICT (provinsi, berlaku_mulai) DO UPDATE SET nama = excluded.nama`,
      params: [r.provinsi, from],
    });
  }
  return sql;
}

export async function reviseStandard(db: Writer, r: StandardRevision): Promise<void> {
  await db.batch(reviseStandardSql(r).map((s) => prepare(db, s)));
}

/** Whether `provinsi` holds the set, or (for a province) the national default does. */
export async function standardSetExists(db: Reader, provinsi: string, set: string): Promise<boolean> {
  return (
    (await prepare(db, { sql: "SELECT 1 AS x FROM standar_set WHERE nama = ?2 AND provinsi IN (?1, ?3)", params: [provinsi, set, NATIONAL_STANDARD] }).first()) !== null
  );
}

/**
 * What `provinsi` sees (GET /v1/standards): its own sets and the national sets it has not made its
 * own, the effective active one marked, and that set's rows. For NATIONAL_STANDARD, the default's sets.
 */
export async function readStandards(db: Reader, provinsi: string): Promise<StandardsResponse> {
  const [sets, rules] = await db.batch([
    prepare(db, {
      sql: `WITH eff AS (SELECT COALESCE((SELECT provinsi FROM standar_set WHERE provinsi = ?1 AND aktif = 1), ?2) AS p),
        seen AS (
          SELECT s.* FROM standar_set s WHERE s.provinsi = ?1
          UNION ALL
          SELECT s.* FROM standar_set s WHERE s.provinsi = ?2 AND ?1 <> ?2
            AND NOT EXISTS (SELECT 1 FROM standar_set o WHERE o.provinsi = ?1 AND o.nama = s.nama))
        SELECT s.provinsi, s.nama, (s.aktif = 1 AND s.provinsi = (SELECT p FROM eff)) AS aktif, s.keterangan, s.diubah_pada,
          (SELECT COUNT(*) FROM standar_puskesmas r WHERE r.provinsi = s.provinsi AND r.set_nama = s.nama) AS baris
        FROM seen s ORDER BY aktif DESC, s.nama`,
      params: [provinsi, NATIONAL_STANDARD],
    }),
    prepare(db, {
      sql: `WITH eff AS (SELECT COALESCE((SELECT provinsi FROM standar_set WHERE provinsi = ?1 AND aktif = 1), ?2) AS p)
        SELECT r.kategori, r.rawat_inap, r.jenis, r.minimum FROM standar_puskesmas r
        JOIN standar_set s ON s.provinsi = r.provinsi AND s.nama = r.set_nama AND s.aktif = 1
        WHERE s.provinsi = (SELECT p FROM eff) ORDER BY r.kategori, r.rawat_inap, r.jenis`,
      params: [provinsi, NATIONAL_STANDARD],
    }),
  ]);
  const setRows = (sets?.results ?? []) as { provinsi: string; nama: string; aktif: number; keterangan: string | null; diubah_pada: string; baris: number }[];
  return {
    aktif: setRows.find((s) => s.aktif === 1)?.nama ?? "",
    sets: setRows.map((s) => ({ nama: s.nama, provinsi: s.provinsi, aktif: s.aktif === 1, keterangan: s.keterangan, baris: s.baris, diubah_pada: s.diubah_pada })),
    standar: parseRules((rules?.results ?? []) as Record<string, unknown>[]),
  };
}
