COPY change_key (chain, key, block, event_index) FROM STDIN
