SELECT next_offset
FROM source_checkpoint
WHERE projection = :projection AND topic = :topic AND partition = :partition
