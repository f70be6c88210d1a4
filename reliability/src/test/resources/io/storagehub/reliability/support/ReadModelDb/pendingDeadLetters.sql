SELECT count(*) FILTER (WHERE NOT published) FROM dead_letter
