-- the chain's changes after a position that have every key of a filter (an entity's history oldest first: its key
-- alone): a range scan of change_key's primary key for the first key from the first key row whose last change is
-- after the position (V0010: a row finds a group of changes; a key's groups cover disjoint runs of positions, in key
-- order), each row's changes after the position in order; for each of them and each other key a probe of the same
-- index for that key's row with the smallest last change at or after the change (the only row of the key whose
-- group can hold it); then the page's changes joined to change by primary key
-- (change_key is partitioned by block: the bounds on block prune the partitions before each position)
SELECT c.*
FROM (SELECT k.block AS group_block, k.event_index AS group_index, p.block, p.event_index
      FROM change_key k
      CROSS JOIN LATERAL unnest(coalesce(k.blocks, ARRAY[k.block]), coalesce(k.event_indexes, ARRAY[k.event_index]))
          AS p(block, event_index)
      WHERE k.chain = :chain AND k.key = decode(:key, 'hex') AND (k.block, k.event_index) > (:afterBlock, :afterIndex)
        AND k.block >= :afterBlock AND (p.block, p.event_index) > (:afterBlock, :afterIndex)
        AND NOT EXISTS (SELECT 1
                        FROM unnest(CAST(:otherKeys AS text[])) AS o(key)
                        WHERE NOT EXISTS (SELECT 1
                                          FROM (SELECT x.block, x.event_index, x.blocks, x.event_indexes
                                                FROM change_key x
                                                WHERE x.chain = :chain AND x.key = decode(o.key, 'hex')
                                                  AND (x.block, x.event_index) >= (p.block, p.event_index)
                                                  AND x.block >= p.block
                                                ORDER BY x.block, x.event_index
                                                LIMIT 1) x
                                          WHERE (x.block, x.event_index) = (p.block, p.event_index)
                                             OR (p.block, p.event_index) IN (SELECT *
                                                                             FROM unnest(x.blocks, x.event_indexes))))
      ORDER BY k.block, k.event_index, p.block, p.event_index
      LIMIT :limit) p
JOIN change c ON c.chain = :chain AND c.block = p.block AND c.event_index = p.event_index
ORDER BY p.group_block, p.group_index, p.block, p.event_index
