-- Issue 15, SPEC §6: a roster's dates are its own. A roster is the state "as of" its as_of (valid
-- time); when it was recorded is kept beside it (transaction time).
--
--   roster_versi.valid_from   the upload's as_of (yyyy-mm-dd), was its commit instant;
--   roster_versi.valid_to     the as_of of the next version of the facility in (as_of, recorded_at)
--                             order (NULL: the latest); two rosters with one as_of: the later upload
--                             holds, the earlier keeps the empty interval [as_of, as_of);
--   roster_versi.recorded_at  the commit instant (what valid_from held before);
--   roster_current.upload_id  the version whose interval is open (the latest as_of), which a
--                             back-dated upload does not replace;
--   roster_current.last_upload_id / last_at  the facility's most recently recorded upload, whatever
--                             its as_of: what base/If-Match compare ("the facility's versions as they
--                             stand"), and the instant the next commit must follow.
-- coverage_version takes the same intervals (the coverage read's "latest as_of ≤ D" is then
-- valid_from ≤ D < valid_to).

ALTER TABLE roster_versi ADD COLUMN recorded_at TEXT;
UPDATE roster_versi SET recorded_at = valid_from;
UPDATE roster_versi SET valid_from = (SELECT u.as_of FROM uploads u WHERE u.id = roster_versi.upload_id)
  WHERE EXISTS (SELECT 1 FROM uploads u WHERE u.id = roster_versi.upload_id);
UPDATE roster_versi SET valid_to = (
  SELECT n.valid_from FROM roster_versi n
  WHERE n.kode_fasyankes = roster_versi.kode_fasyankes
    AND (n.valid_from > roster_versi.valid_from OR (n.valid_from = roster_versi.valid_from AND n.recorded_at > roster_versi.recorded_at))
  ORDER BY n.valid_from, n.recorded_at LIMIT 1);
CREATE INDEX roster_versi_recorded ON roster_versi (kode_fasyankes, recorded_at);

ALTER TABLE roster_current ADD COLUMN last_upload_id TEXT;
ALTER TABLE roster_current ADD COLUMN last_at TEXT;
UPDATE roster_current SET last_upload_id = upload_id, last_at = since;
UPDATE roster_current SET upload_id = (
  SELECT v.upload_id FROM roster_versi v WHERE v.kode_fasyankes = roster_current.kode_fasyankes AND v.valid_to IS NULL)
  WHERE EXISTS (SELECT 1 FROM roster_versi v WHERE v.kode_fasyankes = roster_current.kode_fasyankes AND v.valid_to IS NULL);

UPDATE coverage_version SET
  valid_from = (SELECT r.valid_from FROM roster_versi r WHERE r.upload_id = coverage_version.upload_id AND r.kode_fasyankes = coverage_version.kode_fasyankes),
  valid_to = (SELECT r.valid_to FROM roster_versi r WHERE r.upload_id = coverage_version.upload_id AND r.kode_fasyankes = coverage_version.kode_fasyankes)
  WHERE EXISTS (SELECT 1 FROM roster_versi r WHERE r.upload_id = coverage_version.upload_id AND r.kode_fasyankes = coverage_version.kode_fasyankes);
