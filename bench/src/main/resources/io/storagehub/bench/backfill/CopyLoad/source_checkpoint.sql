COPY source_checkpoint (projection, topic, partition, next_offset) FROM STDIN
