-- the generated chain's listable buckets that hold files (not the deep one)
SELECT bucket_id FROM bucket WHERE chain = ? AND NOT deleted AND file_count > 0 AND bucket_id <> ? ORDER BY random() LIMIT ?
