-- the next offset of a source partition only ever moves forward
INSERT INTO source_checkpoint (projection, topic, partition, next_offset, updated_at)
VALUES (:projection, :topic, :partition, :nextOffset, now())
ON CONFLICT (projection, topic, partition) DO UPDATE SET
    next_offset = GREATEST(source_checkpoint.next_offset, EXCLUDED.next_offset),
    updated_at = EXCLUDED.updated_at
