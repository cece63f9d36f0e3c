-- Issue 16, SPEC §9: the tindak-lanjut lists and the placement plan read, per facility of a region, the
-- person versions that hold at a date D (valid_from <= D < valid_to, migration 0070) and keep few of
-- them: a SIP ending soon, a dated or missing STR, a term ending. Through nakes_facility alone every
-- version of every facility of the region was looked up in the table to test those columns (a
-- province of the national model: ~110,000 lookups per list). These indexes put the tested column
-- after the facility, so only the rows a list can keep are looked up (store/tindak-lanjut.ts).
--
-- None holds valid_to: a commit sets valid_to on every row it opens (store/nakes.ts), and an index
-- holding it would move each of those rows' entries; valid_from, as in nakes_facility, lets the
-- range on it skip the versions that begin after D.

-- `sip`: per facility by SIP end, so a list reads the SIPs ending up to as_of + 90 days.
CREATE INDEX nakes_sip_at ON nakes (kode_fasyankes, sip_berlaku_sampai, valid_from) WHERE sip_berlaku_sampai IS NOT NULL;

-- `str`: the few rows with a dated STR or none (the query repeats this WHERE as one of its terms).
CREATE INDEX nakes_str_at ON nakes (kode_fasyankes, valid_from) WHERE str_berlaku_sampai IS NOT NULL OR no_str IS NULL;

-- `penugasan` and the placement's ending terms: the rows with a TMT (statuses with a term), by TMT.
CREATE INDEX nakes_term_at ON nakes (kode_fasyankes, tmt_penugasan, valid_from) WHERE tmt_penugasan IS NOT NULL;

-- The trainings a person version holds (`poned`, `pelatihan`, one test per person): pelatihan_nik with
-- the code, so the test is answered from the index. It begins with pelatihan_nik's columns, so it
-- replaces it for every lookup by (upload, NIK), at the same cost to write.
CREATE INDEX pelatihan_held ON pelatihan (upload_id, nik, kode_pelatihan);
DROP INDEX pelatihan_nik;
