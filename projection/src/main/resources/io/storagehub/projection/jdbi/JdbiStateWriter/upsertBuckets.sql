INSERT INTO bucket (chain, bucket_id, owner, msp_id, name, root, is_private, collection_id, value_prop_id,
                    file_count, total_size, msp_confirmed_size, deleted, created_block, created_index,
                    updated_block, updated_index)
SELECT *
FROM unnest(CAST(:chain AS text[]), CAST(:bucketId AS text[]), CAST(:owner AS text[]), CAST(:mspId AS text[]),
            CAST(:name AS text[]), CAST(:root AS text[]), CAST(:isPrivate AS boolean[]),
            CAST(:collectionId AS text[]), CAST(:valuePropId AS text[]), CAST(:fileCount AS bigint[]),
            CAST(:totalSize AS numeric[]), CAST(:mspConfirmedSize AS numeric[]), CAST(:deleted AS boolean[]),
            CAST(:createdBlock AS bigint[]), CAST(:createdIndex AS bigint[]), CAST(:updatedBlock AS bigint[]),
            CAST(:updatedIndex AS bigint[]))
ON CONFLICT (chain, bucket_id) DO UPDATE SET
    owner = EXCLUDED.owner,
    msp_id = EXCLUDED.msp_id,
    name = EXCLUDED.name,
    root = EXCLUDED.root,
    is_private = EXCLUDED.is_private,
    collection_id = EXCLUDED.collection_id,
    value_prop_id = EXCLUDED.value_prop_id,
    file_count = EXCLUDED.file_count,
    total_size = EXCLUDED.total_size,
    msp_confirmed_size = EXCLUDED.msp_confirmed_size,
    deleted = EXCLUDED.deleted,
    created_block = EXCLUDED.created_block,
    created_index = EXCLUDED.created_index,
    updated_block = EXCLUDED.updated_block,
    updated_index = EXCLUDED.updated_index
