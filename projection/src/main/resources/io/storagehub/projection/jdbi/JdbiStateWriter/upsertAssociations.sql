INSERT INTO file_bsp (chain, bsp_id, file_key, confirmed_at, created_block, created_index)
SELECT *
FROM unnest(CAST(:chain AS text[]), CAST(:bspId AS text[]), CAST(:fileKey AS text[]),
            CAST(:confirmedAt AS bigint[]), CAST(:createdBlock AS bigint[]), CAST(:createdIndex AS bigint[]))
ON CONFLICT (chain, bsp_id, file_key) DO UPDATE SET
    confirmed_at = EXCLUDED.confirmed_at,
    created_block = EXCLUDED.created_block,
    created_index = EXCLUDED.created_index
