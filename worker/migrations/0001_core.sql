-- Core storage of the API (issue #3). Owned by worker/store; coverage (0050+) reads it.
--
-- The model, for readers of rosters "as they stood at any past date":
--   uploads        one row per accepted upload: who (token), when (created_at: request received,
--                  committed_at: the instant it became current), as_of, content hash, counts. A row with
--                  committed_at NULL is an upload being staged (or one that died mid-way): no reader
--                  lists it, and it is swept away.
--   nakes          the normalised staff rows of an upload, keyed (upload_id, kode_fasyankes, row_no);
--   pelatihan      its training rows, keyed (upload_id, row_no). Rows are never updated or deleted once
--                  their upload is committed: each upload is an immutable snapshot of the facilities it
--                  holds.
--   roster_versi   one row per facility per committed upload: valid_from = the upload's committed_at,
--                  valid_to = the committed_at of the upload that replaced it (NULL: still current), and
--                  what the upload changed there (added/removed/changed/unchanged persons).
--                  The roster of facility F at instant T is the nakes rows of the upload whose version
--                  of F has valid_from <= T AND (valid_to IS NULL OR valid_to > T).
--   roster_current the pointer per facility (kode_fasyankes -> upload_id) that readers follow. The final
--                  small batch of an upload flips these pointers, closes the old versions, opens the new
--                  ones and marks the upload committed, all in one transaction.
-- Timestamps are ISO-8601 UTC strings with milliseconds ("2026-11-01T08:00:00.000Z"); they sort as text.
-- Booleans are 0/1 integers.

-- Regions of Kemendagri (SPEC §2): provinces (2 digits), regencies (4), kecamatan (6). Seeded from shared/.
CREATE TABLE wilayah (
  kode TEXT PRIMARY KEY,
  nama TEXT NOT NULL,
  tingkat TEXT NOT NULL CHECK (tingkat IN ('provinsi', 'kabupaten', 'kecamatan')),
  induk TEXT
) WITHOUT ROWID;

-- Facility master (SPEC §3.3), kept by the provincial office through PUT /v1/facilities.
CREATE TABLE fasyankes (
  kode TEXT PRIMARY KEY,
  nama TEXT NOT NULL,
  jenis TEXT NOT NULL,
  kode_wilayah TEXT NOT NULL,
  kecamatan TEXT,
  kategori TEXT,
  rawat_inap INTEGER NOT NULL DEFAULT 0 CHECK (rawat_inap IN (0, 1)),
  poned INTEGER NOT NULL DEFAULT 0 CHECK (poned IN (0, 1)),
  aktif INTEGER NOT NULL DEFAULT 1 CHECK (aktif IN (0, 1)),
  diubah_pada TEXT NOT NULL,
  diubah_oleh TEXT
) WITHOUT ROWID;
CREATE INDEX fasyankes_wilayah ON fasyankes (kode_wilayah, kecamatan);

-- Population (SPEC §3.4): province, regency or kecamatan, per year.
CREATE TABLE penduduk (
  kode_wilayah TEXT NOT NULL,
  tahun INTEGER NOT NULL,
  jumlah INTEGER NOT NULL CHECK (jumlah >= 0),
  diubah_pada TEXT NOT NULL,
  PRIMARY KEY (kode_wilayah, tahun)
) WITHOUT ROWID;

-- Bearer tokens: only the SHA-256 of the secret is stored. Revocation sets revoked_at; every request
-- reads this table from the primary, so a revoked token stops at once.
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'uploader', 'analyst')),
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  revoked_at TEXT
) WITHOUT ROWID;

CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  token_id TEXT NOT NULL,
  token_name TEXT NOT NULL,
  token_scope TEXT NOT NULL,
  created_at TEXT NOT NULL,
  committed_at TEXT,
  as_of TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  nakes_rows INTEGER NOT NULL,
  pelatihan_rows INTEGER NOT NULL,
  facilities INTEGER NOT NULL,
  n_error INTEGER NOT NULL,
  n_warning INTEGER NOT NULL,
  n_info INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX uploads_committed ON uploads (committed_at DESC, id) WHERE committed_at IS NOT NULL;
CREATE INDEX uploads_staging ON uploads (created_at) WHERE committed_at IS NULL;

CREATE TABLE roster_versi (
  kode_fasyankes TEXT NOT NULL,
  upload_id TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  nakes INTEGER NOT NULL,
  added INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  PRIMARY KEY (kode_fasyankes, valid_from, upload_id)
) WITHOUT ROWID;
CREATE INDEX roster_versi_upload ON roster_versi (upload_id, kode_fasyankes);
CREATE INDEX roster_versi_open ON roster_versi (kode_fasyankes) WHERE valid_to IS NULL;

CREATE TABLE roster_current (
  kode_fasyankes TEXT PRIMARY KEY,
  upload_id TEXT NOT NULL,
  since TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX roster_current_upload ON roster_current (upload_id);

-- Normalised staff rows (shared/schema/records.ts NakesRecord). fp: fingerprint of the person's row and
-- training in this upload, compared to tell "changed" from "unchanged" in diffs.
CREATE TABLE nakes (
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
  PRIMARY KEY (upload_id, kode_fasyankes, row_no)
) WITHOUT ROWID;
-- Cross-facility checks (nik.multi_facility, nip.duplicate, str.duplicate) look identifiers up, then keep
-- the rows of current versions.
CREATE INDEX nakes_nik ON nakes (nik);
CREATE INDEX nakes_nip ON nakes (nip) WHERE nip IS NOT NULL;
CREATE INDEX nakes_str ON nakes (no_str) WHERE no_str IS NOT NULL;

CREATE TABLE pelatihan (
  upload_id TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  nik TEXT NOT NULL,
  kode_pelatihan TEXT NOT NULL,
  tahun INTEGER NOT NULL,
  penyelenggara TEXT,
  PRIMARY KEY (upload_id, row_no)
) WITHOUT ROWID;
CREATE INDEX pelatihan_nik ON pelatihan (upload_id, nik);

-- Long texts (an upload's warnings, a stored idempotent response) cut into parts under D1's 1 MB string
-- limit, concatenated in part order when read.
CREATE TABLE text_parts (
  owner TEXT NOT NULL,
  part INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (owner, part)
) WITHOUT ROWID;

-- Idempotency-Key (SPEC §7): the first request claims (token, key) with INSERT … ON CONFLICT DO NOTHING;
-- only the claimant runs. state 'done' holds the final status and the response (text_parts owner
-- 'idem:<token_id>:<key>', or the upload it created). A 'running' claim older than a few minutes is
-- considered dead and may be taken over.
CREATE TABLE idempotency_keys (
  token_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'done')),
  claimed_at TEXT NOT NULL,
  status INTEGER,
  upload_id TEXT,
  PRIMARY KEY (token_id, key)
) WITHOUT ROWID;

-- Requests per token per minute (the 429 limiter).
CREATE TABLE rate_limits (
  token_id TEXT NOT NULL,
  minute INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (token_id, minute)
) WITHOUT ROWID;

-- The If-Match check inside the final batch: a row with ok = 0 violates the CHECK, which fails the
-- statement and rolls the whole batch back (D1 has no interactive transactions). Rows never persist.
CREATE TABLE commit_guard (
  upload_id TEXT PRIMARY KEY,
  ok INTEGER NOT NULL CONSTRAINT commit_guard_stale CHECK (ok = 1)
) WITHOUT ROWID;
