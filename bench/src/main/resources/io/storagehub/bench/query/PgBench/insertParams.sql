INSERT INTO bench_ids.params (scenario, i, file_key, bucket_id, lower_location, lower_file_key, upper_bound, prefix)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
