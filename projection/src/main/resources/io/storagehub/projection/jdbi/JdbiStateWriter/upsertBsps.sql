INSERT INTO bsp (chain, bsp_id, account, capacity, used_capacity, root, multiaddresses, status, slashed_total,
                 signed_up_at, file_count, created_block, created_index, updated_block, updated_index)
SELECT u.chain, u.bsp_id, u.account, u.capacity, u.used_capacity, u.root, CAST(u.multiaddresses AS text[]),
       u.status, u.slashed_total, u.signed_up_at, u.file_count, u.created_block, u.created_index, u.updated_block,
       u.updated_index
FROM unnest(CAST(:chain AS text[]), CAST(:bspId AS text[]), CAST(:account AS text[]),
            CAST(:capacity AS numeric[]), CAST(:usedCapacity AS numeric[]), CAST(:root AS text[]),
            CAST(:multiaddresses AS text[]), CAST(:status AS text[]), CAST(:slashedTotal AS numeric[]),
            CAST(:signedUpAt AS bigint[]), CAST(:fileCount AS bigint[]), CAST(:createdBlock AS bigint[]),
            CAST(:createdIndex AS bigint[]), CAST(:updatedBlock AS bigint[]), CAST(:updatedIndex AS bigint[]))
     AS u(chain, bsp_id, account, capacity, used_capacity, root, multiaddresses, status, slashed_total,
          signed_up_at, file_count, created_block, created_index, updated_block, updated_index)
ON CONFLICT (chain, bsp_id) DO UPDATE SET
    account = EXCLUDED.account,
    capacity = EXCLUDED.capacity,
    used_capacity = EXCLUDED.used_capacity,
    root = EXCLUDED.root,
    multiaddresses = EXCLUDED.multiaddresses,
    status = EXCLUDED.status,
    slashed_total = EXCLUDED.slashed_total,
    signed_up_at = EXCLUDED.signed_up_at,
    file_count = EXCLUDED.file_count,
    created_block = EXCLUDED.created_block,
    created_index = EXCLUDED.created_index,
    updated_block = EXCLUDED.updated_block,
    updated_index = EXCLUDED.updated_index
