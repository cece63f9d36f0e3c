-- Coverage (issue #4). Owned by worker/coverage: per-facility-version aggregates kept current by the
-- final batch of every upload, and the staffing standard as data.

-- One row per facility per upload that made a roster of it current. valid_from/valid_to (ISO UTC
-- timestamps) bound the time it was the facility's current roster; as_of picks the version whose
-- interval holds the end of that day. t_<JENIS>: persons per profession, one column each, because a
-- national read sums them over every facility: columns cost nothing there, rows would (a test checks
-- they match the profession list). poned_tim: PONED-trained persons present, 1 dokter, 2 bidan, 4 perawat.
CREATE TABLE coverage_version (
  id INTEGER PRIMARY KEY,
  upload_id TEXT NOT NULL,
  kode_fasyankes TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  t_DOKTER INTEGER NOT NULL DEFAULT 0,
  t_DOKTER_SPESIALIS INTEGER NOT NULL DEFAULT 0,
  t_DOKTER_GIGI INTEGER NOT NULL DEFAULT 0,
  t_DOKTER_GIGI_SPESIALIS INTEGER NOT NULL DEFAULT 0,
  t_PERAWAT INTEGER NOT NULL DEFAULT 0,
  t_BIDAN INTEGER NOT NULL DEFAULT 0,
  t_APOTEKER INTEGER NOT NULL DEFAULT 0,
  t_TTK INTEGER NOT NULL DEFAULT 0,
  t_PROMKES INTEGER NOT NULL DEFAULT 0,
  t_EPIDEMIOLOG INTEGER NOT NULL DEFAULT 0,
  t_SANITARIAN INTEGER NOT NULL DEFAULT 0,
  t_NUTRISIONIS INTEGER NOT NULL DEFAULT 0,
  t_ATLM INTEGER NOT NULL DEFAULT 0,
  t_RADIOGRAFER INTEGER NOT NULL DEFAULT 0,
  t_FISIOTERAPIS INTEGER NOT NULL DEFAULT 0,
  t_PEREKAM_MEDIS INTEGER NOT NULL DEFAULT 0,
  t_PSIKOLOG_KLINIS INTEGER NOT NULL DEFAULT 0,
  t_NAKES_LAIN INTEGER NOT NULL DEFAULT 0,
  t_ADMINISTRASI INTEGER NOT NULL DEFAULT 0,
  t_PEKARYA INTEGER NOT NULL DEFAULT 0,
  poned_tim INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX coverage_version_upload ON coverage_version (upload_id, kode_fasyankes);
-- covers the as_of lookup: (facility, interval) → id without reading the wide row
CREATE INDEX coverage_version_facility ON coverage_version (kode_fasyankes, valid_from, valid_to);

-- Persons per facility version and training code who hold it, per profession (columns as above).
CREATE TABLE coverage_pelatihan (
  version_id INTEGER NOT NULL REFERENCES coverage_version (id),
  kode TEXT NOT NULL,
  t_DOKTER INTEGER NOT NULL DEFAULT 0,
  t_DOKTER_SPESIALIS INTEGER NOT NULL DEFAULT 0,
  t_DOKTER_GIGI INTEGER NOT NULL DEFAULT 0,
  t_DOKTER_GIGI_SPESIALIS INTEGER NOT NULL DEFAULT 0,
  t_PERAWAT INTEGER NOT NULL DEFAULT 0,
  t_BIDAN INTEGER NOT NULL DEFAULT 0,
  t_APOTEKER INTEGER NOT NULL DEFAULT 0,
  t_TTK INTEGER NOT NULL DEFAULT 0,
  t_PROMKES INTEGER NOT NULL DEFAULT 0,
  t_EPIDEMIOLOG INTEGER NOT NULL DEFAULT 0,
  t_SANITARIAN INTEGER NOT NULL DEFAULT 0,
  t_NUTRISIONIS INTEGER NOT NULL DEFAULT 0,
  t_ATLM INTEGER NOT NULL DEFAULT 0,
  t_RADIOGRAFER INTEGER NOT NULL DEFAULT 0,
  t_FISIOTERAPIS INTEGER NOT NULL DEFAULT 0,
  t_PEREKAM_MEDIS INTEGER NOT NULL DEFAULT 0,
  t_PSIKOLOG_KLINIS INTEGER NOT NULL DEFAULT 0,
  t_NAKES_LAIN INTEGER NOT NULL DEFAULT 0,
  t_ADMINISTRASI INTEGER NOT NULL DEFAULT 0,
  t_PEKARYA INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (version_id, kode)
) WITHOUT ROWID;

-- Persons per facility version, counted once per jenis: kind 'str_tidak_ada', and the dated kinds 'sip' (tgl = SIP valid-until) and
-- 'penugasan' (tgl = end of a PENUGASAN_KHUSUS term), kept per date because "expired" depends on the
-- as_of of the question. tgl leads the key after kind so SIP reads scan only dates up to as_of + 90.
CREATE TABLE coverage_fact (
  version_id INTEGER NOT NULL REFERENCES coverage_version (id),
  kind TEXT NOT NULL,
  tgl TEXT NOT NULL DEFAULT '',
  jenis TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (version_id, kind, tgl, jenis)
) WITHOUT ROWID;

-- Named staffing-standard sets (SPEC §4.3); exactly one is active.
CREATE TABLE standar_set (
  nama TEXT PRIMARY KEY,
  aktif INTEGER NOT NULL DEFAULT 0,
  keterangan TEXT,
  diubah_pada TEXT NOT NULL
);
CREATE UNIQUE INDEX standar_set_satu_aktif ON standar_set (aktif) WHERE aktif = 1;

CREATE TABLE standar_puskesmas (
  set_nama TEXT NOT NULL REFERENCES standar_set (nama),
  kategori TEXT NOT NULL,
  rawat_inap INTEGER NOT NULL,
  jenis TEXT NOT NULL,
  minimum INTEGER NOT NULL CHECK (minimum >= 0),
  PRIMARY KEY (set_nama, kategori, rawat_inap, jenis)
) WITHOUT ROWID;

INSERT INTO standar_set (nama, aktif, keterangan, diubah_pada) VALUES
  ('PMK75_2014', 1, 'Lampiran Permenkes 75/2014, standar ketenagaan puskesmas (TERPENCIL juga untuk SANGAT_TERPENCIL)', '2014-10-17T00:00:00Z');

INSERT INTO standar_puskesmas (set_nama, kategori, rawat_inap, jenis, minimum) VALUES
  ('PMK75_2014', 'PERKOTAAN', 0, 'DOKTER', 1),
  ('PMK75_2014', 'PERKOTAAN', 0, 'DOKTER_GIGI', 1),
  ('PMK75_2014', 'PERKOTAAN', 0, 'PERAWAT', 5),
  ('PMK75_2014', 'PERKOTAAN', 0, 'BIDAN', 4),
  ('PMK75_2014', 'PERKOTAAN', 0, 'PROMKES', 2),
  ('PMK75_2014', 'PERKOTAAN', 0, 'SANITARIAN', 1),
  ('PMK75_2014', 'PERKOTAAN', 0, 'ATLM', 1),
  ('PMK75_2014', 'PERKOTAAN', 0, 'NUTRISIONIS', 1),
  ('PMK75_2014', 'PERKOTAAN', 0, 'KEFARMASIAN', 1),
  ('PMK75_2014', 'PERKOTAAN', 0, 'ADMINISTRASI', 3),
  ('PMK75_2014', 'PERKOTAAN', 0, 'PEKARYA', 2),
  ('PMK75_2014', 'PERKOTAAN', 1, 'DOKTER', 2),
  ('PMK75_2014', 'PERKOTAAN', 1, 'DOKTER_GIGI', 1),
  ('PMK75_2014', 'PERKOTAAN', 1, 'PERAWAT', 8),
  ('PMK75_2014', 'PERKOTAAN', 1, 'BIDAN', 7),
  ('PMK75_2014', 'PERKOTAAN', 1, 'PROMKES', 2),
  ('PMK75_2014', 'PERKOTAAN', 1, 'SANITARIAN', 1),
  ('PMK75_2014', 'PERKOTAAN', 1, 'ATLM', 1),
  ('PMK75_2014', 'PERKOTAAN', 1, 'NUTRISIONIS', 2),
  ('PMK75_2014', 'PERKOTAAN', 1, 'KEFARMASIAN', 2),
  ('PMK75_2014', 'PERKOTAAN', 1, 'ADMINISTRASI', 3),
  ('PMK75_2014', 'PERKOTAAN', 1, 'PEKARYA', 2),
  ('PMK75_2014', 'PEDESAAN', 0, 'DOKTER', 1),
  ('PMK75_2014', 'PEDESAAN', 0, 'DOKTER_GIGI', 1),
  ('PMK75_2014', 'PEDESAAN', 0, 'PERAWAT', 5),
  ('PMK75_2014', 'PEDESAAN', 0, 'BIDAN', 4),
  ('PMK75_2014', 'PEDESAAN', 0, 'PROMKES', 1),
  ('PMK75_2014', 'PEDESAAN', 0, 'SANITARIAN', 1),
  ('PMK75_2014', 'PEDESAAN', 0, 'ATLM', 1),
  ('PMK75_2014', 'PEDESAAN', 0, 'NUTRISIONIS', 1),
  ('PMK75_2014', 'PEDESAAN', 0, 'KEFARMASIAN', 1),
  ('PMK75_2014', 'PEDESAAN', 0, 'ADMINISTRASI', 2),
  ('PMK75_2014', 'PEDESAAN', 0, 'PEKARYA', 1),
  ('PMK75_2014', 'PEDESAAN', 1, 'DOKTER', 2),
  ('PMK75_2014', 'PEDESAAN', 1, 'DOKTER_GIGI', 1),
  ('PMK75_2014', 'PEDESAAN', 1, 'PERAWAT', 8),
  ('PMK75_2014', 'PEDESAAN', 1, 'BIDAN', 7),
  ('PMK75_2014', 'PEDESAAN', 1, 'PROMKES', 1),
  ('PMK75_2014', 'PEDESAAN', 1, 'SANITARIAN', 1),
  ('PMK75_2014', 'PEDESAAN', 1, 'ATLM', 1),
  ('PMK75_2014', 'PEDESAAN', 1, 'NUTRISIONIS', 2),
  ('PMK75_2014', 'PEDESAAN', 1, 'KEFARMASIAN', 1),
  ('PMK75_2014', 'PEDESAAN', 1, 'ADMINISTRASI', 2),
  ('PMK75_2014', 'PEDESAAN', 1, 'PEKARYA', 1),
  ('PMK75_2014', 'TERPENCIL', 0, 'DOKTER', 1),
  ('PMK75_2014', 'TERPENCIL', 0, 'DOKTER_GIGI', 1),
  ('PMK75_2014', 'TERPENCIL', 0, 'PERAWAT', 5),
  ('PMK75_2014', 'TERPENCIL', 0, 'BIDAN', 4),
  ('PMK75_2014', 'TERPENCIL', 0, 'PROMKES', 1),
  ('PMK75_2014', 'TERPENCIL', 0, 'SANITARIAN', 1),
  ('PMK75_2014', 'TERPENCIL', 0, 'ATLM', 1),
  ('PMK75_2014', 'TERPENCIL', 0, 'NUTRISIONIS', 1),
  ('PMK75_2014', 'TERPENCIL', 0, 'KEFARMASIAN', 1),
  ('PMK75_2014', 'TERPENCIL', 0, 'ADMINISTRASI', 2),
  ('PMK75_2014', 'TERPENCIL', 0, 'PEKARYA', 1),
  ('PMK75_2014', 'TERPENCIL', 1, 'DOKTER', 2),
  ('PMK75_2014', 'TERPENCIL', 1, 'DOKTER_GIGI', 1),
  ('PMK75_2014', 'TERPENCIL', 1, 'PERAWAT', 8),
  ('PMK75_2014', 'TERPENCIL', 1, 'BIDAN', 7),
  ('PMK75_2014', 'TERPENCIL', 1, 'PROMKES', 1),
  ('PMK75_2014', 'TERPENCIL', 1, 'SANITARIAN', 1),
  ('PMK75_2014', 'TERPENCIL', 1, 'ATLM', 1),
  ('PMK75_2014', 'TERPENCIL', 1, 'NUTRISIONIS', 2),
  ('PMK75_2014', 'TERPENCIL', 1, 'KEFARMASIAN', 1),
  ('PMK75_2014', 'TERPENCIL', 1, 'ADMINISTRASI', 2),
  ('PMK75_2014', 'TERPENCIL', 1, 'PEKARYA', 1);
