-- Issue 15 (attack H1), SPEC §7 Access: a national token's Idempotency-Keys get one home in DB.
--
-- A key is claimed and settled in the database of the upload it guards (its commit batch settles it,
-- worker/store/idempotency.ts), and a national token's upload goes to the database of its rows'
-- province. Without one place that knows where a key went, the same key reused with a roster of another
-- province was claimed afresh in that province's database (201 instead of 422, 409 across provinces).
-- This table, used in DB only (every database gets every migration; elsewhere it stays empty), records
-- for each (token, key) the province whose database holds the claim ('' for DB itself) and the request
-- fingerprint, so a reuse with another body is refused and a retry goes to the recorded database. It
-- expires with the key (24 h) and the scheduled job (worker/sweep.ts) deletes it like the keys.
CREATE TABLE idempotency_routes (
  token_id TEXT NOT NULL,
  key TEXT NOT NULL,
  provinsi TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (token_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_routes_expiry ON idempotency_routes (expires_at);
