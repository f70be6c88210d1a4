-- one key's changes oldest first after a position: a range scan of change_key's primary key, each row joined to
-- its change by primary key
-- (change_key is partitioned by block: the bound on k.block prunes the partitions before the position)
SELECT c.*
FROM change_key k
JOIN change c ON c.chain = k.chain AND c.block = k.block AND c.event_index = k.event_index
WHERE k.chain = :chain AND k.key = decode(:key, 'hex') AND (k.block, k.event_index) > (:afterBlock, :afterIndex)
  AND k.block >= :afterBlock
ORDER BY k.block, k.event_index
LIMIT :limit
