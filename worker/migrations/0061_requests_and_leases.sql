-- Issue 10 (trust boundary), part B.
--
-- Rate limiting moved to the Workers Rate Limiting binding (wrangler.jsonc `ratelimits`): no D1 write
-- per request, so the per-minute counters go.
DROP TABLE IF EXISTS rate_limits;

-- Idempotency keys (SPEC §7 Access: "keys expire after 24 hours and are swept by a scheduled job").
--   lease_until  while 'running': the claim is alive until then; the request holding it renews it
--                (a heartbeat every few seconds), so a crashed request's key frees seconds after its
--                lease ends instead of minutes later.
--   expires_at   24 h after the claim: from then on the key is forgotten (a new request may claim it)
--                and the scheduled job (worker/index.ts scheduled()) deletes it with its stored answer.
ALTER TABLE idempotency_keys ADD COLUMN lease_until TEXT;
ALTER TABLE idempotency_keys ADD COLUMN expires_at TEXT;
UPDATE idempotency_keys SET lease_until = claimed_at, expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', claimed_at, '+1 day');
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

-- Uncommitted uploads (committed_at NULL): lease_until is how long their rows are kept.
--   An upload being stored renews it with every staging batch; when its Worker dies, the scheduled
--   job removes its rows once the lease ended (never a user's request).
--   An upload staged by a dry run (POST /v1/rosters/validate?stage=1, issue 13) holds it 24 h ahead;
--   staged_by is the token that staged it, the only one that may commit it.
ALTER TABLE uploads ADD COLUMN lease_until TEXT;
ALTER TABLE uploads ADD COLUMN staged_by TEXT;
UPDATE uploads SET lease_until = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+15 minutes') WHERE committed_at IS NULL;
CREATE INDEX uploads_lease ON uploads (lease_until) WHERE committed_at IS NULL;
