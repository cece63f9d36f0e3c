-- Issue 15, SPEC §6: facility attributes are kept with the date from which they hold, so coverage at
-- a past date uses the values of then. Written by PUT /v1/facilities (`berlaku_mulai`, default
-- today); `fasyankes` keeps the latest version (what rosters are checked against and GET lists).
-- Coverage at D uses each facility's version with the latest berlaku_mulai <= D; before its first
-- version, that first version. Today's rows become first versions dated by their last change.

CREATE TABLE fasyankes_versi (
  kode TEXT NOT NULL,
  berlaku_mulai TEXT NOT NULL,
  nama TEXT NOT NULL,
  jenis TEXT NOT NULL,
  kode_wilayah TEXT NOT NULL,
  kecamatan TEXT,
  kategori TEXT,
  rawat_inap INTEGER NOT NULL DEFAULT 0 CHECK (rawat_inap IN (0, 1)),
  poned INTEGER NOT NULL DEFAULT 0 CHECK (poned IN (0, 1)),
  aktif INTEGER NOT NULL DEFAULT 1 CHECK (aktif IN (0, 1)),
  diubah_pada TEXT NOT NULL,
  diubah_oleh TEXT,
  PRIMARY KEY (kode, berlaku_mulai)
) WITHOUT ROWID;

INSERT INTO fasyankes_versi (kode, berlaku_mulai, nama, jenis, kode_wilayah, kecamatan, kategori, rawat_inap, poned, aktif, diubah_pada, diubah_oleh)
  SELECT kode, substr(diubah_pada, 1, 10), nama, jenis, kode_wilayah, kecamatan, kategori, rawat_inap, poned, aktif, diubah_pada, diubah_oleh FROM fasyankes;

-- Which staffing-standard set is active in a province (or the national default, 'ID') from which
-- date (PUT /v1/standards `berlaku_mulai`, default today). standar_set.aktif keeps the latest
-- activation (what GET /v1/standards shows); coverage at D uses the activation with the latest
-- berlaku_mulai <= D, else the first. The rows of a set are not dated: a revision of a set's rows
-- applies to every date that set is active.
CREATE TABLE standar_aktif (
  provinsi TEXT NOT NULL,
  berlaku_mulai TEXT NOT NULL,
  nama TEXT NOT NULL,
  PRIMARY KEY (provinsi, berlaku_mulai)
) WITHOUT ROWID;

INSERT INTO standar_aktif (provinsi, berlaku_mulai, nama)
  SELECT provinsi, substr(diubah_pada, 1, 10), nama FROM standar_set WHERE aktif = 1;

-- Population (SPEC §3.4) per region and year, with the date from which a figure holds (PUT
-- /v1/population `berlaku_mulai`, default today): coverage at D uses the year of D, as its latest
-- revision on or before D, else its first. `penduduk` keeps the latest revision.
CREATE TABLE penduduk_versi (
  kode_wilayah TEXT NOT NULL,
  tahun INTEGER NOT NULL,
  berlaku_mulai TEXT NOT NULL,
  jumlah INTEGER NOT NULL CHECK (jumlah >= 0),
  diubah_pada TEXT NOT NULL,
  PRIMARY KEY (kode_wilayah, tahun, berlaku_mulai)
) WITHOUT ROWID;

INSERT INTO penduduk_versi (kode_wilayah, tahun, berlaku_mulai, jumlah, diubah_pada)
  SELECT kode_wilayah, tahun, substr(diubah_pada, 1, 10), jumlah, diubah_pada FROM penduduk;
