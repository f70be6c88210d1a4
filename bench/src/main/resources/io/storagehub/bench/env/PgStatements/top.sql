-- the statements that took the most server time since the last reset
SELECT calls, total_exec_time, rows, regexp_replace(query, '\s+', ' ', 'g') AS query
FROM pg_stat_statements
ORDER BY total_exec_time DESC
LIMIT ?
