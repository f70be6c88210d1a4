-- the owner of each of a set of buckets (deleted ones too): one probe of bucket's primary key per id
SELECT bucket_id, owner
FROM bucket
WHERE chain = :chain AND bucket_id = ANY(CAST(:ids AS text[]))
