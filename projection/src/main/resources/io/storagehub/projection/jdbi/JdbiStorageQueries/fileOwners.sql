-- the bucket and owner of each of a set of files (deleted ones too): one probe of file's primary key per key
SELECT file_key, bucket_id, owner
FROM file
WHERE chain = :chain AND file_key = ANY(CAST(:ids AS text[]))
