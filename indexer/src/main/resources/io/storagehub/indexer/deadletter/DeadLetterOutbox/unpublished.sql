SELECT id, topic, partition, record_offset, chain, block, event_index, reason_kind, reason, original_key,
       original_value, created_at
FROM dead_letter
WHERE NOT published AND id > :after
ORDER BY id
LIMIT :limit
