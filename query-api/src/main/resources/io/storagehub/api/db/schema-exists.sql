SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?) AND EXISTS (
    SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ? AND c.relkind IN ('r', 'p'))
