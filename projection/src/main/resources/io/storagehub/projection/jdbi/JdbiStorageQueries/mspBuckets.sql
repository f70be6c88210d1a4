SELECT *
FROM bucket
WHERE chain = :chain AND msp_id = :mspId AND NOT deleted AND bucket_id > :afterBucketId
ORDER BY bucket_id
LIMIT :limit
