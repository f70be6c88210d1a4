-- reltuples is -1 for a table never vacuumed or analyzed (Postgres 14+): such tables are counted
SELECT c.relname AS name, c.reltuples::bigint AS estimated_rows, pg_total_relation_size(c.oid) AS bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = :schema AND c.relkind IN ('r', 'm')
ORDER BY c.relname
