COPY dead_letter (topic, partition, record_offset, chain, block, event_index, reason_kind, reason, original_key, original_value) FROM STDIN
