INSERT INTO bucket (chain, bucket_id, owner, msp_id, name, root, is_private, collection_id, value_prop_id,
                    file_count, total_size, msp_confirmed_size, deleted, created_block, created_index,
                    updated_block, updated_index)
VALUES (?, ?, ?, NULL, 'bench-deep-bucket', ?, false, NULL, NULL, ?, ?, ?, false, ?, ?, ?, ?)
