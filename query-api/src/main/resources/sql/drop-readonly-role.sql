-- Drops the read-only role named by the session setting storagehub.readonly_role, with its grants and default
-- privileges (in the current database).
DO $$
DECLARE
    role_name text := current_setting('storagehub.readonly_role');
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
        EXECUTE format('DROP OWNED BY %I', role_name);
        EXECUTE format('DROP ROLE %I', role_name);
    END IF;
END
$$;
