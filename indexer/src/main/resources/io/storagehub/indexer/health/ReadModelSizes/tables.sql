-- reltuples is -1 for a table never vacuumed or analyzed (Postgres 14+): such tables are counted. A partitioned
-- table (change_key) is one table here, its partitions' estimates and bytes summed.
SELECT c.relname AS name,
       CASE WHEN c.relkind <> 'p' THEN c.reltuples::bigint
            ELSE coalesce((SELECT CASE WHEN bool_or(p.reltuples < 0) THEN -1 ELSE sum(p.reltuples) END
                           FROM pg_partition_tree(c.oid) t JOIN pg_class p ON p.oid = t.relid
                           WHERE t.isleaf), 0)::bigint END AS estimated_rows,
       CASE WHEN c.relkind <> 'p' THEN pg_total_relation_size(c.oid)
            ELSE (SELECT coalesce(sum(pg_total_relation_size(t.relid)), 0)
                  FROM pg_partition_tree(c.oid) t WHERE t.isleaf)::bigint END AS bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = :schema AND c.relkind IN ('r', 'm', 'p') AND NOT c.relispartition
ORDER BY c.relname
