-- the chain's write lock for the rest of the transaction, and its last applied position
SELECT last_block, last_index
FROM chain_position
WHERE chain = :chain
FOR UPDATE
