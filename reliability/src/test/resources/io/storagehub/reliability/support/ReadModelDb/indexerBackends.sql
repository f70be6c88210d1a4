-- The indexer's connections (its pool names itself in application_name): how many are inside a transaction
-- that has written (a batch being applied; the relay's short "mark published" update excluded) and how many
-- are inside any transaction at all.
SELECT count(*) FILTER (WHERE backend_xid IS NOT NULL AND query NOT LIKE 'UPDATE dead_letter SET published%')
           AS writing,
       count(*) FILTER (WHERE xact_start IS NOT NULL) AS in_transaction
FROM pg_stat_activity
WHERE application_name = 'storagehub-indexer' AND datname = current_database()
