-- a chain's last applied position, without locking it (no row: nothing applied yet)
SELECT last_block, last_index
FROM chain_position
WHERE chain = :chain
