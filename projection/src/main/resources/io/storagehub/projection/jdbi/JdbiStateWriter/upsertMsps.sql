INSERT INTO msp (chain, msp_id, account, capacity, used_capacity, multiaddresses, status, slashed_total,
                 signed_up_at, bucket_count, created_block, created_index, updated_block, updated_index)
SELECT u.chain, u.msp_id, u.account, u.capacity, u.used_capacity, CAST(u.multiaddresses AS text[]), u.status,
       u.slashed_total, u.signed_up_at, u.bucket_count, u.created_block, u.created_index, u.updated_block,
       u.updated_index
FROM unnest(CAST(:chain AS text[]), CAST(:mspId AS text[]), CAST(:account AS text[]),
            CAST(:capacity AS numeric[]), CAST(:usedCapacity AS numeric[]), CAST(:multiaddresses AS text[]),
            CAST(:status AS text[]), CAST(:slashedTotal AS numeric[]), CAST(:signedUpAt AS bigint[]),
            CAST(:bucketCount AS bigint[]), CAST(:createdBlock AS bigint[]), CAST(:createdIndex AS bigint[]),
            CAST(:updatedBlock AS bigint[]), CAST(:updatedIndex AS bigint[]))
     AS u(chain, msp_id, account, capacity, used_capacity, multiaddresses, status, slashed_total, signed_up_at,
          bucket_count, created_block, created_index, updated_block, updated_index)
ON CONFLICT (chain, msp_id) DO UPDATE SET
    account = EXCLUDED.account,
    capacity = EXCLUDED.capacity,
    used_capacity = EXCLUDED.used_capacity,
    multiaddresses = EXCLUDED.multiaddresses,
    status = EXCLUDED.status,
    slashed_total = EXCLUDED.slashed_total,
    signed_up_at = EXCLUDED.signed_up_at,
    bucket_count = EXCLUDED.bucket_count,
    created_block = EXCLUDED.created_block,
    created_index = EXCLUDED.created_index,
    updated_block = EXCLUDED.updated_block,
    updated_index = EXCLUDED.updated_index
