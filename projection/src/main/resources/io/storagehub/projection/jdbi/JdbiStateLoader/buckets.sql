SELECT *
FROM bucket
WHERE chain = :chain AND bucket_id = ANY(:ids)
