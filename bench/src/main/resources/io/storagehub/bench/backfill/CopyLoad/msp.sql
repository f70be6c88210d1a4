COPY msp (chain, msp_id, account, capacity, used_capacity, multiaddresses, status, slashed_total, signed_up_at, bucket_count, created_block, created_index, updated_block, updated_index) FROM STDIN
