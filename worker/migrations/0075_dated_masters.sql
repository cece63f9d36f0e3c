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
