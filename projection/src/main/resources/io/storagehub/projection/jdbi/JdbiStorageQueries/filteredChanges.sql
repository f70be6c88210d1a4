-- the chain's changes after a position that have every key of a filter: a range scan of change_key's primary
-- key for the first key, a probe of the same index for each other key, a join to change by primary key
-- (change_key is partitioned by block: the bound on k.block prunes the partitions before the position)
SELECT c.*
FROM change_key k
JOIN change c ON c.chain = k.chain AND c.block = k.block AND c.event_index = k.event_index
WHERE k.chain = :chain AND k.key = decode(:key, 'hex') AND (k.block, k.event_index) > (:afterBlock, :afterIndex)
  AND k.block >= :afterBlock
  AND NOT EXISTS (SELECT 1
                  FROM unnest(CAST(:otherKeys AS text[])) AS o(key)
                  WHERE NOT EXISTS (SELECT 1 FROM change_key x
                                    WHERE x.chain = k.chain AND x.key = decode(o.key, 'hex') AND x.block = k.block
                                      AND x.event_index = k.event_index))
ORDER BY k.block, k.event_index
LIMIT :limit
