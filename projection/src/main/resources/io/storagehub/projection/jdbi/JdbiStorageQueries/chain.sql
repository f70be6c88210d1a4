SELECT chain, last_block, last_index, updated_at
FROM chain_position
WHERE chain = :chain AND last_block IS NOT NULL
