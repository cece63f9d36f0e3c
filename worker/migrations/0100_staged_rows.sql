-- Issue 15 "Done when" (each later history cycle adds ≤ 5 % of the first cycle's bytes), SPEC §6
-- "history is kept per change": an upload's rows wait for their commit outside the history tables.
--
-- Until now an upload staged every row into nakes (seven secondary indexes) and its final batch
-- staged every dated count into coverage_fakta, then deleted the ~97 % that repeat the version held
-- at its as_of. A twin beside every held entry splits every index page once and the deletes leave the
-- halves: the first cycle's packed pages became half empty in the second (cycle 2 added 34 % of
-- cycle 1's bytes, the later ones ≈ 3 %). Now:
--
--   nakes_staged          an upload's normalised rows until its commit (same columns as nakes but
--                         the roster dates): written by the staging batches, read by the commit's
--                         diff, NIP checks and coverage refresh (store/coverage-staged.ts), emptied by
--                         the final batch, which copies into nakes only the persons whose (facility,
--                         NIK, fingerprint) differ from the version that held at the as_of
--                         (store/nakes.ts personVersionsSql). Keyed (upload_id, nik, kode_fasyankes,
--                         row_no) and no other index: the commit looks an upload's rows up by NIK
--                         (a held version's twin, a person's rows, their training), and a key that
--                         leads with (upload, NIK) is what the planner takes for that without
--                         statistics (a second index beside a key on (upload, facility) lost to it,
--                         walking the upload's rows per lookup).
--   coverage_fakta_staged an upload's dated counts within its final batch only (written and emptied
--                         by the same transaction, store/coverage-facts.ts); coverage_fakta gets only
--                         the counts that changed.
--
-- Uploads staged when this runs (uncommitted: a dry run asked to stage, SPEC §7, or a large upload
-- in flight) move over with their rows, so a later commit of them works as before: their rows leave
-- nakes for nakes_staged. Their training rows stay in pelatihan (keyed by upload, as before).

CREATE TABLE nakes_staged (
  upload_id TEXT NOT NULL,
  kode_fasyankes TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  nik TEXT NOT NULL,
  nip TEXT,
  nama TEXT NOT NULL,
  jenis_kelamin TEXT NOT NULL,
  tanggal_lahir TEXT NOT NULL,
  jenis_tenaga TEXT NOT NULL,
  pendidikan TEXT,
  status_kepegawaian TEXT NOT NULL,
  no_str TEXT,
  str_berlaku_sampai TEXT,
  no_sip TEXT,
  sip_berlaku_sampai TEXT,
  tmt_penugasan TEXT,
  keterangan TEXT,
  fp TEXT NOT NULL,
  PRIMARY KEY (upload_id, nik, kode_fasyankes, row_no)
) WITHOUT ROWID;

CREATE TABLE coverage_fakta_staged (
  upload_id TEXT NOT NULL,
  kode_fasyankes TEXT NOT NULL,
  kind TEXT NOT NULL,
  tgl TEXT NOT NULL,
  jenis TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (upload_id, kode_fasyankes, kind, tgl, jenis)
) WITHOUT ROWID;

INSERT INTO nakes_staged (upload_id, kode_fasyankes, row_no, nik, nip, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga, pendidikan,
  status_kepegawaian, no_str, str_berlaku_sampai, no_sip, sip_berlaku_sampai, tmt_penugasan, keterangan, fp)
SELECT n.upload_id, n.kode_fasyankes, n.row_no, n.nik, n.nip, n.nama, n.jenis_kelamin, n.tanggal_lahir, n.jenis_tenaga, n.pendidikan,
  n.status_kepegawaian, n.no_str, n.str_berlaku_sampai, n.no_sip, n.sip_berlaku_sampai, n.tmt_penugasan, n.keterangan, n.fp
FROM nakes n WHERE n.upload_id IN (SELECT id FROM uploads WHERE committed_at IS NULL);

DELETE FROM nakes WHERE upload_id IN (SELECT id FROM uploads WHERE committed_at IS NULL);
