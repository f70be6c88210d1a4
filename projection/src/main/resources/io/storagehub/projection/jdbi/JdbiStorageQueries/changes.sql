-- the chain's changes after a position, in position order: a range scan of change's primary key
SELECT c.*
FROM change c
WHERE c.chain = :chain AND (c.block, c.event_index) > (:afterBlock, :afterIndex)
ORDER BY c.block, c.event_index
LIMIT :limit
