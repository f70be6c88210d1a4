SELECT (SELECT count(*) FROM file) AS files, (SELECT count(*) FROM file WHERE status <> 'deleted') AS listable,
       (SELECT count(*) FROM bucket) AS buckets
