-- sub-folders of :path: the first segment of every remainder (after :path) that still contains a '/'
SELECT split_part(substr(location, char_length(:path) + 1), '/', 1) COLLATE "C" AS name,
       count(*) AS file_count,
       sum(size) AS total_size
FROM file
WHERE chain = :chain AND bucket_id = :bucketId AND status <> 'deleted'
  AND location >= :path AND location < :upperBound
  AND starts_with(location, :path)
  AND strpos(substr(location, char_length(:path) + 1), '/') > 0
GROUP BY 1
ORDER BY 1
LIMIT :limit
