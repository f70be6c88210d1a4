-- the indexer's sessions (its pool's application_name), busiest first
SELECT state, wait_event_type, wait_event
FROM pg_stat_activity
WHERE application_name = ? AND backend_type = 'client backend'
ORDER BY state = 'active' DESC
