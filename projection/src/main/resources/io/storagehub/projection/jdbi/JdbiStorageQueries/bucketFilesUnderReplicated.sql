-- the predicate repeats the partial index file_under_replicated's, so the repair list scans only its own rows
SELECT *
FROM file_view
WHERE chain = :chain AND bucket_id = :bucketId AND status = 'stored' AND replicas < bsps_required
  AND (location, file_key) > (:lowerLocation, :lowerFileKey)
  AND location < :upperBound
  AND starts_with(location, :prefix)
ORDER BY location, file_key
LIMIT :limit
