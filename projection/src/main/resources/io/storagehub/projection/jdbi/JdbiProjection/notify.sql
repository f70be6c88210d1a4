-- delivered to listeners when the transaction commits (and never if it rolls back)
SELECT pg_notify(:channel, chain)
FROM unnest(CAST(:chains AS text[])) AS chain
