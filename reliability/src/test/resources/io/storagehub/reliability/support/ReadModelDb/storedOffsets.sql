SELECT partition, next_offset FROM source_checkpoint WHERE topic = :topic
