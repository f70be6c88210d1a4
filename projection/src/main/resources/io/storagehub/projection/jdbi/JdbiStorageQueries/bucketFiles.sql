-- the range bounds the index scan; starts_with states the intent (and never treats % or _ as wildcards)
SELECT *
FROM file_view
WHERE chain = :chain AND bucket_id = :bucketId AND status <> 'deleted'
  AND (location, file_key) > (:lowerLocation, :lowerFileKey)
  AND location < :upperBound
  AND starts_with(location, :prefix)
ORDER BY location, file_key
LIMIT :limit
