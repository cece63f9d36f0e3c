/**
 * The staged rows of one upload (?1 = upload id), the only rows coverage's refresh reads: normalised
 * Nakes rows (table nakes_staged, migration 0100, store/nakes.ts) and the training courses of their
 * NIKs (table pelatihan, store/pelatihan.ts), seen through one subquery each so a change of their
 * columns touches only this file.
 */
export const STAGED_NAKES = `SELECT kode_fasyankes, nik, jenis_tenaga, status_kepegawaian, no_str, sip_berlaku_sampai, tmt_penugasan
  FROM nakes_staged WHERE upload_id = ?1`;

export const STAGED_PELATIHAN = `SELECT nik, kode_pelatihan FROM pelatihan WHERE upload_id = ?1`;
