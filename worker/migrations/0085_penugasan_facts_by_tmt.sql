-- Issue 14 (one calendar): coverage_fact rows of kind 'penugasan' hold the TMT of a Penugasan Khusus,
-- no longer its term end. The term end was SQLite's date(tmt, '+5 years'), which rolls 29 February
-- into 1 March, while the validator (SPEC §5 penugasan.ended) ends that term on 28 February; the read
-- now compares TMTs with thresholds computed by the shared calendar (shared/coverage/windows.ts), so
-- the rule lives in TypeScript only.
--
-- Stored term ends cannot be turned back into TMTs (29 February and 1 March both gave 1 March), so
-- every version's facts are rebuilt from its person rows: the rows of its facility whose interval
-- holds the version's roster date (valid_from), as coverage reads a roster (SPEC §6). No date
-- arithmetic here: the TMT is copied as stored.
DELETE FROM coverage_fact WHERE kind = 'penugasan';

INSERT INTO coverage_fact (version_id, kind, tgl, jenis, n)
SELECT v.id, 'penugasan', n.tmt_penugasan, n.jenis_tenaga, COUNT(DISTINCT n.nik)
FROM coverage_version v
JOIN nakes n ON n.kode_fasyankes = v.kode_fasyankes AND n.valid_from <> '' AND n.valid_from <= v.valid_from
  AND (n.valid_to IS NULL OR n.valid_to > v.valid_from)
WHERE n.status_kepegawaian = 'PENUGASAN_KHUSUS' AND n.tmt_penugasan IS NOT NULL
GROUP BY v.id, n.tmt_penugasan, n.jenis_tenaga;
