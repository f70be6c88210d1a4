INSERT INTO dead_letter (topic, partition, record_offset, chain, block, event_index, reason_kind, reason,
                         original_key, original_value)
VALUES (:topic, :partition, :offset, :chain, :block, :index, :reasonKind, :reason, :key, :value)
ON CONFLICT (topic, partition, record_offset) DO NOTHING
