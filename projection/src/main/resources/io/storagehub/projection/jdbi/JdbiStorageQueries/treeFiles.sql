-- files directly in :path: the remainder (after :path) has no '/'
SELECT *
FROM file_view
WHERE chain = :chain AND bucket_id = :bucketId AND status <> 'deleted'
  AND (location, file_key) > (:lowerLocation, :lowerFileKey)
  AND location < :upperBound
  AND starts_with(location, :path)
  AND strpos(substr(location, char_length(:path) + 1), '/') = 0
ORDER BY location, file_key
LIMIT :limit
