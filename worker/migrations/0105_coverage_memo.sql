-- Issue 15, SPEC §8 "coverage … answers for one province in under 0.05 s and for the whole country
-- in under 0.3 s … with 24 monthly cycles of history": a coverage answer is remembered per question
-- until the data it was computed from changes.
--
-- coverage_generation holds one counter per database. Every row written, changed or deleted in a
-- table that GET /v1/coverage reads bumps it (the triggers below, in the writer's own transaction), so
-- a remembered answer is valid exactly while the counter still has the value it was computed at. No
-- code path has to remember to invalidate: an upload's commit, a master PUT, a hand-made fix in the
-- console all pass through the triggers; so does every migration applied after this one (the trigger
-- on d1_migrations, whose row the migration runner writes in the migration's own batch), even one
-- that rebuilds a table, which fires no trigger of that table. tests/worker/coverage/memo.test.ts
-- holds the list of tables below to the tables the coverage statements name.
--
-- coverage_memo: per question (level, region, as_of; worker/store/coverage-memo.ts) the result rows of
-- the coverage statements on this database, as JSON with the fingerprint of those statements (a
-- release that changes them reads afresh), in parts of at most one D1 value each (the country's rows
-- on one database pass 1 MB), the generation they were read at, each part's size in bytes
-- (kept apart so that keeping the table within its budget never reads the rows) and whether the
-- question is one the scheduled job answers ahead (pinned: evicted last).

CREATE TABLE coverage_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
INSERT INTO coverage_generation (id, n) VALUES (1, 0);

CREATE TABLE coverage_memo (
  question TEXT NOT NULL,
  part INTEGER NOT NULL,
  generation INTEGER NOT NULL,
  stored_at TEXT NOT NULL,
  pinned INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL,
  rows TEXT NOT NULL,
  PRIMARY KEY (question, part)
) WITHOUT ROWID;

-- The migration runners (wrangler, the test pool) create d1_migrations before the first migration;
-- a script that applies these files by hand (bench/floor.ts) gets the runners' own table here.
CREATE TABLE IF NOT EXISTS d1_migrations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE TRIGGER d1_migrations_memo_i AFTER INSERT ON d1_migrations BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER coverage_version_memo_i AFTER INSERT ON coverage_version BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER coverage_version_memo_u AFTER UPDATE ON coverage_version BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER coverage_version_memo_d AFTER DELETE ON coverage_version BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER coverage_fakta_memo_i AFTER INSERT ON coverage_fakta BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER coverage_fakta_memo_u AFTER UPDATE ON coverage_fakta BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER coverage_fakta_memo_d AFTER DELETE ON coverage_fakta BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER coverage_pelatihan_memo_i AFTER INSERT ON coverage_pelatihan BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER coverage_pelatihan_memo_u AFTER UPDATE ON coverage_pelatihan BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER coverage_pelatihan_memo_d AFTER DELETE ON coverage_pelatihan BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER fasyankes_versi_memo_i AFTER INSERT ON fasyankes_versi BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER fasyankes_versi_memo_u AFTER UPDATE ON fasyankes_versi BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER fasyankes_versi_memo_d AFTER DELETE ON fasyankes_versi BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER penduduk_versi_memo_i AFTER INSERT ON penduduk_versi BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER penduduk_versi_memo_u AFTER UPDATE ON penduduk_versi BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER penduduk_versi_memo_d AFTER DELETE ON penduduk_versi BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER standar_aktif_memo_i AFTER INSERT ON standar_aktif BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER standar_aktif_memo_u AFTER UPDATE ON standar_aktif BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER standar_aktif_memo_d AFTER DELETE ON standar_aktif BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER standar_puskesmas_memo_i AFTER INSERT ON standar_puskesmas BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER standar_puskesmas_memo_u AFTER UPDATE ON standar_puskesmas BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER standar_puskesmas_memo_d AFTER DELETE ON standar_puskesmas BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER wilayah_memo_i AFTER INSERT ON wilayah BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER wilayah_memo_u AFTER UPDATE ON wilayah BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER wilayah_memo_d AFTER DELETE ON wilayah BEGIN UPDATE coverage_generation SET n = n + 1 WHERE id = 1; END;
