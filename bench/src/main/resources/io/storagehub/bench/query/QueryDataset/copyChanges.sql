COPY change (chain, block, event_index, block_hash, block_time, pallet, name, data, entities) FROM STDIN
