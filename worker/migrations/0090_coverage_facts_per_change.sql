-- Issue 15, SPEC §6/§8 "history grows with change, not with size": coverage's dated person counts
-- (SIP valid-until, end of a Penugasan Khusus term, STR missing) get roster dates of their own, like
-- person versions (migration 0070), instead of a full copy per facility version. A monthly cycle of
-- 1.5 M rows rewrote about a million of these rows (one per SIP date per facility); now a cycle
-- writes only the counts that changed.
--
-- A row of coverage_fakta: facility, kind ('str_tidak_ada', 'sip', 'penugasan'), tgl (a SIP's
-- valid-until, '' for one already past at the roster's date; a Penugasan Khusus's TMT; '' for
-- str_tidak_ada), jenis, and n persons (a NIK counts once per jenis), holding from valid_from to
-- valid_to (roster as_of dates, yyyy-mm-dd; valid_from '' while the commit that computes it runs;
-- valid_to '9999-12-31' while current, never NULL, so it can sit in the key). The facts of facility
-- F at date D are its rows with valid_from <= D < valid_to, the same intervals as its roster
-- (coverage_version), so they are the facts of the roster that held at D. Written by
-- worker/coverage/refresh.ts.
--
-- The key is facility, kind, valid_to, then the date: a read at the latest date seeks each
-- facility's current SIPs up to the end of the "expiring" window and never reads the rows that
-- ended (a month ends a few per facility: changed persons, lapsed SIPs; after two years most rows
-- are history); a read at an earlier date adds the rows that ended after it.

CREATE TABLE coverage_fakta (
  kode_fasyankes TEXT NOT NULL,
  kind TEXT NOT NULL,
  valid_to TEXT NOT NULL DEFAULT '9999-12-31',
  tgl TEXT NOT NULL DEFAULT '',
  jenis TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kode_fasyankes, kind, valid_to, tgl, jenis, valid_from)
) WITHOUT ROWID;

-- Today's facts move over with their version's interval; a version of an empty interval (an earlier
-- upload of the same as_of, replaced the same day) holds at no date and is left out.
INSERT INTO coverage_fakta (kode_fasyankes, kind, tgl, jenis, valid_from, valid_to, n)
  SELECT v.kode_fasyankes, c.kind, c.tgl, c.jenis, v.valid_from, COALESCE(v.valid_to, '9999-12-31'), c.n
  FROM coverage_fact c JOIN coverage_version v ON v.id = c.version_id
  WHERE v.valid_to IS NULL OR v.valid_to > v.valid_from;

DROP TABLE coverage_fact;
