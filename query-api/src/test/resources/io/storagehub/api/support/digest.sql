-- Row count and content digest of every table of a schema (to prove that requests changed nothing).
SELECT table_name,
       query_to_xml(format('SELECT count(*) AS n, md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS h '
                           || 'FROM %I.%I t', ',', '', table_schema, table_name), false, true, '')::text AS digest
FROM information_schema.tables
WHERE table_schema = ? AND table_type = 'BASE TABLE'
ORDER BY table_name
