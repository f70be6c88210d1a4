-- one key's changes oldest first after a position: a range scan of change_key's primary key from the first key row
-- whose last change is after the position (V0010: a row finds a group of changes; a key's groups cover disjoint
-- runs of positions, in key order), each row's changes after the position in order, then the page's changes joined
-- to change by primary key
-- (change_key is partitioned by block: the bound on k.block prunes the partitions before the position)
SELECT c.*
FROM (SELECT k.block AS group_block, k.event_index AS group_index, p.block, p.event_index
      FROM change_key k
      CROSS JOIN LATERAL unnest(coalesce(k.blocks, ARRAY[k.block]), coalesce(k.event_indexes, ARRAY[k.event_index]))
          AS p(block, event_index)
      WHERE k.chain = :chain AND k.key = decode(:key, 'hex') AND (k.block, k.event_index) > (:afterBlock, :afterIndex)
        AND k.block >= :afterBlock AND (p.block, p.event_index) > (:afterBlock, :afterIndex)
      ORDER BY k.block, k.event_index, p.block, p.event_index
      LIMIT :limit) p
JOIN change c ON c.chain = :chain AND c.block = p.block AND c.event_index = p.event_index
ORDER BY p.group_block, p.group_index, p.block, p.event_index
