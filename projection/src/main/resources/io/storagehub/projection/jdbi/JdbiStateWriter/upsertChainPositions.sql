INSERT INTO chain_position (chain, last_block, last_index, updated_at)
SELECT u.chain, u.last_block, u.last_index, now()
FROM unnest(CAST(:chain AS text[]), CAST(:lastBlock AS bigint[]), CAST(:lastIndex AS bigint[]))
     AS u(chain, last_block, last_index)
ON CONFLICT (chain) DO UPDATE SET
    last_block = EXCLUDED.last_block,
    last_index = EXCLUDED.last_index,
    updated_at = EXCLUDED.updated_at
