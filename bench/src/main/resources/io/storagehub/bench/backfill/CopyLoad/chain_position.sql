COPY chain_position (chain, last_block, last_index) FROM STDIN
