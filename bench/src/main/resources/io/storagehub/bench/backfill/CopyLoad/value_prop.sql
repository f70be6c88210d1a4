COPY value_prop (chain, msp_id, value_prop_id, price_per_giga_unit_of_data_per_block, commitment, bucket_data_limit, available, created_block, created_index, updated_block, updated_index) FROM STDIN
