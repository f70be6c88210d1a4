INSERT INTO <rebuild>.dead_letter (id, topic, partition, record_offset, chain, block, event_index, reason_kind,
                                   reason, original_key, original_value, created_at, published)
SELECT id, topic, partition, record_offset, chain, block, event_index, reason_kind, reason, original_key,
       original_value, created_at, published
FROM <live>.dead_letter
ON CONFLICT (topic, partition, record_offset) DO NOTHING
