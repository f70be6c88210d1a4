SELECT chain, block, entries FROM event_digest ORDER BY chain, block
