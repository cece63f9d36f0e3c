-- Staffing standards per province (issue 10, SPEC §7 Access): a national default and each province's
-- own sets. `provinsi` is 'ID' for the national default (the code of the national scope) or a
-- 2-digit province code. A province's admin changes only its province's sets, a national admin the
-- default; coverage of a facility uses its province's active set, else the national active set.
-- Existing sets become the national default, unchanged (their rows and active flag are kept).
-- SQLite cannot change a primary key in place: the two tables are rebuilt, child first.

CREATE TABLE standar_set_v2 (
  provinsi TEXT NOT NULL DEFAULT 'ID',
  nama TEXT NOT NULL,
  aktif INTEGER NOT NULL DEFAULT 0 CHECK (aktif IN (0, 1)),
  keterangan TEXT,
  diubah_pada TEXT NOT NULL,
  PRIMARY KEY (provinsi, nama)
) WITHOUT ROWID;

CREATE TABLE standar_puskesmas_v2 (
  provinsi TEXT NOT NULL DEFAULT 'ID',
  set_nama TEXT NOT NULL,
  kategori TEXT NOT NULL,
  rawat_inap INTEGER NOT NULL,
  jenis TEXT NOT NULL,
  minimum INTEGER NOT NULL CHECK (minimum >= 0),
  PRIMARY KEY (provinsi, set_nama, kategori, rawat_inap, jenis),
  FOREIGN KEY (provinsi, set_nama) REFERENCES standar_set_v2 (provinsi, nama)
) WITHOUT ROWID;

INSERT INTO standar_set_v2 (provinsi, nama, aktif, keterangan, diubah_pada)
  SELECT 'ID', nama, aktif, keterangan, diubah_pada FROM standar_set;
INSERT INTO standar_puskesmas_v2 (provinsi, set_nama, kategori, rawat_inap, jenis, minimum)
  SELECT 'ID', set_nama, kategori, rawat_inap, jenis, minimum FROM standar_puskesmas;

DROP TABLE standar_puskesmas;
DROP TABLE standar_set;
ALTER TABLE standar_set_v2 RENAME TO standar_set;
ALTER TABLE standar_puskesmas_v2 RENAME TO standar_puskesmas;

-- At most one active set per province (and one national default).
CREATE UNIQUE INDEX standar_set_satu_aktif ON standar_set (provinsi) WHERE aktif = 1;
