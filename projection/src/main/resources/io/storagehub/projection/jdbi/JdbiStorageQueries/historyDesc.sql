-- one key's changes newest first before a position: the same range scan as historyAsc, backwards
-- (the bound on k.block prunes the partitions after the position)
SELECT c.*
FROM change_key k
JOIN change c ON c.chain = k.chain AND c.block = k.block AND c.event_index = k.event_index
WHERE k.chain = :chain AND k.key = decode(:key, 'hex') AND (k.block, k.event_index) < (:afterBlock, :afterIndex)
  AND k.block <= :afterBlock
ORDER BY k.block DESC, k.event_index DESC
LIMIT :limit
