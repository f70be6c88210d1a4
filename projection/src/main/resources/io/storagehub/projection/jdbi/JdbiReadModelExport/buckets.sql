-- every bucket of a chain, deleted ones included, by id
SELECT *
FROM bucket
WHERE chain = :chain
ORDER BY bucket_id
