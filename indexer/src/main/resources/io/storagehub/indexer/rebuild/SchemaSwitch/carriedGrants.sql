-- The privileges other roles hold on the live schema, as statements that give them on the rebuilt one: the
-- schema's own grants, each object's grants (objects of the same name), and the schema's default privileges, both
-- kept for objects created later (where the switching role may set them for the role they name) and applied to the
-- rebuilt objects their owner role already created. Grants to the objects' owners are skipped (an owner holds
-- every privilege). :live and :rebuild are schema names.
WITH live AS (
    SELECT oid, nspowner FROM pg_namespace WHERE nspname = :live
), rebuilt AS (
    SELECT oid FROM pg_namespace WHERE nspname = :rebuild
), objects AS (
    SELECT c.relname, c.relkind, c.relowner, c.relacl, c.relnamespace
    FROM pg_class c
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
), grantees AS (
    SELECT oid AS grantee, quote_ident(rolname) AS name FROM pg_roles
    UNION ALL SELECT 0, 'PUBLIC'
)
SELECT format('GRANT %s ON SCHEMA %I TO %s%s', a.privilege_type, :rebuild, g.name,
              CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END) AS statement
FROM live l
CROSS JOIN LATERAL aclexplode((SELECT nspacl FROM pg_namespace WHERE oid = l.oid)) a
JOIN grantees g ON g.grantee = a.grantee
WHERE a.grantee <> l.nspowner
UNION ALL
SELECT format('GRANT %s ON %s %I.%I TO %s%s', a.privilege_type,
              CASE WHEN o.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, :rebuild, o.relname, g.name,
              CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
FROM live l
JOIN objects o ON o.relnamespace = l.oid
CROSS JOIN LATERAL aclexplode(o.relacl) a
JOIN grantees g ON g.grantee = a.grantee
JOIN objects r ON r.relnamespace = (SELECT oid FROM rebuilt) AND r.relname = o.relname
                  AND (r.relkind = 'S') = (o.relkind = 'S')
WHERE a.grantee <> o.relowner
UNION ALL
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT %s ON %s TO %s%s',
              pg_get_userbyid(d.defaclrole), :rebuild, a.privilege_type,
              CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                   ELSE 'TYPES' END,
              g.name, CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
FROM live l
JOIN pg_default_acl d ON d.defaclnamespace = l.oid
CROSS JOIN LATERAL aclexplode(d.defaclacl) a
JOIN grantees g ON g.grantee = a.grantee
WHERE d.defaclobjtype IN ('r', 'S', 'f', 'T') AND pg_has_role(current_user, d.defaclrole, 'MEMBER')
UNION ALL
SELECT format('GRANT %s ON %s %I.%I TO %s%s', a.privilege_type,
              CASE WHEN r.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, :rebuild, r.relname, g.name,
              CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
FROM live l
JOIN pg_default_acl d ON d.defaclnamespace = l.oid AND d.defaclobjtype IN ('r', 'S')
CROSS JOIN LATERAL aclexplode(d.defaclacl) a
JOIN grantees g ON g.grantee = a.grantee
JOIN objects r ON r.relnamespace = (SELECT oid FROM rebuilt) AND r.relowner = d.defaclrole
                  AND (r.relkind = 'S') = (d.defaclobjtype = 'S')
WHERE a.grantee <> r.relowner
ORDER BY 1
