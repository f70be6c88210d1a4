-- one row per (chain, block); a block whose events span batches gets its later entries appended
INSERT INTO event_digest (chain, block, entries)
SELECT u.chain, u.block, decode(u.entries, 'hex')
FROM unnest(CAST(:chain AS text[]), CAST(:block AS bigint[]), CAST(:entries AS text[])) AS u(chain, block, entries)
ON CONFLICT (chain, block) DO UPDATE SET entries = event_digest.entries || EXCLUDED.entries
