SELECT last_block, last_index FROM chain_position WHERE chain = ?
