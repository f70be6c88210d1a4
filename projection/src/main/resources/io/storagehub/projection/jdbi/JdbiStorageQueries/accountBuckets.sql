SELECT *
FROM bucket
WHERE chain = :chain AND owner = :account AND NOT deleted AND bucket_id > :afterBucketId
ORDER BY bucket_id
LIMIT :limit
