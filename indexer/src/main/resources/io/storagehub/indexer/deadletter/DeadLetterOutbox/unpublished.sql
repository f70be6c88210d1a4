SELECT id, topic, "partition", "offset", chain, block, "index", reason_kind, reason, original_key, original_value
FROM dead_letter
WHERE NOT published
ORDER BY id
LIMIT :limit
