SELECT id, topic, partition, record_offset, chain, block, event_index, reason_kind, reason, original_key,
       original_value
FROM dead_letter
WHERE NOT published
ORDER BY id
LIMIT :limit
