SELECT block, entries
FROM event_digest
WHERE chain = :chain AND block = ANY(:blocks)
