COPY file_bsp (chain, bsp_id, file_key, confirmed_at, created_block, created_index) FROM STDIN
