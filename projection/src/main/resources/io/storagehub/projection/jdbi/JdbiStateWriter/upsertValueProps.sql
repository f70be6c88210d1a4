INSERT INTO value_prop (chain, msp_id, value_prop_id, price_per_giga_unit_of_data_per_block, commitment,
                        bucket_data_limit, available, created_block, created_index, updated_block, updated_index)
SELECT *
FROM unnest(CAST(:chain AS text[]), CAST(:mspId AS text[]), CAST(:valuePropId AS text[]),
            CAST(:price AS numeric[]), CAST(:commitment AS text[]), CAST(:bucketDataLimit AS numeric[]),
            CAST(:available AS boolean[]), CAST(:createdBlock AS bigint[]), CAST(:createdIndex AS bigint[]),
            CAST(:updatedBlock AS bigint[]), CAST(:updatedIndex AS bigint[]))
ON CONFLICT (chain, msp_id, value_prop_id) DO UPDATE SET
    price_per_giga_unit_of_data_per_block = EXCLUDED.price_per_giga_unit_of_data_per_block,
    commitment = EXCLUDED.commitment,
    bucket_data_limit = EXCLUDED.bucket_data_limit,
    available = EXCLUDED.available,
    created_block = EXCLUDED.created_block,
    created_index = EXCLUDED.created_index,
    updated_block = EXCLUDED.updated_block,
    updated_index = EXCLUDED.updated_index
