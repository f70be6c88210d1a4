-- What the connected role could change in the read model's schema (?: the schema's name, three times); no rows
-- when it can only read. A role that owns an object, or is a member of its owner, holds every privilege on it.
SELECT 'is a superuser' AS access
FROM pg_roles WHERE rolname = current_user AND rolsuper
UNION ALL
SELECT 'owns schema ' || n.nspname
FROM pg_namespace n WHERE n.nspname = ? AND pg_has_role(current_user, n.nspowner, 'USAGE')
UNION ALL
SELECT 'may create objects in schema ' || n.nspname
FROM pg_namespace n WHERE n.nspname = ? AND has_schema_privilege(current_user, n.oid, 'CREATE')
UNION ALL
SELECT CASE WHEN pg_has_role(current_user, c.relowner, 'USAGE') THEN 'owns ' || c.relname
            ELSE 'has ' || p.privilege || ' on ' || c.relname END
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (VALUES ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) AS p (privilege)
WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
  AND has_table_privilege(current_user, c.oid, p.privilege)
  AND (p.privilege = 'INSERT' OR NOT pg_has_role(current_user, c.relowner, 'USAGE'))
ORDER BY 1
