SELECT chain, last_block, last_index, last_block_time
FROM chain_position
WHERE last_block IS NOT NULL
ORDER BY chain
