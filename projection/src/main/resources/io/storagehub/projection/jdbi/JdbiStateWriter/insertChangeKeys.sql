-- one row per (change, key it is found by); see the migration creating change_key
INSERT INTO change_key (chain, key, block, event_index)
SELECT u.chain, u.key, u.block, u.event_index
FROM unnest(CAST(:chain AS text[]), CAST(:key AS text[]), CAST(:block AS bigint[]), CAST(:eventIndex AS bigint[]))
     AS u(chain, key, block, event_index)
ON CONFLICT (chain, key, block, event_index) DO NOTHING
