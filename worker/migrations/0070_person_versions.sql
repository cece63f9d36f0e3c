-- Issue 15, SPEC §6 "history is kept per change": the staff rows become person-at-facility versions.
--
-- A row of nakes is now one version of one person at one facility:
--   valid_from, valid_to  the roster dates (as_of) from which and until which it holds (valid time;
--                         valid_to NULL: in the current roster); '' while its upload is only staged;
--   upload_id, row_no     the upload that recorded it (transaction time; its committed_at is when) and
--                         the row it came from; pelatihan (upload_id, nik) holds its training.
-- The roster of facility F at date D is its rows with valid_from <= D < valid_to (or valid_to NULL).
-- An upload's final batch compares each person with the version that held at its as_of: an
-- unchanged person keeps that version (the upload's own copy of the row is dropped, and so is its
-- training when none of its rows remain), a changed or removed one has it closed at the as_of, a new
-- or changed one gets a new version. A re-upload of the same roster writes no person row.
-- The primary key gains valid_from: a back-dated upload that ends a version inside its interval
-- writes the part after the next roster's date as a second interval of the same recorded row.
--
-- Today's data moves over: each stored row takes its roster version's interval (migration 0065), then
-- the runs of one person unchanged (same fingerprint) across consecutive versions of a facility fold
-- into their first row.

CREATE TABLE nakes_v2 (
  upload_id TEXT NOT NULL,
  kode_fasyankes TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  valid_from TEXT NOT NULL DEFAULT '',
  valid_to TEXT,
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
  PRIMARY KEY (upload_id, kode_fasyankes, row_no, valid_from)
) WITHOUT ROWID;

INSERT INTO nakes_v2 (upload_id, kode_fasyankes, row_no, valid_from, valid_to, nik, nip, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga,
  pendidikan, status_kepegawaian, no_str, str_berlaku_sampai, no_sip, sip_berlaku_sampai, tmt_penugasan, keterangan, fp)
SELECT n.upload_id, n.kode_fasyankes, n.row_no, COALESCE(v.valid_from, ''), v.valid_to, n.nik, n.nip, n.nama, n.jenis_kelamin, n.tanggal_lahir, n.jenis_tenaga,
  n.pendidikan, n.status_kepegawaian, n.no_str, n.str_berlaku_sampai, n.no_sip, n.sip_berlaku_sampai, n.tmt_penugasan, n.keterangan, n.fp
FROM nakes n LEFT JOIN roster_versi v ON v.upload_id = n.upload_id AND v.kode_fasyankes = n.kode_fasyankes;

-- Runs of an unchanged person: a row continues the previous one of the same (facility, NIK) when the
-- fingerprint is the same and the previous interval ends where this one begins.
CREATE TABLE nakes_fold AS
WITH o AS (
  SELECT upload_id, kode_fasyankes, row_no, valid_from, valid_to, nik, fp,
    LAG(fp) OVER w AS pfp, LAG(valid_to) OVER w AS pvt,
    ROW_NUMBER() OVER w AS seq
  FROM nakes_v2 WHERE valid_from <> ''
  WINDOW w AS (PARTITION BY kode_fasyankes, nik ORDER BY valid_from, upload_id)
), g AS (
  SELECT *, SUM(CASE WHEN pfp = fp AND pvt = valid_from THEN 0 ELSE 1 END)
    OVER (PARTITION BY kode_fasyankes, nik ORDER BY seq ROWS UNBOUNDED PRECEDING) AS run
  FROM o
)
SELECT upload_id, kode_fasyankes, row_no, valid_from, nik, run,
  FIRST_VALUE(upload_id) OVER r AS keep_upload, FIRST_VALUE(row_no) OVER r AS keep_row, FIRST_VALUE(valid_from) OVER r AS keep_from,
  LAST_VALUE(valid_to) OVER r AS run_to, COUNT(*) OVER r AS run_len
FROM g
WINDOW r AS (PARTITION BY kode_fasyankes, nik, run ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);

UPDATE nakes_v2 SET valid_to = (
  SELECT f.run_to FROM nakes_fold f WHERE f.upload_id = nakes_v2.upload_id AND f.kode_fasyankes = nakes_v2.kode_fasyankes
    AND f.row_no = nakes_v2.row_no AND f.valid_from = nakes_v2.valid_from)
WHERE EXISTS (
  SELECT 1 FROM nakes_fold f WHERE f.upload_id = nakes_v2.upload_id AND f.kode_fasyankes = nakes_v2.kode_fasyankes
    AND f.row_no = nakes_v2.row_no AND f.valid_from = nakes_v2.valid_from AND f.run_len > 1
    AND f.upload_id = f.keep_upload AND f.row_no = f.keep_row AND f.valid_from = f.keep_from);

-- The folded rows' trainings go with them when their upload keeps no row of that NIK.
CREATE TABLE nakes_folded AS
SELECT upload_id, kode_fasyankes, row_no, valid_from, nik FROM nakes_fold
WHERE NOT (upload_id = keep_upload AND row_no = keep_row AND valid_from = keep_from);

DELETE FROM nakes_v2 WHERE EXISTS (
  SELECT 1 FROM nakes_folded d WHERE d.upload_id = nakes_v2.upload_id AND d.kode_fasyankes = nakes_v2.kode_fasyankes
    AND d.row_no = nakes_v2.row_no AND d.valid_from = nakes_v2.valid_from);

DELETE FROM pelatihan WHERE EXISTS (SELECT 1 FROM nakes_folded d WHERE d.upload_id = pelatihan.upload_id AND d.nik = pelatihan.nik)
  AND NOT EXISTS (SELECT 1 FROM nakes_v2 n WHERE n.upload_id = pelatihan.upload_id AND n.nik = pelatihan.nik);

DROP TABLE nakes_folded;
DROP TABLE nakes_fold;
DROP TABLE nakes;
ALTER TABLE nakes_v2 RENAME TO nakes;

-- Cross-facility checks look identifiers up among current rows (valid_to NULL, committed).
CREATE INDEX nakes_nik ON nakes (nik);
CREATE INDEX nakes_nip ON nakes (nip) WHERE nip IS NOT NULL;
CREATE INDEX nakes_str ON nakes (no_str) WHERE no_str IS NOT NULL;
-- A facility's versions by date: the roster at a date, and the versions an upload closes.
CREATE INDEX nakes_facility ON nakes (kode_fasyankes, valid_from);
