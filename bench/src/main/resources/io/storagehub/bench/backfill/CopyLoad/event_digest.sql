COPY event_digest (chain, block, entries) FROM STDIN
