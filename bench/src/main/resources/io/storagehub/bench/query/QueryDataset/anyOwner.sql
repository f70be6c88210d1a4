SELECT owner FROM bucket WHERE chain = ? ORDER BY bucket_id LIMIT 1
