INSERT INTO chain_position (chain, last_block, last_index, last_block_time, updated_at)
SELECT u.chain, u.last_block, u.last_index, u.last_block_time, now()
FROM unnest(CAST(:chain AS text[]), CAST(:lastBlock AS bigint[]), CAST(:lastIndex AS bigint[]),
            CAST(:lastBlockTime AS timestamptz[]))
     AS u(chain, last_block, last_index, last_block_time)
ON CONFLICT (chain) DO UPDATE SET
    last_block = EXCLUDED.last_block,
    last_index = EXCLUDED.last_index,
    last_block_time = EXCLUDED.last_block_time,
    updated_at = EXCLUDED.updated_at
