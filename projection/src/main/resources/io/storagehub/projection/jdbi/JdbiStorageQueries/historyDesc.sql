-- one key's changes newest first before a position: the range scan of filteredChanges, backwards, from the block of
-- the key row with the smallest last change at or after the position (found by a probe of the key: its group may
-- straddle the position; any later row of that block holds only changes after the position), else from the
-- position's block, each row's changes before the position in reverse order
-- (the bound on k.block prunes the partitions after it)
SELECT c.*
FROM (SELECT k.block AS group_block, k.event_index AS group_index, p.block, p.event_index
      FROM change_key k
      CROSS JOIN LATERAL unnest(coalesce(k.blocks, ARRAY[k.block]), coalesce(k.event_indexes, ARRAY[k.event_index]))
          AS p(block, event_index)
      WHERE k.chain = :chain AND k.key = decode(:key, 'hex')
        AND k.block <= (SELECT coalesce(max(x.block), :afterBlock)
                        FROM (SELECT x.block
                              FROM change_key x
                              WHERE x.chain = :chain AND x.key = decode(:key, 'hex')
                                AND (x.block, x.event_index) >= (:afterBlock, :afterIndex) AND x.block >= :afterBlock
                              ORDER BY x.block, x.event_index
                              LIMIT 1) x)
        AND (p.block, p.event_index) < (:afterBlock, :afterIndex)
      ORDER BY k.block DESC, k.event_index DESC, p.block DESC, p.event_index DESC
      LIMIT :limit) p
JOIN change c ON c.chain = :chain AND c.block = p.block AND c.event_index = p.event_index
ORDER BY p.group_block DESC, p.group_index DESC, p.block DESC, p.event_index DESC
