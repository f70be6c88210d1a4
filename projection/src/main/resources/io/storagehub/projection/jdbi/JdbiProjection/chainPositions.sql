SELECT chain, last_block, last_index
FROM chain_position
WHERE last_block IS NOT NULL
ORDER BY chain
