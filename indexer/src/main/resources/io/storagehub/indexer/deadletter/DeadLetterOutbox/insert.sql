INSERT INTO dead_letter (topic, "partition", "offset", chain, block, "index", reason_kind, reason,
                         original_key, original_value)
VALUES (:topic, :partition, :offset, :chain, :block, :index, :reasonKind, :reason, :key, :value)
