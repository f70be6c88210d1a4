SELECT next_offset FROM source_checkpoint WHERE projection = 'live' AND topic = ? AND partition = 0
