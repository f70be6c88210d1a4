ANALYZE bench_ids.params
