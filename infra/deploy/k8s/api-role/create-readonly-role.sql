-- Creates (or updates) a login role that can only read the read model of one schema: the role the query API
-- connects with in production. Schema-independent: the names come from session settings, set in the same
-- transaction (psql: SET storagehub.readonly_role = 'storagehub_api'; ... then \i create-readonly-role.sql):
--   storagehub.readonly_role      the role's name
--   storagehub.readonly_password  its password
--   storagehub.schema             the read model's schema
-- Run it as the role that owns the read model's tables (the one that applies the migrations), so that tables
-- created by later migrations are readable too (ALTER DEFAULT PRIVILEGES applies to the current role's tables).
DO $$
DECLARE
    role_name     text := current_setting('storagehub.readonly_role');
    role_password text := current_setting('storagehub.readonly_password');
    schema_name   text := current_setting('storagehub.schema');
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', role_name, role_password);
    ELSE
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', role_name, role_password);
    END IF;
    EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', role_name);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, role_name);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', schema_name, role_name);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO %I', schema_name, role_name);
END
$$;
