SELECT partition, record_offset, reason_kind, published FROM dead_letter WHERE topic = :topic
