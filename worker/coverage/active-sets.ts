/**
 * Reading standar_aktif (migration 0075; written by standards-store.ts reviseStandardSql): which
 * staffing-standard set each province uses from which date. No imports, so the coverage read SQL
 * can build its constants from it at load time.
 */

/**
 * The active set of each province and of the national default ('ID') at the date bound as `param`
 * (SPEC §6): the activation with the latest berlaku_mulai on or before it. Before a province's first
 * activation it had no set of its own (the national default applies there); before the national
 * default's first activation, that first one applies. Columns provinsi, nama (coverage/read-sql.ts).
 */
export function activeSetsAtSql(param: string): string {
  return `SELECT a.provinsi, a.nama FROM standar_aktif a WHERE a.berlaku_mulai = COALESCE(
    (SELECT MAX(b.berlaku_mulai) FROM standar_aktif b WHERE b.provinsi = a.provinsi AND b.berlaku_mulai <= ${param}),
    (SELECT MIN(b.berlaku_mulai) FROM standar_aktif b WHERE b.provinsi = a.provinsi AND a.provinsi = 'ID'))`;
}
