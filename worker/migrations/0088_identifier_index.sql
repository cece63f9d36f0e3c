-- Issue 15 item 3, SPEC §7: the national identifier index, and which tables live where.
--
-- Every database of a deployment (DB and each province's DB_xx, worker/db/region.ts) gets every
-- migration: one schema, so a province can move to its own database without a schema of its own, and
-- tables a database does not use stay empty. What each holds:
--   DB (national)   tokens, region codes (wilayah), the identifier index below and its sync marks;
--                   and, for every province without a database of its own, everything a province holds.
--   DB_xx           the province's facilities (fasyankes, fasyankes_versi), population, standards (the
--                   national default copied in by PUT /v1/standards), uploads with their rows, roster and
--                   person versions, coverage aggregates, and the Idempotency-Keys of its uploads (they
--                   settle in the upload's own commit batch, so they must live in the same database).
--
-- identifier_index: the current rosters' identifiers of the provinces that have a database of their own
-- (one row per person at a facility), so a dry run in one province finds a NIK, NIP or STR number held in
-- another (nik.multi_facility, nip.duplicate, str.duplicate; worker/rosters/check.ts) without reading
-- every province's database. A province kept in DB needs no index rows: its rosters are read directly.
-- Written right after each province commit (worker/rosters/identifier-index.ts) and reconciled by the
-- scheduled job (worker/sweep.ts): a copy, never the truth; the province database is.

CREATE TABLE identifier_index (
  kode_fasyankes TEXT NOT NULL,
  nik TEXT NOT NULL,
  nip TEXT,
  no_str TEXT,
  -- The province (2 digits) whose database holds the facility's roster.
  provinsi TEXT NOT NULL,
  -- When this facility's rows were last copied (ISO instant).
  synced_at TEXT NOT NULL,
  PRIMARY KEY (kode_fasyankes, nik)
) WITHOUT ROWID;
CREATE INDEX identifier_index_nik ON identifier_index (nik);
CREATE INDEX identifier_index_nip ON identifier_index (nip) WHERE nip IS NOT NULL;
CREATE INDEX identifier_index_str ON identifier_index (no_str) WHERE no_str IS NOT NULL;

-- Per province: the commit instant and id of the latest upload whose facilities the scheduled job has
-- copied into the index. The next run copies the facilities of uploads committed after it.
CREATE TABLE identifier_index_sync (
  provinsi TEXT PRIMARY KEY,
  committed_at TEXT NOT NULL,
  upload_id TEXT NOT NULL
);
